// Equal-age windows through the `/sessions/` API, in as few requests as the API allows:
// 1. daily init over the 90-day window for every compared release (one request): each one's
//    first day with a session;
// 2. hourly init over those first days (one request while they lie within Sentry's 1000
//    buckets of each other, else one per release): the first hour t0;
// 3. per distinct window [t0, min(t0 + age, now)): the totals (init, users, durations) and
//    the status groups, filtered to its releases (two requests).
// So 6 session requests for two releases of different ages, 4 when they share a window.
import { equalAgeWindow, ageKey, type AgeWindowStats } from '../health/equalAge';
import type { UnixSeconds } from '../health/types';
import { DAY, HAS_DATA_PERIOD, HOUR, windowOf, type Window } from '../health/windows';
import { breakdown } from './apiOverviewInput';
import type { Limiter } from './concurrency';
import { SentryApiError } from './errors';
import { fetchPages } from './paginate';
import { SessionsResultSchema, type SessionsResult } from './schemas';
import { count, groupPair, indexStatus, indexTotals, pairKey, P50, P90, SESSIONS, USERS, type PairKey } from './sessionGroups';
import { sessionsPath } from './sessionsFetch';
import { intervalCount, perPageFor, queryWindow, releaseFilter, sessionsParams, type QueryWindow, type SessionsScope } from './sessionsQueries';
import type { SentryHttp } from './sentryHttp';

/** Sentry's MAX_POINTS for one `/sessions/` query. */
const MAX_BUCKETS = 1000;
/** Intervals that divide a day and keep an hour-aligned start exact (Sentry aligns start down to the interval). */
const HOURLY_INTERVALS = [1, 2, 3, 4, 6, 8, 12, 24].map((h) => h * HOUR);

export interface AgeFetchOptions {
  /** The project's id (the API's `project` parameter) and slug (the key of the result). */
  projectId: string;
  projectSlug: string;
  releases: readonly string[];
  ageHours: number;
  now: UnixSeconds;
  environments: string[];
}

/** The finest interval that keeps the window exact and within Sentry's bucket limit. */
export function ageQueryWindow(w: Window): QueryWindow {
  for (const g of HOURLY_INTERVALS) {
    if (w.start % g !== 0) continue;
    const q = { start: w.start, end: w.end, interval: g };
    if (intervalCount(q) <= MAX_BUCKETS) return q;
  }
  throw new SentryApiError(
    `An equal-age window of ${Math.round((w.end - w.start) / HOUR)} hours from ${new Date(w.start * 1000).toISOString()} needs more than Sentry's ${MAX_BUCKETS} buckets per query; use a shorter --age.`,
    { kind: 'invalid-response', endpoint: 'sessions' },
  );
}

/** First bucket with init > 0 per pair. */
function firstInit(pages: SessionsResult[]): Map<PairKey, UnixSeconds> {
  const out = new Map<PairKey, UnixSeconds>();
  for (const [key, row] of indexTotals(pages, groupPair)) {
    const series = row.series.get(SESSIONS);
    if (!series) continue;
    for (const [t, v] of [...series].sort((a, b) => a[0] - b[0])) {
      if (count(v) > 0) {
        out.set(key, t);
        break;
      }
    }
  }
  return out;
}

export async function fetchAgeWindows(http: SentryHttp, organization: string, options: AgeFetchOptions, run: Limiter): Promise<Map<string, AgeWindowStats | null>> {
  const path = sessionsPath(organization);
  const scope: SessionsScope = { projectIds: [options.projectId], environments: options.environments };
  // Every query names its few releases, so one page holds them (per_page within Sentry's limit).
  const get = (window: QueryWindow, fields: string[], groupBy: string[], versions: readonly string[]) => {
    const perPage = perPageFor(window, groupBy.includes('session.status'));
    const params = sessionsParams({ window, fields, groupBy, query: releaseFilter([...versions]), perPage }, scope);
    return run(() => fetchPages(http, path, params, SessionsResultSchema));
  };
  const pair = (release: string) => pairKey(options.projectId, release);
  const releases = [...new Set(options.releases)];
  const out = new Map<string, AgeWindowStats | null>(releases.map((r) => [ageKey(options.projectSlug, r), null]));

  // 1. First day with a session, in the 90-day window.
  const hasData = windowOf(HAS_DATA_PERIOD, options.now);
  const days = firstInit(await get(queryWindow(hasData), [SESSIONS], ['project', 'release'], releases));
  const started = releases.filter((r) => days.has(pair(r)));
  if (started.length === 0) return out;

  // 2. First hour within that day.
  const hourly = (from: UnixSeconds, to: UnixSeconds, versions: string[]) =>
    get({ start: from, end: Math.min(to, options.now), interval: HOUR }, [SESSIONS], ['project', 'release'], versions);
  const dayStarts = started.map((r) => days.get(pair(r))!);
  const from = Math.max(hasData.start, Math.min(...dayStarts));
  const to = Math.max(...dayStarts) + DAY;
  const hourPages =
    (to - from) / HOUR <= MAX_BUCKETS
      ? await hourly(from, to, started)
      : (await Promise.all(started.map((r) => hourly(Math.max(hasData.start, days.get(pair(r))!), days.get(pair(r))! + DAY, [r])))).flat();
  const hours = firstInit(hourPages);

  // 3. Each distinct window: totals and status groups of the releases that share it.
  const byWindow = new Map<string, { window: Window; versions: string[] }>();
  for (const r of started) {
    const t0 = hours.get(pair(r));
    if (t0 === undefined || t0 < hasData.start) continue;
    const w = equalAgeWindow(t0, options.ageHours, options.now);
    const id = `${w.start}-${w.end}`;
    const entry = byWindow.get(id) ?? { window: w, versions: [] };
    entry.versions.push(r);
    byWindow.set(id, entry);
  }
  await Promise.all(
    [...byWindow.values()].map(async ({ window, versions }) => {
      const q = ageQueryWindow(window);
      const [totals, status] = await Promise.all([
        get(q, [SESSIONS, USERS, P50, P90], ['project', 'release'], versions),
        get(q, [SESSIONS, USERS], ['project', 'release', 'session.status'], versions),
      ]);
      const tot = indexTotals(totals, groupPair);
      const sessionsS = indexStatus(status, SESSIONS);
      const usersS = indexStatus(status, USERS);
      const starts = Array.from({ length: Math.ceil((window.end - window.start) / q.interval) }, (_, i) => window.start + i * q.interval);
      for (const r of versions) {
        const row = tot.get(pair(r));
        const t = row?.totals ?? {};
        const seriesOf = (field: string) => starts.map((s) => count(row?.series.get(field)?.get(s)));
        out.set(ageKey(options.projectSlug, r), {
          window: { ...window, granularity: q.interval },
          sessions: breakdown(count(t[SESSIONS]), sessionsS.get(pair(r))),
          users: breakdown(count(t[USERS]), usersS.get(pair(r))),
          durationP50: typeof t[P50] === 'number' ? t[P50] / 1000 : null,
          durationP90: typeof t[P90] === 'number' ? t[P90] / 1000 : null,
          series: { sessions: seriesOf(SESSIONS), users: seriesOf(USERS) },
        });
      }
    }),
  );
  return out;
}
