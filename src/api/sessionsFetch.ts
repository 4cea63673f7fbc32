// Which `/sessions/` queries one refresh makes, so that steps 1 to 4 have what they need for
// every (project, release) and nothing is lost at Sentry's group limit.
//
// Two kinds of query (S = summary window, A = 24 h adoption window, H = 90-day has-data
// window, T = health-stats window; each asked as start = W, end = now, interval = g):
//
// * Totals: `sum(session)`, `count_unique(user)` grouped by project and release, WITHOUT
//   session.status, so `orderBy=-sum(session)` is allowed and cursor pages are stable. They
//   give init and distinct users over the window (the StatusBreakdown totals, adoption) and
//   per-bucket series (init per bucket, or distinct users per bucket for stat=users).
//   TOT(S) also carries p50/p90(session.duration).
// * Status: the same grouped by session.status too. Sentry refuses orderBy there, and its
//   paginator compares the fanned-out status groups with per_page+1, so a cut answer carries
//   no next link (see sessionGroups.mayBeTruncated). Each status query is first sent
//   unfiltered (a "probe"): if no page holds more than per_page pairs it is complete, in one
//   request. Otherwise the pairs it did not return are asked for again in release-list chunks
//   (`query=release:[...]`) that each fit one page, split in two again if a chunk is still cut.
//
// Merges: TOT(A) is TOT(S) when the summary period is 24h; the series come from TOT(S) or
// TOT(A) when their buckets cover T (same interval, window starting no later), else TOT(T);
// when the summary period is 90d the has-data probe is the summary status query.
//
// Session requests per refresh while every answer fits one page: 4 for the default 24h/24h
// (TOT(S) = TOT(A), projects' TOT(A), status probes H and S), 5 for e.g. 14d/7d (TOT(A)
// apart), 6 when the series needs its own TOT(T) (e.g. 7d/90d). That is flat in the number
// of releases until a page is full: ~398 (project, release) pairs for hourly windows, 108 for
// the 90-day daily ones. Past it, one more request per page (totals) or per release-list chunk
// (status; also bounded by URL length, ~150-270 versions). Measured on the local server with
// one project: 10 and 100 releases → 4 session requests (+ 1 projects + 1 releases listing);
// 1000 → 8 (+ 1 + 10).
import type { HealthStat, StatsPeriod, UnixSeconds } from '../health/types';
import { ADOPTION_PERIOD, HAS_DATA_PERIOD, windowOf } from '../health/windows';
import type { Limiter } from './concurrency';
import { fetchPages } from './paginate';
import { SessionsResultSchema, type SessionsResult } from './schemas';
import {
  count,
  hasDataFromStatus,
  indexStatus,
  indexTotals,
  groupPair,
  mayBeTruncated,
  pairsIn,
  splitPairKey,
  SESSIONS,
  USERS,
  P50,
  P90,
  type PairKey,
} from './sessionGroups';
import {
  chunkReleases,
  perPageFor,
  queryWindow,
  releaseFilter,
  sameWindow,
  sessionsParams,
  type QueryWindow,
  type SessionsQuery,
  type SessionsScope,
} from './sessionsQueries';
import type { SentryHttp } from './sentryHttp';

/** Everything the adapter reads, as the API returned it (pages of `/sessions/` answers). */
export interface SessionsData {
  /** TOT(S): sum(session), count_unique(user), p50/p90(session.duration) by project, release. */
  summaryTotals: SessionsResult[];
  /** Status(S): sum(session), count_unique(user) by project, release, session.status. */
  summaryStatus: SessionsResult[];
  /** TOT(A): release init and users over the adoption window. */
  adoption: SessionsResult[];
  /** Init and users per project over the adoption window. */
  projectAdoption: SessionsResult[];
  /** Pages whose series hold the health-stats buckets. */
  series: SessionsResult[];
  /** Status(H): sum(session) by project, release, session.status over 90 days. */
  hasDataStatus: SessionsResult[];
  /** TOT(H) init of the pairs whose 90-day status groups are errored-only. */
  hasDataInit: SessionsResult[];
}

export interface SessionsPlanOptions {
  now: UnixSeconds;
  summaryPeriod: StatsPeriod;
  healthPeriod: StatsPeriod;
  stat: HealthStat;
}

const BY_PAIR = ['project', 'release'];
const BY_STATUS = ['project', 'release', 'session.status'];

export function sessionsPath(org: string): string {
  return `/api/0/organizations/${encodeURIComponent(org)}/sessions/`;
}

export async function fetchSessionsData(
  http: SentryHttp,
  organization: string,
  scope: SessionsScope,
  /** Pairs the releases listing names; awaited only once the first queries are out. */
  listed: Iterable<PairKey> | Promise<Iterable<PairKey>>,
  options: SessionsPlanOptions,
  run: Limiter,
): Promise<SessionsData> {
  const path = sessionsPath(organization);
  const get = (q: SessionsQuery) => run(() => fetchPages(http, path, sessionsParams(q, scope), SessionsResultSchema));
  const totals = (window: QueryWindow, fields: string[], query?: string) =>
    get({ window, fields, groupBy: BY_PAIR, orderBy: `-${SESSIONS}`, perPage: perPageFor(window, false), query });
  const status = (window: QueryWindow, fields: string[], query?: string) =>
    get({ window, fields, groupBy: BY_STATUS, perPage: perPageFor(window, true), query });

  const S = queryWindow(windowOf(options.summaryPeriod, options.now));
  const A = queryWindow(windowOf(ADOPTION_PERIOD, options.now));
  const H = queryWindow(windowOf(HAS_DATA_PERIOD, options.now));
  const T = queryWindow(windowOf(options.healthPeriod, options.now));
  const covers = (w: QueryWindow) => w.interval === T.interval && w.start <= T.start && w.end === T.end;
  const summaryIsAdoption = sameWindow(S, A);
  const summaryIsHasData = sameWindow(S, H);
  const seriesSource = covers(S) ? 'S' : covers(A) ? 'A' : 'T';
  const statusFieldsH = summaryIsHasData ? [SESSIONS, USERS] : [SESSIONS];

  // Phase 1: independent queries, in parallel (bounded by `run`).
  const totS = totals(S, [SESSIONS, USERS, P50, P90]);
  const totA = summaryIsAdoption ? totS : totals(A, [SESSIONS, USERS]);
  const totT = seriesSource === 'T' ? totals(T, options.stat === 'users' ? [SESSIONS, USERS] : [SESSIONS]) : null;
  const projA = get({ window: A, fields: [SESSIONS, USERS], groupBy: ['project'], orderBy: `-${SESSIONS}`, perPage: perPageFor(A, false) });
  const stH = status(H, statusFieldsH);
  const stS = summaryIsHasData ? stH : status(S, [SESSIONS, USERS]);
  const [summaryTotals, adoption, seriesT, projectAdoption, probeH, probeS, listedPairs] = await Promise.all([totS, totA, totT, projA, stH, stS, listed]);

  const known = new Set<PairKey>(listedPairs);
  for (const pages of [summaryTotals, adoption, seriesT ?? [], probeH, probeS]) for (const k of pairsIn(pages)) known.add(k);

  // Step 1: init in the summary window, or a session counter in the 90-day window.
  const initS = new Set([...indexTotals(summaryTotals, groupPair)].filter(([, r]) => count(r.totals[SESSIONS]) > 0).map(([k]) => k));
  const hasDataStatus = [...probeH];
  if (mayBeTruncated(probeH, perPageFor(H, true))) {
    const returned = pairsIn(probeH);
    // Pairs with init in S already have health data, unless this probe is also the summary's.
    const rest = [...known].filter((k) => !returned.has(k) && (summaryIsHasData || !initS.has(k)));
    hasDataStatus.push(...(await chunkedStatus(H, statusFieldsH, rest)));
  }
  const statusH = indexStatus(hasDataStatus, SESSIONS);
  const ambiguous = [...known].filter((k) => !initS.has(k) && hasDataFromStatus(statusH.get(k)) === 'ambiguous');
  const hasDataInit = ambiguous.length > 0 ? await chunkedTotals(H, [SESSIONS], ambiguous) : [];
  const initH = indexTotals(hasDataInit, groupPair);
  const hasData = [...known].filter(
    (k) => initS.has(k) || hasDataFromStatus(statusH.get(k)) === 'yes' || count(initH.get(k)?.totals[SESSIONS]) > 0,
  );

  // Steps 2 to 4 need the summary status groups of every pair with health data.
  let summaryStatus = summaryIsHasData ? hasDataStatus : [...probeS];
  if (!summaryIsHasData && mayBeTruncated(probeS, perPageFor(S, true))) {
    const returned = pairsIn(probeS);
    const missing = hasData.filter((k) => !returned.has(k));
    summaryStatus = [...summaryStatus, ...(await chunkedStatus(S, [SESSIONS, USERS], missing))];
  }

  const series = seriesSource === 'S' ? summaryTotals : seriesSource === 'A' ? adoption : seriesT!;
  return { summaryTotals, summaryStatus, adoption, projectAdoption, series, hasDataStatus, hasDataInit };

  /** Versions of `pairs`, each weighted by how many of the pairs it names. */
  function weights(pairs: PairKey[]) {
    const byVersion = new Map<string, number>();
    for (const k of pairs) {
      const { release } = splitPairKey(k);
      byVersion.set(release, (byVersion.get(release) ?? 0) + 1);
    }
    return [...byVersion].map(([version, n]) => ({ version, pairs: n }));
  }

  async function chunkedStatus(window: QueryWindow, fields: string[], pairs: PairKey[]): Promise<SessionsResult[]> {
    const perPage = perPageFor(window, true);
    const one = async (versions: string[]): Promise<SessionsResult[]> => {
      const pages = await status(window, fields, releaseFilter(versions));
      if (!mayBeTruncated(pages, perPage) || versions.length < 2) return pages;
      const half = Math.ceil(versions.length / 2);
      return (await Promise.all([one(versions.slice(0, half)), one(versions.slice(half))])).flat();
    };
    const chunks = chunkReleases(weights(pairs), perPage);
    return (await Promise.all(chunks.map(one))).flat();
  }

  async function chunkedTotals(window: QueryWindow, fields: string[], pairs: PairKey[]): Promise<SessionsResult[]> {
    const chunks = chunkReleases(weights(pairs), perPageFor(window, false));
    return (await Promise.all(chunks.map((versions) => totals(window, fields, releaseFilter(versions))))).flat();
  }
}
