// Ingests session records as Sentry's relay extracts metrics from them (contract, "Ingestion
// rules"): per (project, release, environment, bucket) counters, and the sets the figures
// need (errored session ids, users by status tag). Memory grows with those keys and with the
// distinct sessions and users, never with the number of lines.
import type { SessionStatus, UnixSeconds } from '../health/types';
import { ScannedIds } from './scannedIds';
import type { AggregateEntryRecord, SessionRecord, SessionUpdateRecord } from './sessionLine';
import { NO_ID, type ScannedAggregate, type ScannedEntry, type ScannedNames, type ScannedUpdate } from './wasm/scannedRecord';

export class BucketStats {
  init = 0;
  crashed = 0;
  abnormal = 0;
  unhandled = 0;
  erroredPreaggr = 0;
  erroredSids: Set<number> | null = null;
  users: Set<number> | null = null;
  erroredUsers: Set<number> | null = null;
  crashedUsers: Set<number> | null = null;
  abnormalUsers: Set<number> | null = null;
  unhandledUsers: Set<number> | null = null;
  /** Seconds, from `exited` updates. */
  durations: number[] | null = null;

  hasCounter(): boolean {
    return this.init > 0 || this.crashed > 0 || this.abnormal > 0 || this.unhandled > 0 || this.erroredPreaggr > 0;
  }
}

export interface KeyStats {
  project: string;
  release: string;
  environment: string;
  /** Earliest `started` of any usable line before `now`. */
  firstSeen: UnixSeconds;
  buckets: Map<UnixSeconds, BucketStats>;
}

export interface AccumulatorOptions {
  /** Lines that start at or after `now` are ignored. */
  now: UnixSeconds;
  /** Project of lines that carry none. */
  defaultProject: string;
  /** Bucket size; every window the pipeline asks for is aligned to it. Default 1 hour. */
  bucketSeconds?: number;
  /** Data that started before this only counts for `firstSeen` (the 90-day window's start). */
  keepFrom?: UnixSeconds;
}

function add(set: Set<number> | null, id: number): Set<number> {
  const s = set ?? new Set<number>();
  s.add(id);
  return s;
}

export class SessionAccumulator {
  readonly keys = new Map<string, KeyStats>();
  /** project -> release -> environment -> the same KeyStats as in `keys`. */
  private readonly keyIndex = new Map<string, Map<string, Map<string, KeyStats>>>();
  private readonly userIds = new Map<string, number>();
  private readonly sidIds = new Map<string, number>();
  private anonymousSessions = 0;
  private readonly bucketSeconds: number;
  private readonly keepFrom: number;
  // Where the last line went (see bucketFor and addUser): lookups a run of one session's lines skips.
  private lastKey: KeyStats | null = null;
  private lastBucketStart = Number.NaN;
  private lastBucket: BucketStats | null = null;
  private lastUsersBucket: BucketStats | null = null;
  private lastUser = -1;
  /** The wasm scanner's ids mapped to this accumulator's (one scanner per thread: replaced if another comes). */
  private scanned: ScannedIds | null = null;

  constructor(private readonly options: AccumulatorOptions) {
    this.bucketSeconds = options.bucketSeconds ?? 3600;
    this.keepFrom = options.keepFrom ?? Number.NEGATIVE_INFINITY;
  }

  get now(): UnixSeconds {
    return this.options.now;
  }

  get distinctUsers(): number {
    return this.userIds.size;
  }

  /** Returns false when the record is ignored (it started at or after `now`). */
  add(record: SessionRecord): boolean {
    if (record.kind === 'update') return this.addUpdate(record);
    let used = false;
    for (const e of record.entries) {
      if (this.addAggregateEntry(record.project, record.release, record.environment, e)) used = true;
    }
    return used;
  }

  /** Interned strings in id order (ids are dense from 0), so that accumulators built in parallel can be merged by string (accumulatorSnapshot.ts). */
  internedUsers(): string[] {
    return Array.from(this.userIds.keys());
  }

  internedSessions(): string[] {
    return Array.from(this.sidIds.keys());
  }

  /** Public for that merge too: the id of a user in this accumulator. */
  userId(did: string): number {
    let id = this.userIds.get(did);
    if (id === undefined) {
      id = this.userIds.size;
      this.userIds.set(did, id);
    }
    return id;
  }

  /** The id of a session here; null is an anonymous session, a new (negative) id each time. */
  sessionId(sid: string | null): number {
    if (sid === null) return -1 - this.anonymousSessions++;
    let id = this.sidIds.get(sid);
    if (id === undefined) {
      id = this.sidIds.size;
      this.sidIds.set(sid, id);
    }
    return id;
  }

  /**
   * The stats of (project, release, environment), created on first use, with `started` taken
   * into first seen. Looked up through three small Maps rather than by a joined string, so no
   * string is built per line (this runs for every line of a file). Public for accumulatorSnapshot's merge.
   */
  keyFor(project: string, release: string, environment: string, started: UnixSeconds): KeyStats {
    let byRelease = this.keyIndex.get(project);
    if (byRelease === undefined) this.keyIndex.set(project, (byRelease = new Map()));
    let byEnvironment = byRelease.get(release);
    if (byEnvironment === undefined) byRelease.set(release, (byEnvironment = new Map()));
    let key = byEnvironment.get(environment);
    if (key === undefined) {
      key = { project, release, environment, firstSeen: started, buckets: new Map() };
      byEnvironment.set(environment, key);
      this.keys.set(`${project}\u0000${release}\u0000${environment}`, key);
    } else if (started < key.firstSeen) {
      key.firstSeen = started;
    }
    return key;
  }

  /** Records the key (for listing and first seen); null when the time is outside every window. */
  private bucketFor(project: string | null, release: string, environment: string, started: UnixSeconds): BucketStats | null {
    return this.bucketOf(this.keyFor(project ?? this.options.defaultProject, release, environment, started), started);
  }

  /** The key's bucket of `started`, created on first use; null when the time is outside every window. */
  private bucketOf(key: KeyStats, started: UnixSeconds): BucketStats | null {
    if (started < this.keepFrom) return null;
    const t = Math.floor(started / this.bucketSeconds) * this.bucketSeconds;
    // A session's updates usually follow each other in a file: most lines land where the last did.
    if (key === this.lastKey && t === this.lastBucketStart) return this.lastBucket!;
    let b = key.buckets.get(t);
    if (b === undefined) {
      b = new BucketStats();
      key.buckets.set(t, b);
    }
    this.lastKey = key;
    this.lastBucketStart = t;
    this.lastBucket = b;
    return b;
  }

  /** Adds a user to a bucket's users; the repeat of the last such add (a session's next update) is known to be there already. */
  private addUser(b: BucketStats, uid: number): void {
    if (b === this.lastUsersBucket && uid === this.lastUser) return;
    b.users = add(b.users, uid);
    this.lastUsersBucket = b;
    this.lastUser = uid;
  }

  private addUpdate(u: SessionUpdateRecord): boolean {
    if (!(u.started < this.options.now)) return false;
    const b = this.bucketFor(u.project, u.release, u.environment, u.started);
    if (b === null) return true;
    const errored = u.errors > 0 || (u.status !== 'ok' && u.status !== 'exited');
    const uid = u.did === null ? -1 : this.userId(u.did);
    this.countUpdate(b, u.init, u.status, errored, uid, errored ? this.sessionId(u.sid) : 0, u.duration);
    return true;
  }

  /** An update the wasm scanner read (ids instead of strings); the same counting as addUpdate. */
  addScannedUpdate(u: ScannedUpdate): boolean {
    if (!(u.started < this.options.now)) return false;
    const ids = this.scannedIds(u.names);
    const b = this.bucketOf(this.scannedKey(ids, u.project, u.release, u.environment, u.started), u.started);
    if (b === null) return true;
    const uid = u.did === NO_ID ? -1 : this.scannedUser(ids, u.did);
    this.countUpdate(b, u.init, u.status, u.errored, uid, u.errored ? this.sessionId(u.sid) : 0, u.duration);
    return true;
  }

  /** An aggregate the wasm scanner read; the same counting as addAggregateEntry. */
  addScannedAggregate(a: ScannedAggregate): boolean {
    const ids = this.scannedIds(a.names);
    let used = false;
    for (const e of a.entries) {
      if (!(e.started < this.options.now)) continue;
      used = true;
      const b = this.bucketOf(this.scannedKey(ids, a.project, a.release, a.environment, e.started), e.started);
      if (b !== null) this.countEntry(b, e, e.did === NO_ID ? -1 : this.scannedUser(ids, e.did));
    }
    return used;
  }

  private scannedIds(names: ScannedNames): ScannedIds {
    let ids = this.scanned;
    if (ids === null || ids.names !== names) this.scanned = ids = new ScannedIds(names);
    return ids;
  }

  private scannedKey(ids: ScannedIds, project: number, release: number, environment: number, started: UnixSeconds): KeyStats {
    let key = ids.key(project, release, environment);
    if (key === undefined) {
      const names = ids.names;
      key = this.keyFor(
        project === NO_ID ? this.options.defaultProject : names.text(project),
        names.text(release),
        environment === NO_ID ? '' : names.text(environment),
        started,
      );
      ids.setKey(project, release, environment, key);
    } else if (started < key.firstSeen) {
      key.firstSeen = started;
    }
    return key;
  }

  private scannedUser(ids: ScannedIds, did: number): number {
    let uid = ids.user(did);
    if (uid < 0) {
      uid = this.userId(ids.names.text(did));
      ids.setUser(did, uid);
    }
    return uid;
  }

  /** `sid`: the session's id here, read only when `errored`. */
  private countUpdate(b: BucketStats, init: boolean, status: SessionStatus, errored: boolean, uid: number, sid: number, duration: number | null): void {
    if (init) b.init += 1;
    if (errored) b.erroredSids = add(b.erroredSids, sid);
    if (status === 'crashed') b.crashed += 1;
    else if (status === 'abnormal') b.abnormal += 1;
    else if (status === 'unhandled') b.unhandled += 1;
    if (uid >= 0) {
      this.addUser(b, uid);
      if (errored) b.erroredUsers = add(b.erroredUsers, uid);
      if (status === 'crashed') b.crashedUsers = add(b.crashedUsers, uid);
      else if (status === 'abnormal') b.abnormalUsers = add(b.abnormalUsers, uid);
      else if (status === 'unhandled') b.unhandledUsers = add(b.unhandledUsers, uid);
    }
    if (status === 'exited' && duration !== null) (b.durations ??= []).push(duration);
  }

  private addAggregateEntry(project: string | null, release: string, environment: string, e: AggregateEntryRecord): boolean {
    if (!(e.started < this.options.now)) return false;
    const b = this.bucketFor(project, release, environment, e.started);
    if (b === null) return true;
    this.countEntry(b, e, e.did === null ? -1 : this.userId(e.did));
    return true;
  }

  private countEntry(b: BucketStats, e: AggregateEntryRecord | ScannedEntry, uid: number): void {
    const erroredCount = e.errored + e.abnormal + e.crashed + e.unhandled;
    b.init += e.exited + erroredCount;
    b.erroredPreaggr += erroredCount;
    b.abnormal += e.abnormal;
    b.crashed += e.crashed;
    b.unhandled += e.unhandled;
    if (uid >= 0) {
      this.addUser(b, uid);
      if (erroredCount > 0) b.erroredUsers = add(b.erroredUsers, uid);
      if (e.crashed > 0) b.crashedUsers = add(b.crashedUsers, uid);
      if (e.abnormal > 0) b.abnormalUsers = add(b.abnormalUsers, uid);
      if (e.unhandled > 0) b.unhandledUsers = add(b.unhandledUsers, uid);
    }
  }
}
