// Builds what a release panel shows from the store's state. Pure (no vscode), so the mapping
// from store states to panel phases is unit-tested.
import type { PanelLinks, PanelModel, PanelScope } from '../../webview/protocol';
import type { ReleaseHealthStoreReader, ReleaseKey, StoreSnapshot } from '../store/storeTypes';
import { sentryReleaseUrl } from '../../present/sentryLinks';

export type PanelStoreView = Pick<ReleaseHealthStoreReader, 'state' | 'snapshot' | 'findRelease'>;

function scopeOf(key: ReleaseKey, snap: StoreSnapshot): PanelScope {
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

export function buildPanelModel(key: ReleaseKey, store: PanelStoreView): PanelModel {
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
    scope: sameSource ? scopeOf(key, snap) : null,
    links: linksOf(key, sameSource ? snap : null, health?.previousRelease ?? null),
  };
}
