// Counters and distinct counts of a set of series keys over a time range [from, to). The range
// is covered by the coarsest stored levels that fit (days, then hours at the edges, then the
// 10-second level at non-hour edges), so a 90-day query touches about 90 buckets per key.
// Distinct counts are exact unions: ids are stamped in a typed array indexed by id.
import { SET_ERRORED_SIDS, SET_KINDS, SET_USERS, type Contribution } from '../ingest/contribution';
import type { FineLog } from '../store/fineLog';
import type { RollupBucket } from '../store/rollupBucket';
import { DAY, HOUR, type SeriesKey, type SessionStore } from '../store/sessionStore';

export interface RangeStats {
  init: number;
  crashed: number;
  abnormal: number;
  unhandled: number;
  erroredPreaggr: number;
  /** Distinct count per SET_* kind (only the kinds asked for; 0 otherwise). */
  distinct: number[];
  /** Sorted seconds of exited sessions, when asked for. */
  durations: Float64Array | null;
  /** Which raw metrics had any data: decides whether a group exists (relay stores nothing else). */
  hasCounter: boolean;
  hasErrorSet: boolean;
  hasUsers: boolean;
  hasDurations: boolean;
}

export interface Needs {
  /** Bit (1 << kind) per SET_* kind to count. */
  sets: number;
  durations: boolean;
}

interface FineSegment {
  log: FineLog;
  lo: number;
  hi: number;
}

const scratch: Contribution = {
  started: 0, init: 0, crashed: 0, abnormal: 0, unhandled: 0, erroredPreaggr: 0,
  erroredSid: -1, uid: -1, userFlags: 0, duration: Number.NaN,
};

export class RangeReader {
  private userStamps = new Uint32Array(0);
  private sessionStamps = new Uint32Array(0);
  private generation = 0;

  constructor(private readonly store: SessionStore) {}

  stats(keys: readonly SeriesKey[], from: number, to: number, needs: Needs): RangeStats {
    const buckets: RollupBucket[] = [];
    const fine: FineSegment[] = [];
    for (const key of keys) collect(key, from, to, buckets, fine);
    const out: RangeStats = {
      init: 0, crashed: 0, abnormal: 0, unhandled: 0, erroredPreaggr: 0,
      distinct: new Array<number>(SET_KINDS).fill(0), durations: null,
      hasCounter: false, hasErrorSet: false, hasUsers: false, hasDurations: false,
    };
    for (const b of buckets) {
      out.init += b.init;
      out.crashed += b.crashed;
      out.abnormal += b.abnormal;
      out.unhandled += b.unhandled;
      out.erroredPreaggr += b.erroredPreaggr;
      if (b.hasCounter()) out.hasCounter = true;
      if (b.sets[SET_ERRORED_SIDS]) out.hasErrorSet = true;
      if (b.sets[SET_USERS]) out.hasUsers = true;
      if (b.durations) out.hasDurations = true;
    }
    for (const seg of fine) {
      seg.log.forEach(seg.lo, seg.hi, scratch, (c) => {
        out.init += c.init;
        out.crashed += c.crashed;
        out.abnormal += c.abnormal;
        out.unhandled += c.unhandled;
        out.erroredPreaggr += c.erroredPreaggr;
        if (c.init || c.crashed || c.abnormal || c.unhandled || c.erroredPreaggr) out.hasCounter = true;
        if (c.erroredSid >= 0) out.hasErrorSet = true;
        if (c.uid >= 0) out.hasUsers = true;
        if (!Number.isNaN(c.duration)) out.hasDurations = true;
      });
    }
    for (let kind = 0; kind < SET_KINDS; kind++) {
      if (needs.sets & (1 << kind)) out.distinct[kind] = this.distinct(kind, buckets, fine);
    }
    if (needs.durations && out.hasDurations) out.durations = durationsOf(buckets, fine);
    return out;
  }

  private distinct(kind: number, buckets: RollupBucket[], fine: FineSegment[]): number {
    let only: number | null = null;
    let sources = 0;
    for (const b of buckets) {
      const s = b.sets[kind];
      if (s) {
        sources++;
        only = s.size;
      }
    }
    if (fine.length === 0 && sources <= 1) return only ?? 0;
    const stamps = this.stamps(kind);
    const gen = this.nextGeneration();
    let count = 0;
    for (const b of buckets) {
      const s = b.sets[kind];
      if (!s) continue;
      const ids = s.view();
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i];
        if (stamps[id] !== gen) {
          stamps[id] = gen;
          count++;
        }
      }
    }
    const bit = kind === SET_ERRORED_SIDS ? 0 : 1 << (kind - 1);
    for (const seg of fine) {
      seg.log.forEach(seg.lo, seg.hi, scratch, (c) => {
        const id = kind === SET_ERRORED_SIDS ? c.erroredSid : c.userFlags & bit ? c.uid : -1;
        if (id >= 0 && stamps[id] !== gen) {
          stamps[id] = gen;
          count++;
        }
      });
    }
    return count;
  }

  private stamps(kind: number): Uint32Array {
    const sessions = kind === SET_ERRORED_SIDS;
    const need = sessions ? this.store.sessions.size : this.store.users.size;
    let stamps = sessions ? this.sessionStamps : this.userStamps;
    if (stamps.length < need) {
      const grown = new Uint32Array(Math.max(need, stamps.length * 2, 1024));
      grown.set(stamps);
      stamps = grown;
      if (sessions) this.sessionStamps = stamps;
      else this.userStamps = stamps;
    }
    return stamps;
  }

  private nextGeneration(): number {
    if (this.generation >= 0xfffffffe) {
      this.userStamps.fill(0);
      this.sessionStamps.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }
}

/** Covers [from, to) with day buckets, hour buckets and 10-second segments. */
function collect(key: SeriesKey, from: number, to: number, buckets: RollupBucket[], fine: FineSegment[]): void {
  if (from >= to) return;
  const h0 = Math.ceil(from / HOUR) * HOUR;
  const h1 = Math.floor(to / HOUR) * HOUR;
  if (h0 >= h1) {
    fineSegment(key, from, to, fine);
    return;
  }
  fineSegment(key, from, h0, fine);
  const d0 = Math.ceil(h0 / DAY) * DAY;
  const d1 = Math.floor(h1 / DAY) * DAY;
  if (d0 >= d1) {
    levelBuckets(key.hours, h0 / HOUR, h1 / HOUR, buckets);
  } else {
    levelBuckets(key.hours, h0 / HOUR, d0 / HOUR, buckets);
    levelBuckets(key.days, d0 / DAY, d1 / DAY, buckets);
    levelBuckets(key.hours, d1 / HOUR, h1 / HOUR, buckets);
  }
  fineSegment(key, h1, to, fine);
}

function levelBuckets(level: Map<number, RollupBucket>, fromIndex: number, toIndex: number, out: RollupBucket[]): void {
  if (toIndex - fromIndex > level.size) {
    // Sparse key: walking its buckets is cheaper than probing every index of the range.
    for (const [i, b] of level) if (i >= fromIndex && i < toIndex) out.push(b);
    return;
  }
  for (let i = fromIndex; i < toIndex; i++) {
    const b = level.get(i);
    if (b) out.push(b);
  }
}

function fineSegment(key: SeriesKey, from: number, to: number, out: FineSegment[]): void {
  if (from >= to || key.fine.count === 0) return;
  const [lo, hi] = key.fine.range(from, to);
  if (hi > lo) out.push({ log: key.fine, lo, hi });
}

function durationsOf(buckets: RollupBucket[], fine: FineSegment[]): Float64Array {
  const values: number[] = [];
  for (const b of buckets) if (b.durations) for (const d of b.durations) values.push(d);
  for (const seg of fine) seg.log.forEach(seg.lo, seg.hi, scratch, (c) => { if (!Number.isNaN(c.duration)) values.push(c.duration); });
  return Float64Array.from(values).sort();
}
