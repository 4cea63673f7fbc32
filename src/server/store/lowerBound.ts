// Binary search over the sorted prefix of a typed array (the fine log's times, an IdSet's ids).

/** The first index in [0, n) whose value is not below `x`; n when all are. */
export function lowerBound(sorted: ArrayLike<number>, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
