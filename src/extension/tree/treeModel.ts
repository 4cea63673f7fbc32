// The release tree as plain data, built from the store's state: what each node shows and what
// its children are. The provider turns these into vscode.TreeItems; keeping this free of
// `vscode` lets unit tests pin the tree's shape.
import type { ReleaseHealth, SkipReport } from '../../health/types';
import { NO_HEALTH_DATA } from '../../present/healthStatus';
import { COMMAND } from '../../present/ids';
import { countOf, formatCount } from '../../present/numbers';
import { printable } from '../../present/printable';
import { releaseDescription, releaseFigures, type Figure } from '../../present/releaseFigures';
import { projectOrder, releasesOf } from '../../present/releaseOrder';
import { scopeFacts, scopeSummary, staleText, type Staleness } from '../../present/scopeText';
import { stalenessOf } from '../store/staleness';
import type { ReleaseKey, SourceKind, StoreError, StoreSnapshot, StoreState } from '../store/storeTypes';
import { nodeId } from './nodeIds';

export type MessageIcon = 'error' | 'warning' | 'info' | 'loading' | 'scope' | 'stale';

export interface MessageNode {
  kind: 'message';
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon: MessageIcon;
  command?: { command: string; title: string; arguments?: unknown[] };
  /** Child messages (the first skipped lines). */
  children?: MessageNode[];
  /** What a screen reader says (default: label and description). */
  accessibleLabel?: string;
  /** A click opens this file at this line (1-based): a skipped line of the session file. */
  openLine?: { file: string; line: number };
}

export interface ProjectNode {
  kind: 'project';
  id: string;
  source: SourceKind;
  project: string;
  description: string;
  expanded: boolean;
  children: Array<ReleaseNode | NoHealthDataNode>;
}

export interface NoHealthDataNode {
  kind: 'noHealthData';
  id: string;
  label: string;
  description: string;
  children: ReleaseNode[];
}

export interface ReleaseNode {
  kind: 'release';
  id: string;
  key: ReleaseKey;
  health: ReleaseHealth;
  description: string;
  /** Version with control characters made visible. */
  label: string;
  /** Compares releases between refreshes: equal signature, nothing to redraw. */
  signature: string;
  /** Figures kept from an earlier load (the latest failed): drawn muted. */
  stale: Staleness | null;
}

export interface FigureNode {
  kind: 'figure';
  id: string;
  figure: Figure;
}

export type TreeNode = MessageNode | ProjectNode | NoHealthDataNode | ReleaseNode | FigureNode;

export function rootNodes(state: StoreState, configuredProjects: readonly string[]): TreeNode[] {
  switch (state.status) {
    case 'unconfigured':
      // Empty: the view's welcome content (Connect to Sentry…, Explore with demo data) shows.
      return [];
    case 'loading':
      return state.previous
        ? snapshotNodes(state.previous, configuredProjects)
        : [{ kind: 'message', id: nodeId.message('loading'), label: 'Loading release health…', icon: 'loading' }];
    case 'error':
      return [errorNode(state.error), ...(state.previous ? snapshotNodes(state.previous, configuredProjects, stalenessOf(state)) : [])];
    case 'ready':
      return snapshotNodes(state.snapshot, configuredProjects);
  }
}

export function errorNode(error: StoreError): MessageNode {
  return {
    kind: 'message',
    id: nodeId.message('error'),
    label: error.message,
    description: error.fixTitle,
    tooltip: `${error.message}\n\nClick: ${error.fixTitle}`,
    icon: 'error',
    command: { command: error.fixCommand, title: error.fixTitle },
  };
}

/** First row: what the figures cover (the view's description is hidden in a one-view container). */
export function scopeNode(snapshot: StoreSnapshot, stale: Staleness | null): MessageNode {
  const label = scopeSummary(snapshot.scope);
  const description = stale ? staleText(stale) : snapshot.scope.label;
  const facts = scopeFacts(snapshot.scope);
  return {
    kind: 'message',
    id: nodeId.message('scope'),
    label,
    description,
    tooltip: [...(stale ? [`${staleText(stale)}. ${stale.reason}`, ''] : []), ...facts, '', 'Click to change the period.'].join('\n'),
    icon: stale ? 'stale' : 'scope',
    command: { command: COMMAND.selectPeriod, title: 'Select Period' },
    accessibleLabel: `Scope: ${label}, ${description}`,
  };
}

function snapshotNodes(snapshot: StoreSnapshot, configuredProjects: readonly string[], stale: Staleness | null = null): TreeNode[] {
  const source = snapshot.scope.kind;
  const nodes: TreeNode[] = [scopeNode(snapshot, stale)];
  if (snapshot.skipped && snapshot.skipped.count > 0) nodes.push(skippedNode(source, snapshot.skipped, snapshot.scope.file));
  const releases = snapshot.overview.releases;
  const projects = projectOrder(releases, configuredProjects);
  if (projects.length === 0) {
    nodes.push({
      kind: 'message',
      id: nodeId.message('empty'),
      label: 'No releases found',
      description: snapshot.scope.label,
      tooltip: 'No release has session data for these settings (source, projects, environments).',
      icon: 'info',
      command: { command: COMMAND.openSettings, title: 'Open Settings' },
    });
    return nodes;
  }
  for (const project of projects) nodes.push(projectNode(source, project, releasesOf(releases, project), projects.length === 1, stale));
  return nodes;
}

function skippedNode(source: SourceKind, skipped: SkipReport, file: string | undefined): MessageNode {
  const first = skipped.samples.map((s) => `line ${s.line}: ${s.reason}`);
  return {
    kind: 'message',
    id: nodeId.skipped(source),
    label: `${countOf(skipped.count, 'line')} skipped`,
    description: first[0] ? printable(first[0]) : undefined,
    tooltip: `Unusable lines were skipped:\n${first.map(printable).join('\n')}${skipped.count > first.length ? '\n…' : ''}`,
    icon: 'warning',
    children: first.map((text, i) => ({
      kind: 'message',
      id: nodeId.skippedLine(source, i),
      label: printable(text),
      icon: 'warning',
      ...(file ? { openLine: { file, line: skipped.samples[i].line }, tooltip: `${printable(text)}\n\nClick to open the file at line ${skipped.samples[i].line}.` } : {}),
    })),
  };
}

function projectNode(source: SourceKind, project: string, releases: ReleaseHealth[], only: boolean, stale: Staleness | null): ProjectNode {
  const withData = releases.filter((r) => r.hasHealthData).map((r) => releaseNode(source, r, stale));
  const without = releases.filter((r) => !r.hasHealthData).map((r) => releaseNode(source, r, stale));
  const children: Array<ReleaseNode | NoHealthDataNode> = [...withData];
  if (without.length > 0) {
    children.push({
      kind: 'noHealthData',
      id: nodeId.noHealthData(source, project),
      label: NO_HEALTH_DATA,
      description: formatCount(without.length),
      children: without,
    });
  }
  return {
    kind: 'project',
    id: nodeId.project(source, project),
    source,
    project,
    description: withData.length === 0 ? 'no health data' : countOf(withData.length, 'release'),
    expanded: only,
    children,
  };
}

function releaseNode(source: SourceKind, r: ReleaseHealth, stale: Staleness | null): ReleaseNode {
  return {
    kind: 'release',
    id: nodeId.release(source, r.project, r.release),
    key: { source, project: r.project, release: r.release },
    health: r,
    label: printable(r.release),
    description: releaseDescription(r),
    signature: JSON.stringify([r, stale]),
    stale,
  };
}

export function figureNodes(node: ReleaseNode): FigureNode[] {
  if (!node.health.hasHealthData) return [];
  const { source, project, release } = node.key;
  return releaseFigures(node.health).map((figure) => ({
    kind: 'figure',
    id: nodeId.figure(source, project, release, figure.key),
    figure,
  }));
}
