// Reading `/sessions/` groups (contract §1.4, §1.6): group keys, status groups, totals and
// series by (project id, release). Pure; shared by the query planner and the adapter so both
// read a group the same way.
import type { SessionsGroup, SessionsResult } from './schemas';

export const SESSIONS = 'sum(session)';
export const USERS = 'count_unique(user)';
export const P50 = 'p50(session.duration)';
export const P90 = 'p90(session.duration)';

/** The status groups Sentry emits; older servers send no `unhandled` (then 0). Others are ignored. */
export const STATUSES = ['healthy', 'errored', 'crashed', 'abnormal', 'unhandled'] as const;
export type StatusName = (typeof STATUSES)[number];
export type StatusCounts = Record<StatusName, number>;

/** `projectId \0 release` */
export type PairKey = string;

export function pairKey(projectId: string, release: string): PairKey {
  return `${projectId}\u0000${release}`;
}

export function splitPairKey(key: PairKey): { projectId: string; release: string } {
  const i = key.indexOf('\u0000');
  return { projectId: key.slice(0, i), release: key.slice(i + 1) };
}

/** The (project, release) of a group, or null if it lacks either. `release: ""` is a legal value. */
export function groupPair(g: SessionsGroup): PairKey | null {
  const p = g.by.project;
  const r = g.by.release;
  if (p === undefined || p === null || r === undefined || r === null) return null;
  return pairKey(String(p), String(r));
}

export function projectOf(g: SessionsGroup): string | null {
  const p = g.by.project;
  return p === undefined || p === null ? null : String(p);
}

function statusOf(g: SessionsGroup): StatusName | null {
  const s = g.by['session.status'];
  return typeof s === 'string' && (STATUSES as readonly string[]).includes(s) ? (s as StatusName) : null;
}

export function count(v: number | null | undefined): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

export function emptyCounts(): StatusCounts {
  return { healthy: 0, errored: 0, crashed: 0, abnormal: 0, unhandled: 0 };
}

/** Status counts of `field` per pair, from status-grouped pages; the first page that has a group wins. */
export function indexStatus(pages: SessionsResult[], field: string): Map<PairKey, StatusCounts> {
  const out = new Map<PairKey, StatusCounts>();
  const seen = new Set<string>();
  for (const page of pages) {
    for (const g of page.groups) {
      const key = groupPair(g);
      const status = statusOf(g);
      if (key === null || status === null) continue;
      const id = `${key}\u0000${status}`;
      if (seen.has(id)) continue;
      seen.add(id);
      let c = out.get(key);
      if (!c) out.set(key, (c = emptyCounts()));
      c[status] = count(g.totals[field]);
    }
  }
  return out;
}

export interface TotalsRow {
  totals: Record<string, number | null>;
  /** Per field, bucket start (unix s) → value. */
  series: Map<string, Map<number, number | null>>;
}

/** Totals and series per key (pair or project), first occurrence wins. */
export function indexTotals(pages: SessionsResult[], keyOf: (g: SessionsGroup) => string | null): Map<string, TotalsRow> {
  const out = new Map<string, TotalsRow>();
  for (const page of pages) {
    const starts = page.intervals.map(parseInstant);
    for (const g of page.groups) {
      const key = keyOf(g);
      if (key === null || out.has(key)) continue;
      const series = new Map<string, Map<number, number | null>>();
      for (const [field, values] of Object.entries(g.series ?? {})) {
        const m = new Map<number, number | null>();
        values.forEach((v, i) => {
          if (Number.isFinite(starts[i])) m.set(starts[i], v);
        });
        series.set(field, m);
      }
      out.set(key, { totals: g.totals, series });
    }
  }
  return out;
}

/** Every pair any page mentions. */
export function pairsIn(pages: SessionsResult[]): Set<PairKey> {
  const out = new Set<PairKey>();
  for (const p of pages) for (const g of p.groups) {
    const k = groupPair(g);
    if (k !== null) out.add(k);
  }
  return out;
}

/**
 * True when a status-grouped answer may have been cut at the group limit. Real Sentry asks its
 * metrics layer for per_page+1 (project, release) groups, fans each out into status groups, and
 * then compares the fanned-out count with per_page+1, so `has_more` never fires and the extra
 * group is not popped: a page holding more than per_page pairs is the only sign of a cut. (A
 * server that pages honestly never puts more than per_page pairs on a page.)
 */
export function mayBeTruncated(pages: SessionsResult[], perPage: number): boolean {
  return pages.some((p) => pairsIn([p]).size > perPage);
}

/** SNUBA_LIMIT of Sentry's sessions backend (before metrics). */
export const LEGACY_SNUBA_LIMIT = 5000;

/**
 * True when an answer from an older self-hosted Sentry (the sessions backend, before metrics)
 * may have been cut. That backend ignores per_page (so it sends no Link header) and keeps at
 * most `5000 // intervals` (project, release) groups, silently: a page holding that many is
 * possibly cut.
 */
export function mayBeCutByLegacyLimit(pages: SessionsResult[], linked: boolean): boolean {
  if (linked || pages.length === 0) return false;
  const last = pages[pages.length - 1];
  const cap = Math.floor(LEGACY_SNUBA_LIMIT / Math.max(1, last.intervals.length));
  return pairsIn([last]).size >= cap;
}

/**
 * Step 1 from 90-day status groups. `healthy > 0` implies init > 0; crashed, abnormal and
 * unhandled are counters. `errored` alone is ambiguous: it is errored_preaggr (a counter) plus
 * the errored-session set (not a counter), so an errored-only pair needs its init count.
 */
export function hasDataFromStatus(c: StatusCounts | undefined): 'yes' | 'no' | 'ambiguous' {
  if (!c) return 'no';
  if (c.healthy > 0 || c.crashed > 0 || c.abnormal > 0 || c.unhandled > 0) return 'yes';
  return c.errored > 0 ? 'ambiguous' : 'no';
}

/** Unix seconds of an ISO instant from the API (`2024-01-29T07:30:00Z`, `+00:00`, or without zone = UTC). */
export function parseInstant(text: string): number {
  const t = /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`;
  return Date.parse(t) / 1000;
}
