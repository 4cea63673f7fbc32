// Quick-pick rows for choosing a release: every release with health data, by project, newest
// first, with its figures.
import type { ReleaseHealth } from '../../health/types';
import { escapeIcons } from '../format/escape';
import { formatCount, formatPercent } from '../format/numbers';
import { releaseDescription } from '../format/releaseFigures';
import { projectOrder, releasesOf } from '../format/releaseOrder';
import type { ReleaseKey, StoreSnapshot } from '../store/storeTypes';

export interface ReleasePickItem {
  /** `$(icon)` syntax in the version is escaped: quick picks render icons in labels. */
  label: string;
  description: string;
  detail: string;
  key: ReleaseKey;
}

const STATUS_WORD: Record<ReleaseHealth['healthStatus'], string> = {
  healthy: 'healthy',
  warning: 'warning',
  critical: 'critical',
  'insufficient-data': 'insufficient data',
};

export function releasePickItems(snapshot: StoreSnapshot, configuredProjects: readonly string[] = []): ReleasePickItem[] {
  const releases = snapshot.overview.releases;
  return projectOrder(releases, configuredProjects).flatMap((project) =>
    releasesOf(releases, project)
      .filter((r) => r.hasHealthData)
      .map((r) => ({
        label: escapeIcons(r.release),
        description: `${releaseDescription(r)} · ${STATUS_WORD[r.healthStatus]}`,
        detail:
          `${escapeIcons(r.project)} · ${formatCount(r.totalSessions)} sessions · ${formatCount(r.sessionsErrored)} errored · ${formatCount(r.totalUsers)} users · ` +
          `${formatPercent(r.crashFreeUsers)} crash-free users · adoption ${formatPercent(r.adoption)}`,
        key: { source: snapshot.scope.kind, project: r.project, release: r.release },
      })),
  );
}
