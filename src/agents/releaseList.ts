// `list_releases` / `releaseHealth_listReleases`: every project's releases, newest first, with
// the figures that say whether each is healthy. Compact on purpose: an agent picks a release
// here, then asks for its full figures.
import type { HealthStatus, Overview, ReleaseHealth, StatsPeriod } from '../health/types';
import { healthStatusWord, noHealthDataWords } from '../present/healthStatus';
import { formatCount, formatPercent } from '../present/numbers';
import { periodLine, quoted } from './agentText';
import { releasesOfProject } from './releaseLookup';

export interface ListedRelease {
  release: string;
  hasHealthData: boolean;
  healthStatus: HealthStatus;
  crashFreeSessions: number | null;
  crashFreeUsers: number | null;
  totalSessions: number;
  totalUsers: number;
  adoption: number | null;
  firstSeen: string | null;
  previousRelease: string | null;
  regression: boolean;
}

export interface ListedProject {
  project: string;
  releases: ListedRelease[];
}

export interface ReleaseList {
  now: string;
  summaryPeriod: StatsPeriod;
  projects: ListedProject[];
}

function listed(r: ReleaseHealth): ListedRelease {
  return {
    release: r.release,
    hasHealthData: r.hasHealthData,
    healthStatus: r.healthStatus,
    crashFreeSessions: r.crashFreeSessions,
    crashFreeUsers: r.crashFreeUsers,
    totalSessions: r.totalSessions,
    totalUsers: r.totalUsers,
    adoption: r.adoption,
    firstSeen: r.firstSeen,
    previousRelease: r.previousRelease,
    regression: r.regression,
  };
}

/** Releases grouped by project in the overview's order (projects by name, newest release first). */
export function listReleases(overview: Overview, project?: string): ReleaseList {
  const projects: ListedProject[] = [];
  for (const r of releasesOfProject(overview.releases, project)) {
    let p = projects.find((x) => x.project === r.project);
    if (!p) projects.push((p = { project: r.project, releases: [] }));
    p.releases.push(listed(r));
  }
  return { now: overview.now, summaryPeriod: overview.summaryPeriod, projects };
}

export function releaseListText(list: ReleaseList): string {
  const lines = [`${periodLine('Releases', list.summaryPeriod, list.now)}:`];
  for (const p of list.projects) {
    lines.push(`Project ${quoted(p.project)}:`);
    for (const r of p.releases) {
      lines.push(
        r.hasHealthData
          ? `- ${quoted(r.release)}: ${healthStatusWord(r.healthStatus)}, crash-free sessions ${formatPercent(r.crashFreeSessions)}, crash-free users ${formatPercent(r.crashFreeUsers)}, ${formatCount(r.totalSessions)} sessions${r.regression ? `, regression against ${quoted(r.previousRelease ?? '')}` : ''}`
          : `- ${quoted(r.release)}: ${noHealthDataWords()}`,
      );
    }
  }
  if (list.projects.length === 0) lines.push('No releases.');
  return lines.join('\n');
}
