import type { Interval } from './types';

/** z for a two-sided 95 % interval (the 97.5th percentile of the standard normal). */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for the crash-free proportion, in percent.
 * null when the denominator is 0 or crashes exceed it (the proportion is not a proportion then).
 */
export function wilsonCrashFree(total: number, crashed: number, z = Z_95): Interval | null {
  if (!(total > 0) || crashed > total || crashed < 0) return null;
  const p = (total - crashed) / total;
  const z2 = z * z;
  const denom = 1 + z2 / total;
  const center = (p + z2 / (2 * total)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return [Math.max(0, center - half) * 100, Math.min(1, center + half) * 100];
}
