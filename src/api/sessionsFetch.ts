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
// Ties: totals are paged by offset under `orderBy=-sum(session)`, but Sentry orders by that
// value alone and ClickHouse keeps no order among equal values (and the current bucket keeps
// filling between pages), so pairs with equal counts at a page boundary may be skipped or
// repeated. No figure may depend on that order: when a totals query took more than one page
// (or may have been cut), every pair that needs it (has health data, and data in its window,
// as the status queries tell) but is missing from it is asked for again by release list.
// Repeats are harmless: the first occurrence wins.
//
// Older self-hosted Sentry (sessions backend, before metrics) ignores per_page and cuts at
// `5000 // intervals` groups silently: an unlinked answer holding that many is treated as cut
// (sessionGroups.mayBeCutByLegacyLimit) and split by release list like a cut status answer.
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
// one project: 10 and 100 releases → 4 session requests (+ 1 projects + 1 releases listing,
// + 1 organization once per process for its region); 1000 → 8 (+ 1 + 10). 20,000 dead
// releases beside 700 live ones with tied counts, ties shuffled: 8 session requests + 7
// listing pages + 2, every figure exact.
import type { HealthStat, StatsPeriod, UnixSeconds } from '../health/types';
import { ADOPTION_PERIOD, HAS_DATA_PERIOD, windowOf } from '../health/windows';
import type { Limiter } from './concurrency';
import { fetchLinkedPages } from './paginate';
import { SessionsResultSchema, type SessionsResult } from './schemas';
import {
  count,
  hasDataFromStatus,
  indexStatus,
  indexTotals,
  groupPair,
  mayBeCutByLegacyLimit,
  mayBeTruncated,
  pairsIn,
  projectOf,
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
/** Project ids per request when per-project totals are asked again (URL length, one page each). */
const PROJECTS_PER_QUERY = 100;
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
  /** One query's pages; `cut`: it may lack groups; `paged`: it took more than one page. */
  interface Answer {
    pages: SessionsResult[];
    cut: boolean;
    paged: boolean;
  }
  const get = (q: SessionsQuery, projectIds = scope.projectIds): Promise<Answer> =>
    run(async () => {
      const { pages, linked } = await fetchLinkedPages(http, path, sessionsParams(q, { ...scope, projectIds }), SessionsResultSchema);
      const statusGrouped = q.groupBy.includes('session.status');
      // A status-grouped answer has no order (Sentry refuses orderBy there), so one that took
      // pages may have lost or repeated pairs between them: treat it as cut too.
      const cut = (statusGrouped && (mayBeTruncated(pages, q.perPage) || pages.length > 1)) || mayBeCutByLegacyLimit(pages, linked);
      return { pages, cut, paged: pages.length > 1 };
    });
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
  const fieldsS = [SESSIONS, USERS, P50, P90];
  const fieldsA = [SESSIONS, USERS];
  const fieldsT = options.stat === 'users' ? [SESSIONS, USERS] : [SESSIONS];

  // Phase 1: independent queries, in parallel (bounded by `run`).
  const totS = totals(S, fieldsS);
  const totA = summaryIsAdoption ? totS : totals(A, fieldsA);
  const totT = seriesSource === 'T' ? totals(T, fieldsT) : null;
  const projectTotals = (projectIds?: string[]) =>
    get({ window: A, fields: [SESSIONS, USERS], groupBy: ['project'], orderBy: `-${SESSIONS}`, perPage: perPageFor(A, false) }, projectIds);
  const projA = projectTotals();
  const stH = status(H, statusFieldsH);
  const stS = summaryIsHasData ? stH : status(S, [SESSIONS, USERS]);
  const [answerS, answerA, answerT, projectAnswer, probeH, probeS, listedPairs] = await Promise.all([totS, totA, totT, projA, stH, stS, listed]);

  const known = new Set<PairKey>(listedPairs);
  for (const a of [answerS, answerA, answerT, probeH, probeS]) if (a) for (const k of pairsIn(a.pages)) known.add(k);

  // Step 1: init in the summary window, or a session counter in the 90-day window.
  const initS = new Set([...indexTotals(answerS.pages, groupPair)].filter(([, r]) => count(r.totals[SESSIONS]) > 0).map(([k]) => k));
  const hasDataStatus = [...probeH.pages];
  if (probeH.cut) {
    const returned = pairsIn(probeH.pages);
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
  let summaryStatus = summaryIsHasData ? hasDataStatus : [...probeS.pages];
  if (!summaryIsHasData && probeS.cut) {
    const returned = pairsIn(probeS.pages);
    const missing = hasData.filter((k) => !returned.has(k));
    summaryStatus = [...summaryStatus, ...(await chunkedStatus(S, [SESSIONS, USERS], missing))];
  }

  // Totals that took several pages (or were cut) are completed for the pairs that need them:
  // those with data in the summary window (they have summary status groups), or, for a window
  // the summary does not cover, every pair with health data.
  const inSummary = pairsIn(summaryStatus);
  const needS = hasData.filter((k) => inSummary.has(k));
  const within = (w: QueryWindow) => w.start >= S.start && w.end === S.end;
  const [summaryTotals, adoption, seriesT, projectAdoption] = await Promise.all([
    complete(answerS, S, fieldsS, needS),
    summaryIsAdoption ? null : complete(answerA, A, fieldsA, within(A) ? needS : hasData),
    answerT ? complete(answerT, T, fieldsT, within(T) ? needS : hasData) : null,
    completeProjects(projectAnswer),
  ]);
  const adoptionPages = adoption ?? summaryTotals;
  const series = seriesSource === 'S' ? summaryTotals : seriesSource === 'A' ? adoptionPages : seriesT!;
  return { summaryTotals, summaryStatus, adoption: adoptionPages, projectAdoption, series, hasDataStatus, hasDataInit };

  /** Per-project totals paged by offset can lose ties too: ask again for the projects missing, by project id. */
  async function completeProjects(answer: Answer): Promise<SessionsResult[]> {
    if (!answer.paged && !answer.cut) return answer.pages;
    const returned = new Set(answer.pages.flatMap((p) => p.groups.map(projectOf)));
    const missing = (scope.coveredProjectIds ?? scope.projectIds).filter((id) => id !== '-1' && !returned.has(id));
    const chunks: string[][] = [];
    for (let i = 0; i < missing.length; i += PROJECTS_PER_QUERY) chunks.push(missing.slice(i, i + PROJECTS_PER_QUERY));
    const more = await Promise.all(chunks.map(async (ids) => (await projectTotals(ids)).pages));
    return [...answer.pages, ...more.flat()];
  }

  async function complete(answer: Answer, window: QueryWindow, fields: string[], needed: PairKey[]): Promise<SessionsResult[]> {
    if (!answer.paged && !answer.cut) return answer.pages;
    const returned = pairsIn(answer.pages);
    const missing = needed.filter((k) => !returned.has(k));
    return missing.length === 0 ? answer.pages : [...answer.pages, ...(await chunkedTotals(window, fields, missing))];
  }

  /** Versions of `pairs`, each weighted by how many of the pairs it names. */
  function weights(pairs: PairKey[]) {
    const byVersion = new Map<string, number>();
    for (const k of pairs) {
      const { release } = splitPairKey(k);
      byVersion.set(release, (byVersion.get(release) ?? 0) + 1);
    }
    return [...byVersion].map(([version, n]) => ({ version, pairs: n }));
  }

  /** Release-list queries that each fit one page; one that may be cut or took pages is split in two and asked again. */
  async function chunked(ask: (versions: string[]) => Promise<Answer>, perPage: number, pairs: PairKey[]): Promise<SessionsResult[]> {
    const one = async (versions: string[]): Promise<SessionsResult[]> => {
      const answer = await ask(versions);
      if (!(answer.cut || answer.paged) || versions.length < 2) return answer.pages;
      const half = Math.ceil(versions.length / 2);
      return (await Promise.all([one(versions.slice(0, half)), one(versions.slice(half))])).flat();
    };
    const chunks = chunkReleases(weights(pairs), perPage);
    return (await Promise.all(chunks.map(one))).flat();
  }

  function chunkedStatus(window: QueryWindow, fields: string[], pairs: PairKey[]): Promise<SessionsResult[]> {
    return chunked((versions) => status(window, fields, releaseFilter(versions)), perPageFor(window, true), pairs);
  }

  function chunkedTotals(window: QueryWindow, fields: string[], pairs: PairKey[]): Promise<SessionsResult[]> {
    return chunked((versions) => totals(window, fields, releaseFilter(versions)), perPageFor(window, false), pairs);
  }
}
