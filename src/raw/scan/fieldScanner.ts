// The fast path of the raw reader: reads one NDJSON line from its UTF-8 bytes, taking only the
// fields the pipeline needs, without JSON.parse building objects. It validates the whole line
// against JSON's grammar (so it never accepts what JSON.parse rejects) and produces exactly the
// record `parseSessionLine` would. Whenever it is not 100 % sure (an escape in a string it reads,
// a BOM, a duplicate key, a number or type it would have to convert, a line the reference would
// reject, ...) it answers null and the caller runs the reference parser on that line, so the two
// paths cannot diverge in meaning; test/unit/raw/fastReader.test.ts holds them together.
// This file assembles the records; the pieces: jsonBytes.ts (byte lexing), keyWords.ts (which
// key), objectMembers.ts (the key → value loop), fieldDecoders.ts (a value's bytes to the
// reference's value).
import type { AggregateEntryRecord, SessionAggregateRecord, SessionRecord, SessionUpdateRecord } from '../sessionLine';
import { ByteStringInterner, LastValue, viewOf } from '../byteStringInterner';
import { countOf, durationOf, isNilUuid, NIL_UUID, statusOf, timeOf } from './fieldDecoders';
import { ABSENT, ASCII, END, FALSE, FieldValues, NOT_SURE, NULL, START, STRING, TRUE, skipWs } from './jsonBytes';
import {
  A_ENVIRONMENT, A_RELEASE, ATTRS, ATTRS_KEYS, E_ABNORMAL, E_CRASHED, E_DID, E_ERRORED, E_EXITED, E_STARTED, E_UNHANDLED, ENTRY, ENTRY_KEYS,
  F_AGGREGATES, F_ATTRS, F_DID, F_DURATION, F_ERRORS, F_INIT, F_MECHANISM, F_PROJECT, F_SID, F_STARTED, F_STATUS, TOP, TOP_KEYS,
} from './keyWords';
import { readMembers, type NestedValues } from './objectMembers';

/** countOf of the value at `at` of `slots`. */
function countAt(buf: Buffer, slots: Int32Array, at: number): number {
  return countOf(buf, slots[at], slots[at + START], slots[at + END]);
}

/** The line holds only JSON whitespace: the reference ignores it too. */
export const BLANK = 'blank' as const;
export type ScanResult = SessionRecord | null | typeof BLANK;

export class FieldScanner implements NestedValues {
  private readonly strings = new ByteStringInterner();
  /** A DataView of the buffer being scanned (made once per buffer). */
  private view = viewOf(Buffer.alloc(0));
  private viewOf: Buffer | null = null;
  private readonly lastProject = new LastValue();
  private readonly lastRelease = new LastValue();
  private readonly lastEnvironment = new LastValue();
  private readonly lastSid = new LastValue();
  private readonly lastMech = new LastValue();
  private readonly top = new FieldValues(TOP_KEYS.length);
  private readonly attrs = new FieldValues(ATTRS_KEYS.length);
  private readonly entry = new FieldValues(ENTRY_KEYS.length);
  // The records scan() returns are these same objects each time, refilled (no garbage per line):
  // a record is valid until the next scan. The accumulator copies what it keeps.
  private readonly update: SessionUpdateRecord = {
    kind: 'update', project: null, release: '', environment: '', started: 0, sid: null, did: null, init: false, status: 'ok', errors: 0,
    duration: null, abnormalMechanism: null,
  };
  private readonly aggregate: SessionAggregateRecord = { kind: 'aggregate', project: null, release: '', environment: '', entries: [] };
  private readonly entryPool: AggregateEntryRecord[] = [];

  /**
   * The record of buf[start, end) (no line break in it), BLANK, or null: "ask the reference parser".
   * The record object is reused by the next call.
   */
  scan(buf: Buffer, start: number, end: number): ScanResult {
    if (buf !== this.viewOf) {
      this.viewOf = buf;
      this.view = viewOf(buf);
    }
    const view = this.view;
    let p = start;
    if (buf[p] !== 0x7b) {
      p = skipWs(buf, p, end);
      if (p === end) return BLANK;
      if (buf[p] !== 0x7b) return null;
    }
    p = readMembers(buf, view, p, end, TOP, this.top, this);
    if (p < 0) return null;
    if (p < end && skipWs(buf, p, end) !== end) return null;

    // The record, as parseSessionDocument builds it; null wherever it would fail.
    const v = this.top.slots;
    if (v[F_ATTRS << 2] === ABSENT) return null;
    const a = this.attrs.slots;
    const rel = A_RELEASE << 2;
    if (a[rel] !== STRING || a[rel + END] === a[rel + START]) return null;
    const release = this.text(buf, a[rel + START], a[rel + END], a[rel + ASCII], this.lastRelease);
    const env = A_ENVIRONMENT << 2;
    const envKind = a[env];
    if (envKind !== ABSENT && envKind !== NULL && envKind !== STRING) return null;
    const environment = envKind === STRING ? this.text(buf, a[env + START], a[env + END], a[env + ASCII], this.lastEnvironment) : '';
    let project: string | null = null;
    const pr = F_PROJECT << 2;
    if (v[pr] === STRING) {
      if (v[pr + END] === v[pr + START]) return null;
      project = this.text(buf, v[pr + START], v[pr + END], v[pr + ASCII], this.lastProject);
    } else if (v[pr] !== ABSENT && v[pr] !== NULL) return null;

    if (v[F_AGGREGATES << 2] !== ABSENT) {
      const r = this.aggregate;
      r.project = project;
      r.release = release;
      r.environment = environment;
      return r;
    }

    const st = F_STARTED << 2;
    const started = timeOf(buf, v[st], v[st + START], v[st + END], v[st + ASCII]);
    if (started === null) return null;
    const su = F_STATUS << 2;
    const status = statusOf(buf, view, v[su], v[su + START], v[su + END]);
    if (status === null) return null;
    const er = F_ERRORS << 2;
    const errors = countOf(buf, v[er], v[er + START], v[er + END]);
    if (errors < 0) return null;
    const di = F_DID << 2;
    const did = this.user(buf, v[di], v[di + START], v[di + END], v[di + ASCII]);
    if (did === undefined) return null;
    let sid: string | null = null;
    const si = F_SID << 2;
    if (v[si] === STRING) {
      if (v[si + END] > v[si + START]) sid = this.sid(buf, v[si + START], v[si + END], v[si + ASCII]);
    } else if (v[si] !== ABSENT && v[si] !== NULL) return null;
    const initKind = v[F_INIT << 2];
    if (initKind !== ABSENT && initKind !== NULL && initKind !== TRUE && initKind !== FALSE) return null;
    const me = F_MECHANISM << 2;
    const mech = v[me] === STRING ? this.text(buf, v[me + START], v[me + END], v[me + ASCII], this.lastMech) : null;
    const u = this.update;
    u.project = project;
    u.release = release;
    u.environment = environment;
    u.started = started;
    u.sid = sid;
    u.did = did;
    u.init = initKind === TRUE;
    u.status = status;
    u.errors = errors;
    const du = F_DURATION << 2;
    u.duration = durationOf(buf, v[du], v[du + START], v[du + END]);
    u.abnormalMechanism = mech !== null && mech !== 'none' ? mech : null;
    return u;
  }

  /** `attrs` (an object) and `aggregates` (a list), at p; the index after the value, or NOT_SURE. */
  nestedValue(buf: Buffer, p: number, end: number, field: number): number {
    if (field === F_ATTRS) return buf[p] === 0x7b ? readMembers(buf, this.view, p, end, ATTRS, this.attrs, this) : NOT_SURE;
    if (field === F_AGGREGATES) return buf[p] === 0x5b ? this.readAggregates(buf, p, end) : NOT_SURE;
    return NOT_SURE;
  }

  /** aggregates at p ('['): every entry checked and made a record in the aggregate record's entries; the index after it, or NOT_SURE. */
  private readAggregates(buf: Buffer, p: number, end: number): number {
    const entries = this.aggregate.entries;
    entries.length = 0;
    p = skipWs(buf, p + 1, end);
    if (buf[p] === 0x5d) return p + 1;
    for (;;) {
      if (buf[p] !== 0x7b) return NOT_SURE;
      p = readMembers(buf, this.view, p, end, ENTRY, this.entry, this);
      if (p < 0 || !this.pushEntry(buf, entries)) return NOT_SURE;
      p = skipWs(buf, p, end);
      const c = buf[p];
      if (c === 0x5d) return p + 1;
      if (c !== 0x2c) return NOT_SURE;
      p = skipWs(buf, p + 1, end);
    }
  }

  /** The entry just read, pushed as the reference's record; false: the reference decides. */
  private pushEntry(buf: Buffer, entries: AggregateEntryRecord[]): boolean {
    const v = this.entry.slots;
    const st = E_STARTED << 2;
    const started = timeOf(buf, v[st], v[st + START], v[st + END], v[st + ASCII]);
    if (started === null) return false;
    const di = E_DID << 2;
    const did = this.user(buf, v[di], v[di + START], v[di + END], v[di + ASCII]);
    if (did === undefined) return false;
    const exited = countAt(buf, v, E_EXITED << 2);
    const errored = countAt(buf, v, E_ERRORED << 2);
    const abnormal = countAt(buf, v, E_ABNORMAL << 2);
    const crashed = countAt(buf, v, E_CRASHED << 2);
    const unhandled = countAt(buf, v, E_UNHANDLED << 2);
    if (exited < 0 || errored < 0 || abnormal < 0 || crashed < 0 || unhandled < 0) return false;
    const n = entries.length;
    let r = this.entryPool[n];
    if (r === undefined) this.entryPool.push((r = { started, did, exited, errored, abnormal, crashed, unhandled }));
    r.started = started;
    r.did = did;
    r.exited = exited;
    r.errored = errored;
    r.abnormal = abnormal;
    r.crashed = crashed;
    r.unhandled = unhandled;
    entries.push(r);
    return true;
  }

  /** A string value's text: interned when ASCII (after a look at the field's last value); else decoded as UTF-8, as JSON.parse of the decoded line gives it. */
  private text(buf: Buffer, start: number, end: number, ascii: number, last: LastValue): string {
    if (ascii === 0) return buf.utf8Slice(start, end);
    if (last.matches(this.view, start, end)) return last.value;
    return last.set(this.view, start, end, this.strings.get(buf, this.view, start, end));
  }

  /** Not interned (one per session, mostly), but the updates of one session usually follow each other. */
  private sid(buf: Buffer, start: number, end: number, ascii: number): string {
    if (ascii === 0) return buf.utf8Slice(start, end);
    const last = this.lastSid;
    if (last.matches(this.view, start, end)) return last.value;
    return last.set(this.view, start, end, buf.latin1Slice(start, end));
  }

  /** As the reference's userOf for strings, null and absence; undefined (the reference decides) for anything else. */
  private user(buf: Buffer, kind: number, start: number, end: number, ascii: number): string | null | undefined {
    if (kind === ABSENT || kind === NULL) return null;
    if (kind !== STRING) return undefined;
    if (end === start) return null;
    if (ascii === 1) {
      // toLowerCase keeps an ASCII string's length, and the nil UUID has no letters to fold.
      if (end - start === NIL_UUID.length && isNilUuid(buf, this.view, start)) return null;
      return this.strings.get(buf, this.view, start, end);
    }
    const value = buf.utf8Slice(start, end);
    return value.toLowerCase() === NIL_UUID ? null : value;
  }
}
