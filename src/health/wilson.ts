import type { Interval } from './types';

/** z for a two-sided 95 % interval (the 97.5th percentile of the standard normal). */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score bounds of the proportion x / n, as proportions in [0, 1].
 * The caller guarantees n > 0 and 0 <= x <= n.
 */
export function wilsonBounds(x: number, n: number, z = Z_95): Interval {
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // The bounds lie in [0, 1] exactly; the clamp only absorbs rounding at p = 0 or 1.
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/**
 * Wilson score interval for the crash-free proportion, in percent.
 * null when the denominator is 0 or crashes exceed it (the proportion is not a proportion then).
 */
export function wilsonCrashFree(total: number, crashed: number, z = Z_95): Interval | null {
  if (!(total > 0) || crashed > total || crashed < 0) return null;
  const [low, high] = wilsonBounds(total - crashed, total, z);
  return [low * 100, high * 100];
}
