// Equal-age windows on raw data: a release's first session (init) in the 90-day window, within
// the environment filter, fixes t0; its figures are then summed over [t0, min(t0 + age, now)).
import { ageKey, equalAgeWindow, type AgeWindowStats } from '../health/equalAge';
import { percentile } from '../health/percentiles';
import type { UnixSeconds } from '../health/types';
import { HAS_DATA_PERIOD, HOUR, windowOf } from '../health/windows';
import type { KeyStats, SessionAccumulator } from './sessionAccumulator';
import { addBucket, emptyTotals, inside, sessionsBreakdown, union, usersBreakdown } from './windowTotals';

export interface RawAgeOptions {
  now: UnixSeconds;
  environments: readonly string[] | null;
  ageHours: number;
}

function keysOf(acc: SessionAccumulator, project: string, release: string, environments: readonly string[] | null): KeyStats[] {
  const envFilter = environments && environments.length > 0 ? new Set(environments) : null;
  return [...acc.keys.values()].filter((k) => k.project === project && k.release === release && (!envFilter || envFilter.has(k.environment)));
}

/** One release's equal-age figures; null when it has no session in the 90-day window. */
export function rawAgeWindowStats(acc: SessionAccumulator, project: string, release: string, options: RawAgeOptions): AgeWindowStats | null {
  const keys = keysOf(acc, project, release, options.environments);
  const hasData = windowOf(HAS_DATA_PERIOD, options.now);
  let first = Number.POSITIVE_INFINITY;
  for (const key of keys) {
    for (const [t, b] of key.buckets) if (b.init > 0 && t < first && inside(t, hasData)) first = t;
  }
  if (!Number.isFinite(first)) return null;
  const window = equalAgeWindow(first, options.ageHours, options.now);
  const count = Math.ceil((window.end - window.start) / HOUR);
  const sum = emptyTotals();
  const sessions = new Array<number>(count).fill(0);
  const users = Array.from({ length: count }, () => new Set<number>());
  for (const key of keys) {
    for (const [t, b] of key.buckets) {
      if (!inside(t, window)) continue;
      addBucket(sum, b);
      const i = Math.floor((t - window.start) / HOUR);
      sessions[i] += b.init;
      union(users[i], b.users);
    }
  }
  return {
    window,
    sessions: sessionsBreakdown(sum),
    users: usersBreakdown(sum),
    durationP50: percentile(sum.durations, 0.5),
    durationP90: percentile(sum.durations, 0.9),
    series: { sessions, users: users.map((u) => u.size) },
  };
}

/** Equal-age figures of several releases of one project, keyed as withAgeWindows reads them. */
export function rawAgeWindows(acc: SessionAccumulator, project: string, releases: readonly string[], options: RawAgeOptions): Map<string, AgeWindowStats | null> {
  return new Map(releases.map((r) => [ageKey(project, r), rawAgeWindowStats(acc, project, r, options)]));
}
