// Quantile of already-sorted values, by linear interpolation between closest ranks (the same
// rule as src/health/percentiles.ts, which sorts a copy first).

export function sortedQuantile(sorted: Float64Array | null, q: number): number | null {
  if (sorted === null || sorted.length === 0) return null;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
