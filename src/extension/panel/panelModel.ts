// Builds what a release panel shows from the store's state. Pure (no vscode), so the mapping
// from store states to panel phases is unit-tested.
import type { PanelLinks, PanelModel, PanelReleaseRecord, PanelScope, PanelWorkspace } from '../../webview/protocol';
import type { ReleaseHealthStoreReader, ReleaseKey, StoreSnapshot } from '../store/storeTypes';
import { matchedByLabel, workspaceMark } from '../../present/workspaceRelease';
import type { WorkspaceLink } from '../workspace/workspaceLinks';
import { sentryReleaseUrl } from '../../present/sentryLinks';

export type PanelStoreView = Pick<ReleaseHealthStoreReader, 'state' | 'snapshot' | 'findRelease'> & Partial<Pick<ReleaseHealthStoreReader, 'deploysOf'>>;

/** What a panel or comparison view of `key`'s project says it covers. */
export function panelScopeOf(key: Pick<ReleaseKey, 'project'>, snap: StoreSnapshot): PanelScope {
  return {
    sourceKind: snap.scope.kind,
    sourceLabel: snap.scope.label,
    organization: snap.scope.organization,
    project: key.project,
    environments: [...snap.scope.environments],
    summaryPeriod: snap.overview.summaryPeriod,
    healthPeriod: snap.overview.healthPeriod,
    stat: snap.overview.stat,
    updatedAt: snap.updatedAt,
  };
}

function linksOf(key: ReleaseKey, snap: StoreSnapshot | null, previousRelease: string | null): PanelLinks {
  const scope = snap?.scope;
  if (!scope || scope.kind !== 'sentry' || !scope.sentryUrl || !scope.organization) {
    return { openInSentry: null, previousReleaseInSentry: null };
  }
  const projectId = scope.projectIds?.[key.project];
  return {
    openInSentry: sentryReleaseUrl(scope.sentryUrl, scope.organization, key.release, projectId),
    previousReleaseInSentry: previousRelease === null ? null : sentryReleaseUrl(scope.sentryUrl, scope.organization, previousRelease, projectId),
  };
}

function recordOf(key: ReleaseKey, snap: StoreSnapshot, store: PanelStoreView): PanelReleaseRecord | null {
  const record = snap.records?.get(key.release);
  if (!record) return null;
  const deploys = store.deploysOf?.(key) ?? { status: 'none' as const };
  return {
    deploys: deploys.status === 'ready'
      ? { status: 'ready', items: deploys.deploys.map((d) => ({ environment: d.environment, dateFinished: d.dateFinished, name: d.name })) }
      : deploys,
    deployCount: record.deployCount,
    lastCommit: record.lastCommit
      ? { id: record.lastCommit.id, message: record.lastCommit.message, authorName: record.lastCommit.authorName, dateCreated: record.lastCommit.dateCreated }
      : null,
    commitCount: record.commitCount,
  };
}

function workspaceOf(key: ReleaseKey, links: readonly WorkspaceLink[]): PanelWorkspace | null {
  const link = links.find((l) => l.key !== null && l.key.source === key.source && l.key.project === key.project && l.key.release === key.release);
  return link?.match.matchedBy ? { mark: workspaceMark(link.match), matchedBy: matchedByLabel(link.match.matchedBy) } : null;
}

export function buildPanelModel(key: ReleaseKey, store: PanelStoreView, links: readonly WorkspaceLink[] = []): PanelModel {
  const state = store.state;
  const snap = store.snapshot;
  // A snapshot of another source (the user switched from demo to Sentry) says nothing of this key.
  const sameSource = snap !== null && snap.scope.kind === key.source;
  const health = sameSource ? store.findRelease(key) ?? null : null;
  return {
    key: { source: key.source, project: key.project, release: key.release },
    phase: state.status,
    error: state.status === 'error' ? { message: state.error.message, fixTitle: state.error.fixTitle } : null,
    health,
    scope: sameSource ? panelScopeOf(key, snap) : null,
    links: linksOf(key, sameSource ? snap : null, health?.previousRelease ?? null),
    record: sameSource ? recordOf(key, snap, store) : null,
    workspace: workspaceOf(key, links),
  };
}
