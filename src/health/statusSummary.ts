// Steps 3 and 4 of the pipeline: errored sessions and the status summary, from Sentry's
// status groups. `errored` in a StatusBreakdown includes unhandled (as Sentry's groups do);
// the product's errored count is handled errors only.
import type { StatusBreakdown } from './types';

/** The same fields as Sentry's groups, but `errored` counts handled errors only. */
export type StatusSummary = StatusBreakdown;

/** Builds Sentry's status groups from the raw counters of one window. */
export function breakdownFromCounters(c: {
  total: number;
  erroredAll: number;
  crashed: number;
  abnormal: number;
  unhandled: number;
}): StatusBreakdown {
  return {
    total: c.total,
    healthy: Math.max(0, c.total - c.erroredAll),
    errored: Math.max(0, c.erroredAll - c.crashed - c.abnormal),
    crashed: c.crashed,
    abnormal: c.abnormal,
    unhandled: c.unhandled,
  };
}

/** Step 3: sessions (or users) with a handled error only. */
export function countErrored(b: StatusBreakdown): number {
  return Math.max(0, b.errored - b.unhandled);
}

/** Step 4. */
export function summarizeStatuses(b: StatusBreakdown): StatusSummary {
  return {
    total: b.total,
    healthy: b.healthy,
    errored: countErrored(b),
    crashed: b.crashed,
    abnormal: b.abnormal,
    unhandled: b.unhandled,
  };
}

export const EMPTY_BREAKDOWN: StatusBreakdown = { total: 0, healthy: 0, errored: 0, crashed: 0, abnormal: 0, unhandled: 0 };

/** `100 - part / total * 100`, null on a zero denominator; never clamped. */
export function crashFree(total: number, crashed: number): number | null {
  return total > 0 ? 100 - (crashed / total) * 100 : null;
}

export function rate(part: number, total: number): number | null {
  return total > 0 ? (part / total) * 100 : null;
}
