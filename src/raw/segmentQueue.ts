// Which segment a thread reads next. Thread k owns a contiguous region of segments and reads it
// front to back (neighbouring lines share keys and time buckets: a thread's accumulator stays
// small and in cache); a thread whose region is done takes segments from the back of another's,
// so no thread waits for a slow one at the end. Regions live in a SharedArrayBuffer, one int per
// region packing its next front (low 16 bits) and its end (high 16 bits), changed by
// compare-and-swap: every segment is claimed exactly once.

const MAX_SEGMENTS = 0xffff;

/** The shared state for `threads` threads over `segments` segments. */
export function newSegmentQueue(segments: number, threads: number): SharedArrayBuffer {
  if (segments > MAX_SEGMENTS) throw new Error(`too many segments (${segments})`);
  const sab = new SharedArrayBuffer(4 * threads);
  const regions = new Int32Array(sab);
  for (let k = 0; k < threads; k++) {
    const front = Math.floor((segments * k) / threads);
    const end = Math.floor((segments * (k + 1)) / threads);
    regions[k] = (end << 16) | front;
  }
  return sab;
}

/** The next segment for thread `me`: its own region's front, else another region's back; -1 when all are claimed. */
export function claimSegment(sab: SharedArrayBuffer, me: number): number {
  const regions = new Int32Array(sab);
  for (;;) {
    const v = Atomics.load(regions, me);
    const front = v & 0xffff;
    const end = v >>> 16;
    if (front >= end) break;
    if (Atomics.compareExchange(regions, me, v, (end << 16) | (front + 1)) === v) return front;
  }
  // Steal from the region with the most left.
  for (;;) {
    let victim = -1;
    let most = 0;
    for (let k = 0; k < regions.length; k++) {
      const v = Atomics.load(regions, k);
      const left = (v >>> 16) - (v & 0xffff);
      if (left > most) {
        most = left;
        victim = k;
      }
    }
    if (victim < 0) return -1;
    const v = Atomics.load(regions, victim);
    const front = v & 0xffff;
    const end = v >>> 16;
    if (front >= end) continue;
    if (Atomics.compareExchange(regions, victim, v, ((end - 1) << 16) | front) === v) return end - 1;
  }
}
