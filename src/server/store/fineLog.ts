// The 10-second level of one (project, release, environment), for queries whose bucket edges are
// not whole hours (intervals such as 10s, 5m or 90m). Relay buckets metrics by 10 s, and every
// legal interval is a multiple of 10 s, so this level answers any of them exactly.
// Columnar (about 22 bytes a contribution): time, flags, ids and duration in typed arrays, kept
// sorted by time lazily (the first fine query after out-of-order appends sorts once).
import { type Contribution } from '../ingest/contribution';
import { lowerBound } from './lowerBound';

/** flags bits: 0/1 counters of a session update; AGGREGATE means the counts sit in `aggCounts`. */
const F_INIT = 1;
const F_CRASHED = 2;
const F_ABNORMAL = 4;
const F_UNHANDLED = 8;
const F_AGGREGATE = 16;
/** User set bits (USER_* from contribution.ts) are stored shifted by this. */
const USER_SHIFT = 5;
const AGG_WIDTH = 5;

export class FineLog {
  count = 0;
  /** Seconds, floored to 10 s. */
  private t: Uint32Array = new Uint32Array(16);
  private flags: Uint16Array = new Uint16Array(16);
  /** Errored session id (-1 none), or for aggregates the index into aggCounts. */
  private sid: Int32Array = new Int32Array(16);
  private uid: Int32Array = new Int32Array(16);
  private duration: Float64Array = new Float64Array(16);
  /** init, crashed, abnormal, unhandled, errored_preaggr of each aggregate entry. */
  private aggCounts: Uint32Array = new Uint32Array(AGG_WIDTH * 4);
  private aggCount = 0;
  private sorted = true;

  add(c: Contribution): void {
    if (this.count === this.t.length) this.grow();
    const i = this.count++;
    const t = Math.floor(c.started / 10) * 10;
    if (i > 0 && t < this.t[i - 1]) this.sorted = false;
    this.t[i] = t;
    const simple = c.erroredPreaggr === 0 && c.init <= 1 && c.crashed <= 1 && c.abnormal <= 1 && c.unhandled <= 1;
    let f = c.userFlags << USER_SHIFT;
    if (simple) {
      if (c.init) f |= F_INIT;
      if (c.crashed) f |= F_CRASHED;
      if (c.abnormal) f |= F_ABNORMAL;
      if (c.unhandled) f |= F_UNHANDLED;
      this.sid[i] = c.erroredSid;
    } else {
      f |= F_AGGREGATE;
      if (this.aggCount * AGG_WIDTH === this.aggCounts.length) {
        const grown = new Uint32Array(this.aggCounts.length * 2);
        grown.set(this.aggCounts);
        this.aggCounts = grown;
      }
      const a = this.aggCount++ * AGG_WIDTH;
      this.aggCounts[a] = c.init;
      this.aggCounts[a + 1] = c.crashed;
      this.aggCounts[a + 2] = c.abnormal;
      this.aggCounts[a + 3] = c.unhandled;
      this.aggCounts[a + 4] = c.erroredPreaggr;
      this.sid[i] = a / AGG_WIDTH;
    }
    this.flags[i] = f;
    this.uid[i] = c.uid;
    this.duration[i] = c.duration;
  }

  /** Index range [lo, hi) of the contributions with time in [from, to). */
  range(from: number, to: number): [number, number] {
    this.ensureSorted();
    return [lowerBound(this.t, this.count, from), lowerBound(this.t, this.count, to)];
  }

  /** Calls `visit` with each contribution in [lo, hi) decoded into `out` (reused: copy what you keep). */
  forEach(lo: number, hi: number, out: Contribution, visit: (c: Contribution) => void): void {
    for (let i = lo; i < hi; i++) {
      const f = this.flags[i];
      out.started = this.t[i];
      if (f & F_AGGREGATE) {
        const a = this.sid[i] * AGG_WIDTH;
        out.init = this.aggCounts[a];
        out.crashed = this.aggCounts[a + 1];
        out.abnormal = this.aggCounts[a + 2];
        out.unhandled = this.aggCounts[a + 3];
        out.erroredPreaggr = this.aggCounts[a + 4];
        out.erroredSid = -1;
      } else {
        out.init = f & F_INIT ? 1 : 0;
        out.crashed = f & F_CRASHED ? 1 : 0;
        out.abnormal = f & F_ABNORMAL ? 1 : 0;
        out.unhandled = f & F_UNHANDLED ? 1 : 0;
        out.erroredPreaggr = 0;
        out.erroredSid = this.sid[i];
      }
      out.uid = this.uid[i];
      out.userFlags = f >>> USER_SHIFT;
      out.duration = this.duration[i];
      visit(out);
    }
  }

  private ensureSorted(): void {
    if (this.sorted) return;
    const n = this.count;
    // Sort (time / 10, index) pairs packed in one float64 (29 + 24 bits): a native numeric sort,
    // stable by index. Beyond 2^24 contributions per key fall back to a comparator sort.
    let order: Uint32Array;
    if (n < 1 << 24) {
      const keys = new Float64Array(n);
      for (let i = 0; i < n; i++) keys[i] = (this.t[i] / 10) * 16777216 + i;
      keys.sort();
      order = new Uint32Array(n);
      for (let i = 0; i < n; i++) order[i] = keys[i] % 16777216;
    } else {
      order = Uint32Array.from({ length: n }, (_, i) => i);
      order.sort((a, b) => this.t[a] - this.t[b] || a - b);
    }
    this.t = permute(this.t, order, n) as Uint32Array;
    this.flags = permute(this.flags, order, n) as Uint16Array;
    this.sid = permute(this.sid, order, n) as Int32Array;
    this.uid = permute(this.uid, order, n) as Int32Array;
    this.duration = permute(this.duration, order, n) as Float64Array;
    this.sorted = true;
  }

  private grow(): void {
    const size = this.t.length * 2;
    this.t = resize(this.t, size) as Uint32Array;
    this.flags = resize(this.flags, size) as Uint16Array;
    this.sid = resize(this.sid, size) as Int32Array;
    this.uid = resize(this.uid, size) as Int32Array;
    this.duration = resize(this.duration, size) as Float64Array;
  }
}

type Column = Uint32Array | Uint16Array | Int32Array | Float64Array;

function resize(a: Column, size: number): Column {
  const out = new (a.constructor as { new (n: number): Column })(size);
  out.set(a);
  return out;
}

function permute(a: Column, order: Uint32Array, n: number): Column {
  const out = new (a.constructor as { new (n: number): Column })(a.length);
  for (let i = 0; i < n; i++) out[i] = a[order[i]];
  return out;
}
