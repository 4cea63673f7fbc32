// The metrics Sentry's sessions endpoint reads (SessionMRI derived metrics, contract §1.3/§1.4),
// each computed from the RangeStats of a group and a time range.
import {
  SET_ABNORMAL_USERS, SET_ANR_USERS, SET_CRASHED_USERS, SET_ERRORED_SIDS, SET_ERRORED_USERS,
  SET_FG_ANR_USERS, SET_UNHANDLED_USERS, SET_USERS,
} from '../ingest/contribution';
import type { Needs, RangeStats } from './rangeStats';
import { sortedQuantile } from './sortedQuantile';

/** The raw metrics a column reads: a group exists when any of them has data in the range. */
export const FAMILY_COUNTER = 1;
export const FAMILY_ERROR_SET = 2;
export const FAMILY_USERS = 4;
export const FAMILY_DURATION = 8;

export interface MetricColumn {
  name: string;
  needs: Needs;
  families: number;
  /** Reads both counters and sets: Sentry cannot order by it (CompositeEntityDerivedMetric). */
  composite: boolean;
  value(s: RangeStats): number | null;
}

function column(name: string, sets: number[], families: number, value: (s: RangeStats) => number | null, composite = false, durations = false): MetricColumn {
  return { name, needs: { sets: sets.reduce((m, k) => m | (1 << k), 0), durations }, families, composite, value };
}

const erroredAll = (s: RangeStats): number => s.erroredPreaggr + s.distinct[SET_ERRORED_SIDS];
const sessionsErrored = (s: RangeStats): number => Math.max(0, erroredAll(s) - s.crashed - s.abnormal);
const usersErrored = (s: RangeStats): number =>
  Math.max(0, s.distinct[SET_ERRORED_USERS] - s.distinct[SET_CRASHED_USERS] - s.distinct[SET_ABNORMAL_USERS]);

/** Division as ClickHouse's float division then finite_or_none: x / 0 is null. */
function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

const C = FAMILY_COUNTER;
const E = FAMILY_ERROR_SET;
const U = FAMILY_USERS;
const USER_STATUS_SETS = [SET_USERS, SET_ERRORED_USERS, SET_CRASHED_USERS, SET_ABNORMAL_USERS];

export const SESSION_ALL = column('session.all', [], C, (s) => s.init);
export const SESSION_HEALTHY = column('session.healthy', [SET_ERRORED_SIDS], C | E, (s) => Math.max(0, s.init - erroredAll(s)), true);
export const SESSION_ERRORED = column('session.errored', [SET_ERRORED_SIDS], C | E, sessionsErrored, true);
export const SESSION_CRASHED = column('session.crashed', [], C, (s) => s.crashed);
export const SESSION_ABNORMAL = column('session.abnormal', [], C, (s) => s.abnormal);
export const SESSION_UNHANDLED = column('session.unhandled', [], C, (s) => s.unhandled);

export const USER_ALL = column('user.all', [SET_USERS], U, (s) => s.distinct[SET_USERS]);
export const USER_HEALTHY = column('user.healthy', [SET_USERS, SET_ERRORED_USERS], U,
  (s) => Math.max(0, s.distinct[SET_USERS] - s.distinct[SET_ERRORED_USERS]));
export const USER_ERRORED = column('user.errored', USER_STATUS_SETS, U, usersErrored);
export const USER_CRASHED = column('user.crashed', [SET_CRASHED_USERS], U, (s) => s.distinct[SET_CRASHED_USERS]);
export const USER_ABNORMAL = column('user.abnormal', [SET_ABNORMAL_USERS], U, (s) => s.distinct[SET_ABNORMAL_USERS]);
export const USER_UNHANDLED = column('user.unhandled', [SET_UNHANDLED_USERS], U, (s) => s.distinct[SET_UNHANDLED_USERS]);

function durationColumn(op: string, read: (d: Float64Array | null) => number | null): MetricColumn {
  return column(`duration.${op}`, [], FAMILY_DURATION, (s) => read(s.durations), false, true);
}

export const DURATION_COLUMNS: Record<string, MetricColumn> = {
  avg: durationColumn('avg', (d) => (d && d.length ? d.reduce((a, b) => a + b, 0) / d.length : null)),
  p50: durationColumn('p50', (d) => sortedQuantile(d, 0.5)),
  p75: durationColumn('p75', (d) => sortedQuantile(d, 0.75)),
  p90: durationColumn('p90', (d) => sortedQuantile(d, 0.9)),
  p95: durationColumn('p95', (d) => sortedQuantile(d, 0.95)),
  p99: durationColumn('p99', (d) => sortedQuantile(d, 0.99)),
  max: durationColumn('max', (d) => (d && d.length ? d[d.length - 1] : null)),
};

const crashRate = (s: RangeStats): number | null => ratio(s.crashed, s.init);
const crashUserRate = (s: RangeStats): number | null => ratio(s.distinct[SET_CRASHED_USERS], s.distinct[SET_USERS]);

/** The single-metric rate fields (SimpleForwardingField): no session.status grouping or filter. */
export const RATE_COLUMNS: Record<string, MetricColumn> = {
  'crash_rate(session)': column('crash_rate', [], C, crashRate),
  'crash_rate(user)': column('crash_user_rate', [SET_USERS, SET_CRASHED_USERS], U, crashUserRate),
  'crash_free_rate(session)': column('crash_free_rate', [], C, (s) => { const r = crashRate(s); return r === null ? null : 1 - r; }),
  'crash_free_rate(user)': column('crash_free_user_rate', [SET_USERS, SET_CRASHED_USERS], U, (s) => { const r = crashUserRate(s); return r === null ? null : 1 - r; }),
  'anr_rate()': column('anr_rate', [SET_USERS, SET_ANR_USERS], U, (s) => ratio(s.distinct[SET_ANR_USERS], s.distinct[SET_USERS])),
  'foreground_anr_rate()': column('foreground_anr_rate', [SET_USERS, SET_FG_ANR_USERS], U, (s) => ratio(s.distinct[SET_FG_ANR_USERS], s.distinct[SET_USERS])),
  'unhandled_rate(session)': column('unhandled_rate', [], C, (s) => ratio(s.unhandled, s.init)),
  'unhandled_rate(user)': column('unhandled_user_rate', [SET_USERS, SET_UNHANDLED_USERS], U, (s) => ratio(s.distinct[SET_UNHANDLED_USERS], s.distinct[SET_USERS])),
  'errored_rate(session)': column('errored_rate', [SET_ERRORED_SIDS], C | E, (s) => ratio(sessionsErrored(s), s.init), true),
  'errored_rate(user)': column('errored_user_rate', USER_STATUS_SETS, U, (s) => ratio(usersErrored(s), s.distinct[SET_USERS])),
  'abnormal_rate(session)': column('abnormal_rate', [], C, (s) => ratio(s.abnormal, s.init)),
  'abnormal_rate(user)': column('abnormal_user_rate', [SET_USERS, SET_ABNORMAL_USERS], U, (s) => ratio(s.distinct[SET_ABNORMAL_USERS], s.distinct[SET_USERS])),
  'unhealthy_rate(session)': column('unhealthy_rate', [SET_ERRORED_SIDS], C | E, (s) => ratio(erroredAll(s), s.init), true),
};

export function mergeNeeds(columns: readonly MetricColumn[]): Needs {
  let sets = 0;
  let durations = false;
  for (const c of columns) {
    sets |= c.needs.sets;
    durations ||= c.needs.durations;
  }
  return { sets, durations };
}
