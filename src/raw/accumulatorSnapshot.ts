// Moves a SessionAccumulator built in a worker to the main thread and merges it there.
// Interned user and session ids are local to each accumulator, so the snapshot carries its id ->
// string tables and the merge translates every id by string: sets union exactly. Counters add,
// firstSeen takes the minimum. Merging the ranges of a file in file order gives the same keys,
// buckets, ids and duration order as reading the file in one pass.
// The snapshot is columnar (a few typed arrays, transferred without copying) because a file has
// tens of thousands of buckets and a structured clone of that many small objects is slow.
import { BucketStats, type KeyStats, type SessionAccumulator } from './sessionAccumulator';

export interface AccumulatorSnapshot {
  /** Local user id -> did. */
  users: string[];
  /** Local session id -> sid (anonymous sessions have negative ids and no string). */
  sessions: string[];
  keys: Array<{ project: string; release: string; environment: string; firstSeen: number }>;
  /** BUCKET_WIDTH numbers per bucket, see the layout below. */
  buckets: Float64Array;
  /** Every set's ids, bucket after bucket, in SET_FIELDS order. */
  ids: Int32Array;
  /** Every bucket's durations, bucket after bucket. */
  durations: Float64Array;
}

// Bucket layout: key index, bucket start, the counters, then the length of each set and of durations.
const COUNTER_FIELDS = ['init', 'crashed', 'abnormal', 'unhandled', 'erroredPreaggr'] as const;
const SET_FIELDS = ['erroredSids', 'users', 'erroredUsers', 'crashedUsers', 'abnormalUsers', 'unhandledUsers'] as const;
const BUCKET_WIDTH = 2 + COUNTER_FIELDS.length + SET_FIELDS.length + 1;

/** The fields this file moves. If BucketStats or KeyStats gain one, snapshots refuse to run (the reader then reads in one thread) instead of dropping it. */
const KNOWN_BUCKET_FIELDS = [...COUNTER_FIELDS, ...SET_FIELDS, 'durations'].sort().join(',');
const KNOWN_KEY_FIELDS = ['buckets', 'environment', 'firstSeen', 'project', 'release'].join(',');

export function checkSnapshotLayout(sample?: KeyStats): void {
  const bucketFields = Object.keys(new BucketStats()).sort().join(',');
  if (bucketFields !== KNOWN_BUCKET_FIELDS) throw new Error(`accumulator snapshot: BucketStats fields changed (${bucketFields})`);
  if (sample && Object.keys(sample).sort().join(',') !== KNOWN_KEY_FIELDS) throw new Error('accumulator snapshot: KeyStats fields changed');
}

export function snapshotAccumulator(acc: SessionAccumulator): AccumulatorSnapshot {
  const keyList = Array.from(acc.keys.values());
  checkSnapshotLayout(keyList[0]);
  let bucketCount = 0;
  let idCount = 0;
  let durationCount = 0;
  for (const key of keyList) {
    for (const b of key.buckets.values()) {
      bucketCount++;
      for (const f of SET_FIELDS) idCount += b[f]?.size ?? 0;
      durationCount += b.durations?.length ?? 0;
    }
  }
  const buckets = new Float64Array(bucketCount * BUCKET_WIDTH);
  const ids = new Int32Array(idCount);
  const durations = new Float64Array(durationCount);
  let bi = 0;
  let ii = 0;
  let di = 0;
  keyList.forEach((key, k) => {
    for (const [t, b] of key.buckets) {
      buckets[bi++] = k;
      buckets[bi++] = t;
      for (const f of COUNTER_FIELDS) buckets[bi++] = b[f];
      for (const f of SET_FIELDS) {
        const set = b[f];
        buckets[bi++] = set?.size ?? 0;
        if (set) for (const id of set) ids[ii++] = id;
      }
      buckets[bi++] = b.durations?.length ?? 0;
      if (b.durations) for (const d of b.durations) durations[di++] = d;
    }
  });
  return {
    users: acc.internedUsers(),
    sessions: acc.internedSessions(),
    keys: keyList.map((k) => ({ project: k.project, release: k.release, environment: k.environment, firstSeen: k.firstSeen })),
    buckets,
    ids,
    durations,
  };
}

/** Buffers a postMessage can transfer instead of copying. */
export function snapshotTransfer(s: AccumulatorSnapshot): ArrayBuffer[] {
  return [s.buckets.buffer as ArrayBuffer, s.ids.buffer as ArrayBuffer, s.durations.buffer as ArrayBuffer];
}

/** Adds a snapshot's data to `into`, as if its lines had been read by `into` after the ones it has. */
export function mergeSnapshot(into: SessionAccumulator, snap: AccumulatorSnapshot): void {
  checkSnapshotLayout();
  const userMap = snap.users.map((did) => into.userId(did));
  const sessionMap = snap.sessions.map((sid) => into.sessionId(sid));
  // An anonymous session is its own session: it gets a fresh id here, the same one wherever it recurs.
  const anonymous = new Map<number, number>();
  const sessionOf = (id: number): number => {
    if (id >= 0) return sessionMap[id];
    let mapped = anonymous.get(id);
    if (mapped === undefined) anonymous.set(id, (mapped = into.sessionId(null)));
    return mapped;
  };

  const keys: KeyStats[] = snap.keys.map((k) => into.keyFor(k.project, k.release, k.environment, k.firstSeen));

  const { buckets, ids, durations } = snap;
  let ii = 0;
  let di = 0;
  for (let bi = 0; bi < buckets.length; bi += BUCKET_WIDTH) {
    const key = keys[buckets[bi]];
    const t = buckets[bi + 1];
    let b = key.buckets.get(t);
    if (b === undefined) {
      b = new BucketStats();
      key.buckets.set(t, b);
    }
    let p = bi + 2;
    for (const f of COUNTER_FIELDS) b[f] += buckets[p++];
    for (const f of SET_FIELDS) {
      const n = buckets[p++];
      if (n === 0) continue;
      const set = (b[f] ??= new Set<number>());
      const end = ii + n;
      if (f === 'erroredSids') for (; ii < end; ii++) set.add(sessionOf(ids[ii]));
      else for (; ii < end; ii++) set.add(userMap[ids[ii]]);
    }
    const nd = buckets[p];
    if (nd > 0) {
      const list = (b.durations ??= []);
      for (const end = di + nd; di < end; di++) list.push(durations[di]);
    }
  }
}
