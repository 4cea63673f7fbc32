// Quick-pick rows for choosing a release: every release with health data, by project, newest
// first, with its figures.
import { escapeIcons } from '../../present/markdown';
import { countOf, formatPercent, sessionsCount, usersCount } from '../../present/numbers';
import { releasePickDescription } from '../../present/releaseFigures';
import { projectOrder, releasesOf } from '../../present/releaseOrder';
import type { ReleaseKey, StoreSnapshot } from '../store/storeTypes';
import { t } from '../../present/localize';

export interface ReleasePickItem {
  /** `$(icon)` syntax in the version is escaped: quick picks render icons in labels. */
  label: string;
  description: string;
  detail: string;
  key: ReleaseKey;
}

export function releasePickItems(snapshot: StoreSnapshot, configuredProjects: readonly string[] = []): ReleasePickItem[] {
  const releases = snapshot.overview.releases;
  return projectOrder(releases, configuredProjects).flatMap((project) =>
    releasesOf(releases, project)
      .filter((r) => r.hasHealthData)
      .map((r) => ({
        label: escapeIcons(r.release),
        description: releasePickDescription(r),
        detail:
          `${escapeIcons(r.project)} · ${sessionsCount(r.totalSessions)} · ` +
          `${countOf(r.sessionsErrored, (c) => t('{0} errored session', c), (c) => t('{0} errored sessions', c))} · ${usersCount(r.totalUsers)} · ` +
          `${t('{0} crash-free users', formatPercent(r.crashFreeUsers))} · ${t('adoption {0}', formatPercent(r.adoption))}`,
        key: { source: snapshot.scope.kind, project: r.project, release: r.release },
      })),
  );
}
