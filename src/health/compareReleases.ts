// Is the candidate release worse than the base? Two crash-free proportions compared as
// docs/health-pipeline.md ("Comparing two releases") states: each release's 95 % Wilson bounds,
// Newcombe's hybrid score interval for the difference (his method 10), a pooled two-proportion
// z-test, and a verdict that says `insufficient-data` below the minimum sample instead of
// guessing. Pure: counts in, figures out.
import type { ComparisonVerdict, RateComparison } from './types';
import { normalUpperTail } from './normalTail';
import { wilsonBounds, Z_95 } from './wilson';

export type { ComparisonVerdict, RateComparison } from './types';

export const COMPARISON_VERDICTS: readonly ComparisonVerdict[] = ['better', 'worse', 'inconclusive', 'insufficient-data'];

/** One crash-free proportion's counts: n sessions (or users), of which `crashed` crashed. */
export interface CrashCounts {
  total: number;
  crashed: number;
}

export interface ReleaseComparison {
  crashFreeSessions: RateComparison;
  crashFreeUsers: RateComparison;
}

/** The counts a comparison reads from a release's figures (a `ReleaseHealth` has them). */
export interface ComparedCounts {
  totalSessions: number;
  sessionsCrashed: number;
  totalUsers: number;
  usersCrashed: number;
}

export interface CompareOptions {
  /** Below this n (sessions for the sessions block, users for the users block): `insufficient-data`. */
  minimumSessions: number;
}

/** Compares crash-free sessions and crash-free users of candidate C against base B. */
export function compareReleases(base: ComparedCounts, candidate: ComparedCounts, options: CompareOptions): ReleaseComparison {
  return {
    crashFreeSessions: compareCrashFree(
      { total: base.totalSessions, crashed: base.sessionsCrashed },
      { total: candidate.totalSessions, crashed: candidate.sessionsCrashed },
      options.minimumSessions,
    ),
    crashFreeUsers: compareCrashFree(
      { total: base.totalUsers, crashed: base.usersCrashed },
      { total: candidate.totalUsers, crashed: candidate.usersCrashed },
      options.minimumSessions,
    ),
  };
}

interface Proportion {
  n: number;
  /** Crash-free count, clamped at 0 (more crashes than starts reads as no crash-free one). */
  x: number;
  p: number;
}

function proportionOf(c: CrashCounts): Proportion | null {
  const n = c.total;
  if (!(n > 0)) return null;
  const x = Math.max(0, n - c.crashed);
  return { n, x, p: x / n };
}

/** One block of the comparison: B's and C's crash-free proportion, their difference, the verdict. */
export function compareCrashFree(base: CrashCounts, candidate: CrashCounts, minimumSample: number): RateComparison {
  const b = proportionOf(base);
  const c = proportionOf(candidate);
  const out: RateComparison = {
    base: b === null ? null : b.p * 100,
    candidate: c === null ? null : c.p * 100,
    difference: null,
    differenceInterval: null,
    pValue: null,
    verdict: 'insufficient-data',
  };
  if (b === null || c === null) return out;

  const d = c.p - b.p;
  const [lB, uB] = wilsonBounds(b.x, b.n, Z_95);
  const [lC, uC] = wilsonBounds(c.x, c.n, Z_95);
  const low = d - Math.sqrt((c.p - lC) ** 2 + (uB - b.p) ** 2);
  const high = d + Math.sqrt((uC - c.p) ** 2 + (b.p - lB) ** 2);
  out.difference = d * 100;
  out.differenceInterval = [low * 100, high * 100];
  out.pValue = pooledZTestPValue(b, c);
  out.verdict = verdictOf(b.n, c.n, low, high, minimumSample);
  return out;
}

function verdictOf(nB: number, nC: number, low: number, high: number, minimumSample: number): ComparisonVerdict {
  if (nB < minimumSample || nC < minimumSample) return 'insufficient-data';
  if (high < 0) return 'worse';
  if (low > 0) return 'better';
  return 'inconclusive';
}

/** Two-sided p-value of the pooled two-proportion z-test; 1 when the pooled standard error is 0. */
function pooledZTestPValue(b: Proportion, c: Proportion): number {
  const pooled = (b.x + c.x) / (b.n + c.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / b.n + 1 / c.n));
  if (!(se > 0)) return 1;
  const z = (c.p - b.p) / se;
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}
