// Query parameters for `GET /api/0/organizations/{org}/sessions/` (contract §1.2 to §1.7).
//
// Windows: start = W and end = now with interval = g, exactly the pipeline's windows
// (windowOf). W is a multiple of g, and Sentry aligns start DOWN to the interval, so asking
// with g itself keeps the window exact (hourly for 1h/24h/48h, daily for 7d and longer).
//
// Group limit: Sentry answers at most `10000 // intervals` (project, release) groups and drops
// the rest silently (§1.7). Every query therefore sends `per_page` with
// `intervals × (per_page + 1) ≤ 10000`, counting one interval more than the aligned range has
// (a server that rounds `end` up gets one more bucket).
import type { Window } from '../health/windows';
import type { QueryParams } from './sentryHttp';

export interface QueryWindow {
  start: number;
  end: number;
  interval: number;
}

export function queryWindow(w: Window): QueryWindow {
  return { start: w.start, end: w.end, interval: w.granularity };
}

export function sameWindow(a: QueryWindow, b: QueryWindow): boolean {
  return a.start === b.start && a.end === b.end && a.interval === b.interval;
}

/** Buckets Sentry computes for the range (§1.5 step 5). */
export function intervalCount(w: QueryWindow): number {
  const alignedStart = Math.floor(w.start / w.interval) * w.interval;
  return Math.max(1, Math.ceil((w.end - alignedStart) / w.interval));
}

export const SNUBA_POINTS = 10_000;
export const MAX_PER_PAGE = 5_000;

/**
 * The largest safe per_page. For status-grouped queries it also avoids a per_page + 1 that is
 * a multiple of 4 or 5: real Sentry compares the fanned-out group count (4 or 5 statuses per
 * pair) with per_page + 1 and, on equality, pops one status group and claims a next page.
 */
export function perPageFor(w: QueryWindow, statusGrouped: boolean): number {
  const intervals = intervalCount(w) + 1;
  let p = Math.min(MAX_PER_PAGE, Math.floor(SNUBA_POINTS / intervals) - 1);
  if (statusGrouped) while (p > 1 && ((p + 1) % 4 === 0 || (p + 1) % 5 === 0)) p--;
  return Math.max(1, p);
}

/** `2026-11-26T12:30:00Z`; fractions kept when `now` has them, so `end` stays exact. */
export function isoInstant(t: number): string {
  return new Date(t * 1000).toISOString().replace('.000Z', 'Z');
}

export function intervalText(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

export interface SessionsQuery {
  window: QueryWindow;
  fields: string[];
  groupBy: string[];
  /** Only without `session.status` in groupBy (Sentry refuses it there). */
  orderBy?: string;
  /** Sentry search query, e.g. a release list. */
  query?: string;
  perPage: number;
}

export interface SessionsScope {
  /** Project ids (integers as strings), or `-1` for every project the token can read. */
  projectIds: string[];
  environments: string[];
  /** Ids of every project the query covers (what `-1` stands for), to complete a per-project answer. */
  coveredProjectIds?: string[];
}

export function sessionsParams(q: SessionsQuery, scope: SessionsScope): QueryParams {
  const p: QueryParams = [];
  for (const f of q.fields) p.push(['field', f]);
  for (const g of q.groupBy) p.push(['groupBy', g]);
  for (const id of scope.projectIds) p.push(['project', id]);
  for (const e of scope.environments) p.push(['environment', e]);
  p.push(['start', isoInstant(q.window.start)], ['end', isoInstant(q.window.end)], ['interval', intervalText(q.window.interval)]);
  if (q.orderBy) p.push(['orderBy', q.orderBy]);
  if (q.query) p.push(['query', q.query]);
  p.push(['per_page', String(q.perPage)]);
  return p;
}

/**
 * A quoted value in Sentry's search syntax: `"..."` with `"` escaped as `\"`. That is the only
 * escape Sentry's parser undoes (quoted_value, then `.replace('\\"', '"')`): a backslash sent
 * as `\\` would stay doubled and the version would never match.
 */
function quote(value: string): string {
  return `"${value.replace(/"/g, '\\"')}"`;
}

/**
 * A version ending with a backslash cannot be quoted for Sentry: its parser reads the final `\"`
 * as an escaped quote and runs on into whatever follows.
 */
export function swallowsClosingQuote(version: string): boolean {
  return version.endsWith('\\');
}

/** `release:["a@1.0","b 2.0 (3)"]`: exact match on each version, whatever characters it has. */
export function releaseFilter(versions: string[]): string {
  // Unquoted, a value is taken as it is (Sentry's `value` rule: no whitespace, no parentheses),
  // the one way to name a version whose quoted form would swallow its closing quote.
  if (versions.length === 1 && swallowsClosingQuote(versions[0]) && /^[^\s()"[\]][^\s()]*$/.test(versions[0])) return `release:${versions[0]}`;
  return `release:[${versions.map(quote).join(',')}]`;
}

/**
 * Encoded length of one release filter: with the other parameters (~500 characters) the
 * request line stays under the 8 KB that nginx in front of self-hosted Sentry accepts.
 * About 270 versions like `app@1.123.0` fit, or 150 of 30 characters.
 */
export const MAX_FILTER_CHARS = 6_000;

export interface ReleaseWeight {
  version: string;
  /** How many (project, release) groups the version may produce. */
  pairs: number;
}

/**
 * Splits versions into release filters that each fit one page: at most `maxPairs` groups and
 * `maxChars` URL-encoded characters of query. A version alone always gets a chunk.
 */
export function chunkReleases(versions: ReleaseWeight[], maxPairs: number, maxChars = MAX_FILTER_CHARS): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let pairs = 0;
  const empty = encodeURIComponent('release:[]').length;
  let chars = empty;
  for (const v of versions) {
    if (swallowsClosingQuote(v.version)) {
      // Alone, so that at worst only this version is misread, never its neighbours.
      if (current.length > 0) chunks.push(current);
      chunks.push([v.version]);
      current = [];
      pairs = 0;
      chars = empty;
      continue;
    }
    const weight = Math.max(1, v.pairs);
    const size = encodeURIComponent(`${quote(v.version)},`).length;
    if (current.length > 0 && (pairs + weight > maxPairs || chars + size > maxChars)) {
      chunks.push(current);
      current = [];
      pairs = 0;
      chars = empty;
    }
    current.push(v.version);
    pairs += weight;
    chars += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
