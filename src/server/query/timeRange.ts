// Date range and interval of a sessions query, with Sentry's rules and messages
// (get_date_range_from_params, get_constrained_date_range, to_intervals; contract §1.2, §1.5).
import { badRequest } from '../http/httpErrors';
import { parseDateTime } from '../http/isoTime';
import { pyRepr } from '../http/pyFormat';
import type { QueryDict } from '../http/queryDict';

export const MAX_STATS_PERIOD = 90 * 86400;
export const ONE_DAY = 86400;
/** `MAX_POINTS` of sessions_v2: buckets per query. */
export const MAX_POINTS = 1000;
/** Python's timedelta.max in seconds: what an overflowing period becomes. */
const TIMEDELTA_MAX = 999999999 * 86400 + 86399;
/** datetime.min (year 1) as Unix seconds: earlier instants overflow. */
const DATETIME_MIN = -62135596800;

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** Sentry's parse_stats_period: `<int><s|m|h|d|w>`, no unit = seconds; null when malformed. */
export function parseStatsPeriod(text: string): number | null {
  const m = /^(\d+)([hdmsw]?)$/.exec(text);
  if (!m) return null;
  const seconds = Number(m[1]) * UNIT[m[2] || 's'];
  return seconds > TIMEDELTA_MAX || !Number.isFinite(seconds) ? TIMEDELTA_MAX : seconds;
}

function secondsAgo(text: string, now: number): number {
  const period = parseStatsPeriod(text);
  if (period === null || now - period < DATETIME_MIN) throw badRequest(`Invalid statsPeriod: ${pyRepr(text)}`);
  return now - period;
}

function instant(text: string): number {
  const t = parseDateTime(text);
  if (t === null) throw badRequest(`${text} is not a valid ISO8601 date query`);
  return t;
}

/**
 * `get_date_range_from_params`: statsPeriod (or timeframe), else statsPeriodStart/End (or
 * timeframeStart/End), else start+end, else the last 90 days. Unix seconds.
 */
export function dateRangeFromParams(q: QueryDict, now: number): { start: number; end: number } {
  let statsPeriod = q.get('statsPeriod');
  let periodStart = q.get('statsPeriodStart');
  let periodEnd = q.get('statsPeriodEnd');
  const timeframe = q.get('timeframe');
  const timeframeStart = q.get('timeframeStart');
  const timeframeEnd = q.get('timeframeEnd');
  if (timeframe !== undefined) {
    statsPeriod = timeframe;
  } else if (timeframeStart || timeframeEnd) {
    if (!timeframeStart || !timeframeEnd) throw badRequest('timeframeStart and timeframeEnd are both required');
    periodStart = timeframeStart;
    periodEnd = timeframeEnd;
  }
  let start = now - MAX_STATS_PERIOD;
  let end = now;
  if (statsPeriod !== undefined) {
    start = secondsAgo(statsPeriod, now);
  } else if (periodStart || periodEnd) {
    if (!periodStart || !periodEnd) throw badRequest('statsPeriodStart and statsPeriodEnd are both required');
    start = secondsAgo(periodStart, now);
    end = secondsAgo(periodEnd, now);
  } else if (q.get('start') || q.get('end')) {
    const s = q.get('start');
    const e = q.get('end');
    if (!s || !e) throw badRequest('start and end are both required');
    start = instant(s);
    end = instant(e);
  }
  if (start >= end) throw badRequest('start must be before end');
  return { start, end };
}

export interface ConstrainedRange {
  /** Aligned to the interval. */
  start: number;
  end: number;
  interval: number;
  /** Number of buckets. */
  count: number;
}

/** Interval rules only (`get_constrained_date_range` steps 1-3): the interval in seconds. */
export function parseInterval(q: QueryDict): number {
  const parsed = parseStatsPeriod(q.get('interval') ?? '1h');
  // A malformed interval silently means one hour, as in Sentry.
  const interval = parsed === null ? 3600 : parsed;
  if (interval % 10 !== 0 || interval < 10) throw badRequest('The interval has to be a multiple of the minimum interval of ten seconds.');
  if (interval > ONE_DAY) throw badRequest('The interval has to be less than one day.');
  if (ONE_DAY % interval !== 0) throw badRequest('The interval should divide one day without a remainder.');
  return interval;
}

/** `get_constrained_date_range` steps 4-6: clamp, align (to_intervals), limit the bucket count. */
export function constrainRange(range: { start: number; end: number }, interval: number, now: number): ConstrainedRange {
  const start = Math.floor(Math.min(range.start, now));
  const end = Math.floor(range.end);
  const alignedStart = start - mod(start, interval);
  const count = Math.ceil((end - alignedStart) / interval);
  const alignedEnd = alignedStart + count * interval;
  if ((alignedEnd - alignedStart) / interval > MAX_POINTS) {
    throw badRequest('Your interval and date range would create too many results. Use a larger interval, or a smaller date range.');
  }
  return { start: alignedStart, end: alignedEnd, interval, count: Math.max(0, count) };
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
