// The release tree as plain data, built from the store's state: what each node shows and what
// its children are. The provider turns these into vscode.TreeItems; keeping this free of
// `vscode` lets unit tests pin the tree's shape.
import type { ReleaseHealth, SkipReport } from '../../health/types';
import { noHealthDataLabel } from '../../present/healthStatus';
import { COMMAND } from '../../present/ids';
import { countOf, formatCount } from '../../present/numbers';
import { printable } from '../../present/printable';
import { releaseDescription, releaseFigures, type Figure } from '../../present/releaseFigures';
import { projectOrder, releasesOf } from '../../present/releaseOrder';
import { scopeFacts, scopeSummary, staleText, type Staleness } from '../../present/scopeText';
import { stalenessOf } from '../store/staleness';
import type { ReleaseKey, SourceKind, StoreError, StoreSnapshot, StoreState } from '../store/storeTypes';
import { nodeId } from './nodeIds';
import { notInARelease } from '../../present/workspaceRelease';
import { commandTitle } from '../../present/commandTitles';
import { t } from '../../present/localize';

/** What the tree shows of the workspace folders' releases. */
export interface TreeWorkspace {
  /** Releases holding a folder's HEAD, with their mark ("this workspace", "HEAD +3"). */
  marks: Array<{ project: string; release: string; mark: string }>;
  /** A folder is a repository with commits and no release holds its HEAD. */
  notInRelease: boolean;
  /** Short SHA of that HEAD, for the message's tooltip. */
  head: string | null;
}

export const NO_WORKSPACE: TreeWorkspace = { marks: [], notInRelease: false, head: null };

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
  /** "this workspace" / "HEAD +3" when it holds a workspace folder's HEAD. */
  workspace: string | null;
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

export const NO_HEALTH_DATA_LABEL = noHealthDataLabel();

export function rootNodes(state: StoreState, configuredProjects: readonly string[], workspace: TreeWorkspace = NO_WORKSPACE): TreeNode[] {
  switch (state.status) {
    case 'unconfigured':
      // Empty: the view's welcome content (Connect to Sentry…, Explore with demo data) shows.
      return [];
    case 'loading':
      return state.previous
        ? snapshotNodes(state.previous, configuredProjects, null, workspace)
        : [{ kind: 'message', id: nodeId.message('loading'), label: t('Loading release health…'), icon: 'loading' }];
    case 'error':
      return [errorNode(state.error), ...(state.previous ? snapshotNodes(state.previous, configuredProjects, stalenessOf(state), workspace) : [])];
    case 'ready':
      return snapshotNodes(state.snapshot, configuredProjects, null, workspace);
  }
}

export function errorNode(error: StoreError): MessageNode {
  return {
    kind: 'message',
    id: nodeId.message('error'),
    label: error.message,
    description: error.fixTitle,
    tooltip: `${error.message}\n\n${t('Click: {0}', error.fixTitle)}`,
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
    tooltip: [...(stale ? [`${staleText(stale)}. ${stale.reason}`, ''] : []), ...facts, '', t('Click to change the period.')].join('\n'),
    icon: stale ? 'stale' : 'scope',
    command: { command: COMMAND.selectPeriod, title: commandTitle(COMMAND.selectPeriod) },
    accessibleLabel: t('Scope: {0}, {1}', label, description),
  };
}

function snapshotNodes(snapshot: StoreSnapshot, configuredProjects: readonly string[], stale: Staleness | null = null, workspace: TreeWorkspace = NO_WORKSPACE): TreeNode[] {
  const source = snapshot.scope.kind;
  const nodes: TreeNode[] = [scopeNode(snapshot, stale)];
  if (snapshot.skipped && snapshot.skipped.count > 0) nodes.push(skippedNode(source, snapshot.skipped, snapshot.scope.file));
  const releases = snapshot.overview.releases;
  if (workspace.notInRelease && releases.length > 0) {
    nodes.push({
      kind: 'message',
      id: nodeId.message('workspace'),
      label: notInARelease(),
      description: workspace.head ?? undefined,
      tooltip: t(
        "No release in {0} holds the workspace's HEAD{1}: none names it by SENTRY_RELEASE, records it among its commits, is named by its SHA or a tag at HEAD, or by package.json, and no commit in the 1,000 before it is released.",
        snapshot.scope.label,
        workspace.head ? ` (${workspace.head})` : '',
      ),
      icon: 'info',
    });
  }
  // The workspace's projects come first, as configured otherwise.
  const workspaceProjects = workspace.marks.map((m) => m.project);
  const projects = projectOrder(releases, [...workspaceProjects, ...configuredProjects]);
  if (projects.length === 0) {
    nodes.push({
      kind: 'message',
      id: nodeId.message('empty'),
      label: t('No releases found'),
      description: snapshot.scope.label,
      tooltip: t('No release has session data for these settings (source, projects, environments).'),
      icon: 'info',
      command: { command: COMMAND.openSettings, title: commandTitle(COMMAND.openSettings) },
    });
    return nodes;
  }
  for (const project of projects) {
    const marks = new Map(workspace.marks.filter((m) => m.project === project).map((m) => [m.release, m.mark]));
    nodes.push(projectNode(source, project, releasesOf(releases, project), projects.length === 1 || marks.size > 0, marks, stale));
  }
  return nodes;
}

function skippedNode(source: SourceKind, skipped: SkipReport, file: string | undefined): MessageNode {
  const first = skipped.samples.map((s) => t('line {0}: {1}', s.line, s.reason));
  return {
    kind: 'message',
    id: nodeId.skipped(source),
    label: countOf(skipped.count, (c) => t('{0} line skipped', c), (c) => t('{0} lines skipped', c)),
    description: first[0] ? printable(first[0]) : undefined,
    tooltip: `${t('Unusable lines were skipped:')}\n${first.map(printable).join('\n')}${skipped.count > first.length ? '\n…' : ''}`,
    icon: 'warning',
    children: first.map((text, i) => ({
      kind: 'message',
      id: nodeId.skippedLine(source, i),
      label: printable(text),
      icon: 'warning',
      ...(file ? { openLine: { file, line: skipped.samples[i].line }, tooltip: `${printable(text)}\n\n${t('Click to open the file at line {0}.', skipped.samples[i].line)}` } : {}),
    })),
  };
}

function projectNode(source: SourceKind, project: string, releases: ReleaseHealth[], expanded: boolean, marks: ReadonlyMap<string, string>, stale: Staleness | null): ProjectNode {
  // The workspace's release is offered first, with or without health data.
  const marked = releases.filter((r) => marks.has(r.release)).map((r) => releaseNode(source, r, marks.get(r.release)!, stale));
  const rest = releases.filter((r) => !marks.has(r.release));
  const withData = rest.filter((r) => r.hasHealthData).map((r) => releaseNode(source, r, null, stale));
  const without = rest.filter((r) => !r.hasHealthData).map((r) => releaseNode(source, r, null, stale));
  const children: Array<ReleaseNode | NoHealthDataNode> = [...marked, ...withData];
  if (without.length > 0) {
    children.push({
      kind: 'noHealthData',
      id: nodeId.noHealthData(source, project),
      label: noHealthDataLabel(),
      description: formatCount(without.length),
      children: without,
    });
  }
  return {
    kind: 'project',
    id: nodeId.project(source, project),
    source,
    project,
    description: withDataCount(releases) === 0 ? t('no health data') : countOf(withDataCount(releases), (c) => t('{0} release', c), (c) => t('{0} releases', c)),
    expanded,
    children,
  };
}

function withDataCount(releases: readonly ReleaseHealth[]): number {
  return releases.filter((r) => r.hasHealthData).length;
}

function releaseNode(source: SourceKind, r: ReleaseHealth, workspace: string | null, stale: Staleness | null): ReleaseNode {
  const description = releaseDescription(r);
  return {
    kind: 'release',
    id: nodeId.release(source, r.project, r.release),
    key: { source, project: r.project, release: r.release },
    health: r,
    label: printable(r.release),
    description: workspace === null ? description : `${workspace} · ${description}`,
    workspace,
    signature: JSON.stringify([r, workspace, stale]),
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
