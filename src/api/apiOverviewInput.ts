// The API source's adapter (pure, no I/O): listings and `/sessions/` answers → OverviewInput,
// following health-pipeline.md "Reading the same figures from the Sentry API":
// totals from the ungrouped sum(session) / count_unique(user); status groups → StatusBreakdown
// (errored includes unhandled, as Sentry's groups do; a missing unhandled group is 0; unknown
// statuses are ignored); releases = the listed ones plus any that appear only in session data.
import type { OverviewInput, OverviewOptions, ProjectAdoptionTotals, ReleaseInput, StatusBreakdown, UnixSeconds } from '../health/types';
import { seriesBuckets } from '../health/windows';
import type { SessionsResult } from './schemas';
import {
  count,
  emptyCounts,
  groupPair,
  hasDataFromStatus,
  indexStatus,
  indexTotals,
  pairKey,
  parseInstant,
  projectOf,
  splitPairKey,
  P50,
  P90,
  SESSIONS,
  USERS,
  type PairKey,
  type StatusCounts,
} from './sessionGroups';
import type { SessionsData } from './sessionsFetch';

export interface ApiListing {
  /** The configured projects (all the token can see when none were named). */
  projects: Array<{ id: string; slug: string }>;
  releases: Array<{ version: string; dateCreated?: string | null; projects?: Array<{ slug: string }> }>;
}

/** (project id, release) pairs the releases listing names within the configured projects, with their creation time. */
export function listedPairs(listing: ApiListing): Map<PairKey, UnixSeconds | null> {
  const idOf = new Map(listing.projects.map((p) => [p.slug, p.id]));
  const out = new Map<PairKey, UnixSeconds | null>();
  for (const r of listing.releases) {
    const created = r.dateCreated ? parseInstant(r.dateCreated) : NaN;
    for (const p of r.projects ?? []) {
      const id = idOf.get(p.slug);
      if (id === undefined) continue;
      const key = pairKey(id, r.version);
      if (!out.has(key)) out.set(key, Number.isFinite(created) ? created : null);
    }
  }
  return out;
}

export function breakdown(total: number, c: StatusCounts | undefined): StatusBreakdown {
  const s = c ?? emptyCounts();
  return { total, healthy: s.healthy, errored: s.errored, crashed: s.crashed, abnormal: s.abnormal, unhandled: s.unhandled };
}

/** Milliseconds from the API → seconds; null stays null. */
function seconds(ms: number | null | undefined): number | null {
  return typeof ms === 'number' && Number.isFinite(ms) ? ms / 1000 : null;
}

/** Earliest bucket in which a pair has any non-zero value, over every page given. */
function firstBuckets(pages: SessionsResult[]): Map<PairKey, UnixSeconds> {
  const out = new Map<PairKey, UnixSeconds>();
  for (const page of pages) {
    const starts = page.intervals.map(parseInstant);
    for (const g of page.groups) {
      const key = groupPair(g);
      if (key === null) continue;
      for (const values of Object.values(g.series ?? {})) {
        const i = values.findIndex((v) => typeof v === 'number' && v > 0);
        if (i < 0 || !Number.isFinite(starts[i])) continue;
        const prev = out.get(key);
        if (prev === undefined || starts[i] < prev) out.set(key, starts[i]);
      }
    }
  }
  return out;
}

export function buildApiOverviewInput(listing: ApiListing, data: SessionsData, options: OverviewOptions): OverviewInput {
  const slugOf = new Map(listing.projects.map((p) => [p.id, p.slug]));
  const listed = listedPairs(listing);

  const totS = indexTotals(data.summaryTotals, groupPair);
  const sessionsS = indexStatus(data.summaryStatus, SESSIONS);
  const usersS = indexStatus(data.summaryStatus, USERS);
  const adopt = indexTotals(data.adoption, groupPair);
  const projA = indexTotals(data.projectAdoption, projectOf);
  const series = indexTotals(data.series, groupPair);
  const statusH = indexStatus(data.hasDataStatus, SESSIONS);
  const initH = indexTotals(data.hasDataInit, groupPair);
  const first = firstBuckets([...data.hasDataStatus, ...data.summaryTotals, ...data.series]);

  const pairs = new Set<PairKey>(listed.keys());
  for (const pages of [data.summaryTotals, data.summaryStatus, data.adoption, data.series, data.hasDataStatus, data.hasDataInit]) {
    for (const page of pages) for (const g of page.groups) {
      const k = groupPair(g);
      if (k !== null) pairs.add(k);
    }
  }

  const buckets = seriesBuckets(options.healthPeriod, options.now);
  const seriesField = options.stat === 'users' ? USERS : SESSIONS;
  const releases: ReleaseInput[] = [];
  for (const key of pairs) {
    const { projectId, release } = splitPairKey(key);
    const project = slugOf.get(projectId);
    if (project === undefined) continue; // outside the configured projects
    const tot = totS.get(key)?.totals ?? {};
    const init = count(tot[SESSIONS]);
    const hasHealthData = init > 0 || hasDataFromStatus(statusH.get(key)) === 'yes' || count(initH.get(key)?.totals[SESSIONS]) > 0;
    const a = adopt.get(key)?.totals ?? {};
    const s = series.get(key)?.series.get(seriesField);
    releases.push({
      project,
      release,
      firstSeen: listed.get(key) ?? first.get(key) ?? null,
      hasHealthData,
      stats: hasHealthData
        ? {
            sessions: breakdown(init, sessionsS.get(key)),
            users: breakdown(count(tot[USERS]), usersS.get(key)),
            sessions24h: count(a[SESSIONS]),
            users24h: count(a[USERS]),
            series: buckets.map((t) => count(s?.get(t))),
            durationP50: seconds(tot[P50]),
            durationP90: seconds(tot[P90]),
          }
        : null,
    });
  }

  const projects: Record<string, ProjectAdoptionTotals> = {};
  for (const p of listing.projects) {
    const t = projA.get(p.id)?.totals ?? {};
    projects[p.slug] = { sessions24h: count(t[SESSIONS]), users24h: count(t[USERS]) };
  }
  return { releases, projects };
}
