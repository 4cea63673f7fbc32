// Windows aligned to whole buckets, as Sentry's bucketed queries and `_make_stats` do:
// the window of period P is [W, now) with W = (floor((now - P) / g) + 1) * g.
import type { StatsPeriod, UnixSeconds } from './types';
import { STATS_PERIODS } from './types';

export const HOUR = 3600;
export const DAY = 86400;

const PERIODS: Record<StatsPeriod, { seconds: number; granularity: number }> = {
  '1h': { seconds: HOUR, granularity: HOUR },
  '24h': { seconds: DAY, granularity: HOUR },
  '1d': { seconds: DAY, granularity: HOUR },
  '48h': { seconds: 2 * DAY, granularity: HOUR },
  '2d': { seconds: 2 * DAY, granularity: HOUR },
  '7d': { seconds: 7 * DAY, granularity: DAY },
  '14d': { seconds: 14 * DAY, granularity: DAY },
  '30d': { seconds: 30 * DAY, granularity: DAY },
  '90d': { seconds: 90 * DAY, granularity: DAY },
};

export function isStatsPeriod(value: string): value is StatsPeriod {
  return (STATS_PERIODS as readonly string[]).includes(value);
}

export function granularity(period: StatsPeriod): number {
  return PERIODS[period].granularity;
}

export interface Window {
  start: UnixSeconds;
  /** Exclusive. */
  end: UnixSeconds;
  granularity: number;
}

export function windowOf(period: StatsPeriod, now: UnixSeconds): Window {
  const { seconds, granularity: g } = PERIODS[period];
  const start = (Math.floor((now - seconds) / g) + 1) * g;
  return { start, end: now, granularity: g };
}

export const HAS_DATA_PERIOD: StatsPeriod = '90d';
export const ADOPTION_PERIOD: StatsPeriod = '24h';

/** Bucket start times of the health-stats series: P / g buckets from W. */
export function seriesBuckets(period: StatsPeriod, now: UnixSeconds): UnixSeconds[] {
  const { seconds, granularity: g } = PERIODS[period];
  const start = windowOf(period, now).start;
  const count = seconds / g;
  const out: UnixSeconds[] = [];
  for (let i = 0; i < count; i++) out.push(start + i * g);
  return out;
}
