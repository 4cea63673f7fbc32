// Sums of hourly buckets over one window, with sets unioned (never sizes added up), and the
// status breakdowns they give. Shared by the overview's windows and the equal-age windows.
import { breakdownFromCounters } from '../health/statusSummary';
import type { StatusBreakdown, UnixSeconds } from '../health/types';
import type { Window } from '../health/windows';
import type { BucketStats } from './sessionAccumulator';

export interface WindowTotals {
  init: number;
  crashed: number;
  abnormal: number;
  unhandled: number;
  erroredPreaggr: number;
  erroredSids: Set<number>;
  users: Set<number>;
  erroredUsers: Set<number>;
  crashedUsers: Set<number>;
  abnormalUsers: Set<number>;
  unhandledUsers: Set<number>;
  durations: number[];
}

export function emptyTotals(): WindowTotals {
  return {
    init: 0, crashed: 0, abnormal: 0, unhandled: 0, erroredPreaggr: 0,
    erroredSids: new Set(), users: new Set(), erroredUsers: new Set(), crashedUsers: new Set(),
    abnormalUsers: new Set(), unhandledUsers: new Set(), durations: [],
  };
}

export function union(into: Set<number>, from: Set<number> | null): void {
  if (from) for (const v of from) into.add(v);
}

export function addBucket(t: WindowTotals, b: BucketStats): void {
  t.init += b.init;
  t.crashed += b.crashed;
  t.abnormal += b.abnormal;
  t.unhandled += b.unhandled;
  t.erroredPreaggr += b.erroredPreaggr;
  union(t.erroredSids, b.erroredSids);
  union(t.users, b.users);
  union(t.erroredUsers, b.erroredUsers);
  union(t.crashedUsers, b.crashedUsers);
  union(t.abnormalUsers, b.abnormalUsers);
  union(t.unhandledUsers, b.unhandledUsers);
  if (b.durations) for (const d of b.durations) t.durations.push(d);
}

export function inside(t: UnixSeconds, w: Window): boolean {
  return t >= w.start && t < w.end;
}

export function sessionsBreakdown(sum: WindowTotals): StatusBreakdown {
  return breakdownFromCounters({
    total: sum.init,
    erroredAll: sum.erroredSids.size + sum.erroredPreaggr,
    crashed: sum.crashed,
    abnormal: sum.abnormal,
    unhandled: sum.unhandled,
  });
}

export function usersBreakdown(sum: WindowTotals): StatusBreakdown {
  return breakdownFromCounters({
    total: sum.users.size,
    erroredAll: sum.erroredUsers.size,
    crashed: sum.crashedUsers.size,
    abnormal: sum.abnormalUsers.size,
    unhandled: sum.unhandledUsers.size,
  });
}
