// The fast path of the raw reader: reads one NDJSON line from its UTF-8 bytes, taking only the
// fields the pipeline needs, without JSON.parse building objects. It validates the whole line
// against JSON's grammar (so it never accepts what JSON.parse rejects) and produces exactly the
// record `parseSessionLine` would. Whenever it is not 100 % sure (an escape in a string, a BOM,
// a duplicate key, a number or type it would have to convert, a line the reference would
// reject, ...) it answers null and the caller runs the reference parser on that line, so the two
// paths cannot diverge in meaning; test/unit/raw/fieldScanner.test.ts holds them together.
// Written for speed (one pass, table-driven string scanning, keys compared four bytes at a time),
// since this loop is what a million-session file costs.
import type { SessionStatus, UnixSeconds } from '../health/types';
import { ByteStringInterner, sameAscii, word4 } from './byteStringInterner';
import { isoSecondsFromBytes } from './isoTimeBytes';
import { NOT_SURE, numberEnd, skipValue, skipWs } from './jsonBytes';
import { parseTime, type AggregateEntryRecord, type SessionRecord } from './sessionLine';

/** The line holds only JSON whitespace: the reference ignores it too. */
export const BLANK = 'blank' as const;
export type ScanResult = SessionRecord | null | typeof BLANK;

// Kinds of a value as read.
const ABSENT = 0;
const NULL = 1;
const STRING = 2;
const NUMBER = 3;
const TRUE = 4;
const FALSE = 5;
const OTHER = 6; // an object or list nobody reads
const OBJECT = 7; // attrs, read
const LIST = 8; // aggregates, read

// Top-level fields.
const F_PROJECT = 0;
const F_SID = 1;
const F_DID = 2;
const F_INIT = 3;
const F_STARTED = 4;
const F_STATUS = 5;
const F_ERRORS = 6;
const F_DURATION = 7;
const F_MECH = 8;
const F_ATTRS = 9;
const F_AGGREGATES = 10;
const TOP_FIELDS = 11;
// attrs fields.
const A_RELEASE = 0;
const A_ENVIRONMENT = 1;
// Aggregate entry fields.
const E_STARTED = 0;
const E_DID = 1;
const E_EXITED = 2;
const E_ERRORED = 3;
const E_ABNORMAL = 4;
const E_CRASHED = 5;
const E_UNHANDLED = 6;

// Byte classes inside a JSON string: 0 plain ASCII, 1 the closing quote, 2 a backslash or a
// control character (an escape, or invalid JSON: the reference decides), 3 a non-ASCII byte.
const CLS = new Uint8Array(256);
for (let i = 0; i < 0x20; i++) CLS[i] = 2;
CLS[0x22] = 1;
CLS[0x5c] = 2;
for (let i = 0x80; i < 256; i++) CLS[i] = 3;

/** Whether the last string scanned was all ASCII (latin1 decoding then equals UTF-8 decoding). */
let lastAscii = 1;

/**
 * `q` is just after an opening quote: the index of the closing quote of a string without escapes
 * or control characters, or NOT_SURE. Bytes past `end` may be read but never accepted (the byte
 * at `end` is normally the line's `\n`, which stops the loop).
 */
function stringEnd(buf: Uint8Array, q: number, end: number): number {
  let k: number;
  while ((k = CLS[buf[q]]) === 0) q++;
  if (k === 1) {
    lastAscii = 1;
    return q < end ? q : NOT_SURE;
  }
  if (k !== 3) return NOT_SURE;
  for (;;) {
    k = CLS[buf[q]];
    if (k === 0 || k === 3) q++;
    else break;
  }
  lastAscii = 0;
  return k === 1 && q < end ? q : NOT_SURE;
}

/** A key's bytes as the words keyIs compares: at 0, 4, 8, ... and at length - 4 (overlapping). */
function keyWords(key: string): Int32Array {
  const b = Buffer.from(key, 'latin1');
  const words: number[] = [];
  let o = 0;
  for (; o + 4 < b.length; o += 4) words.push(word4(b, o));
  words.push(word4(b, b.length - 4));
  return Int32Array.from(words);
}

/** buf[s, s + len) is the key of `kw` (len is that key's length, 4 or more). */
function keyIs(buf: Uint8Array, s: number, len: number, kw: Int32Array): boolean {
  let i = 0;
  for (let o = 0; o + 4 < len; o += 4) if (word4(buf, s + o) !== kw[i++]) return false;
  return word4(buf, s + len - 4) === kw[i];
}

const KW_INIT = keyWords('init');
const KW_ATTRS = keyWords('attrs');
const KW_STATUS = keyWords('status');
const KW_ERRORS = keyWords('errors');
const KW_PROJECT = keyWords('project');
const KW_STARTED = keyWords('started');
const KW_DURATION = keyWords('duration');
const KW_AGGREGATES = keyWords('aggregates');
const KW_MECH = keyWords('abnormal_mechanism');
const KW_RELEASE = keyWords('release');
const KW_ENVIRONMENT = keyWords('environment');
const KW_EXITED = keyWords('exited');
const KW_ERRORED = keyWords('errored');
const KW_ABNORMAL = keyWords('abnormal');
const KW_CRASHED = keyWords('crashed');
const KW_UNHANDLED = keyWords('unhandled');

function isSid(buf: Uint8Array, s: number): boolean {
  return buf[s] === 0x73 && buf[s + 1] === 0x69 && buf[s + 2] === 0x64;
}
function isDid(buf: Uint8Array, s: number): boolean {
  return buf[s] === 0x64 && buf[s + 1] === 0x69 && buf[s + 2] === 0x64;
}

function topKey(buf: Uint8Array, s: number, len: number): number {
  switch (len) {
    case 3: return isSid(buf, s) ? F_SID : isDid(buf, s) ? F_DID : -1;
    case 4: return keyIs(buf, s, len, KW_INIT) ? F_INIT : -1;
    case 5: return keyIs(buf, s, len, KW_ATTRS) ? F_ATTRS : -1;
    case 6: return keyIs(buf, s, len, KW_STATUS) ? F_STATUS : keyIs(buf, s, len, KW_ERRORS) ? F_ERRORS : -1;
    case 7: return keyIs(buf, s, len, KW_PROJECT) ? F_PROJECT : keyIs(buf, s, len, KW_STARTED) ? F_STARTED : -1;
    case 8: return keyIs(buf, s, len, KW_DURATION) ? F_DURATION : -1;
    case 10: return keyIs(buf, s, len, KW_AGGREGATES) ? F_AGGREGATES : -1;
    case 18: return keyIs(buf, s, len, KW_MECH) ? F_MECH : -1;
    default: return -1;
  }
}

function attrsKey(buf: Uint8Array, s: number, len: number): number {
  if (len === 7) return keyIs(buf, s, len, KW_RELEASE) ? A_RELEASE : -1;
  if (len === 11) return keyIs(buf, s, len, KW_ENVIRONMENT) ? A_ENVIRONMENT : -1;
  return -1;
}

function entryKey(buf: Uint8Array, s: number, len: number): number {
  switch (len) {
    case 3: return isDid(buf, s) ? E_DID : -1;
    case 6: return keyIs(buf, s, len, KW_EXITED) ? E_EXITED : -1;
    case 7:
      return keyIs(buf, s, len, KW_STARTED) ? E_STARTED : keyIs(buf, s, len, KW_ERRORED) ? E_ERRORED : keyIs(buf, s, len, KW_CRASHED) ? E_CRASHED : -1;
    case 8: return keyIs(buf, s, len, KW_ABNORMAL) ? E_ABNORMAL : -1;
    case 9: return keyIs(buf, s, len, KW_UNHANDLED) ? E_UNHANDLED : -1;
    default: return -1;
  }
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const NIL_WORD = word4(Buffer.from('0000'), 0);

function isNilUuid(buf: Uint8Array, s: number): boolean {
  // 36 bytes: 8-4-4-4-12 zeros with dashes.
  return (
    word4(buf, s) === NIL_WORD && word4(buf, s + 4) === NIL_WORD && buf[s + 8] === 0x2d &&
    word4(buf, s + 9) === NIL_WORD && buf[s + 13] === 0x2d && word4(buf, s + 14) === NIL_WORD && buf[s + 18] === 0x2d &&
    word4(buf, s + 19) === NIL_WORD && buf[s + 23] === 0x2d && word4(buf, s + 24) === NIL_WORD &&
    word4(buf, s + 28) === NIL_WORD && word4(buf, s + 32) === NIL_WORD
  );
}

/** Where the values of one object's fields are: kind, and for strings and numbers the byte range. */
class FieldSlots {
  readonly kind: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly ascii: Uint8Array;
  constructor(readonly size: number) {
    this.kind = new Uint8Array(size);
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.ascii = new Uint8Array(size);
  }
  clear(): void {
    for (let i = 0; i < this.size; i++) this.kind[i] = ABSENT;
  }
}

const STATUS_OK: SessionStatus = 'ok';

export class FieldScanner {
  private readonly top = new FieldSlots(TOP_FIELDS);
  private readonly attrs = new FieldSlots(2);
  private readonly entry = new FieldSlots(7);
  private entries: AggregateEntryRecord[] = [];
  /** The previous sid: the updates of one session usually follow each other. */
  private lastSid = '';

  constructor(private readonly strings = new ByteStringInterner()) {}

  /** The record of buf[start, end) (no line break in it), BLANK, or null: "ask the reference parser". */
  scan(buf: Buffer, start: number, end: number): ScanResult {
    let pos = start;
    if (buf[pos] !== 0x7b) {
      pos = skipWs(buf, start, end);
      if (pos === end) return BLANK;
      if (buf[pos] !== 0x7b) return null;
    }
    this.top.clear();
    this.attrs.clear();
    pos = this.readObject(buf, pos, end, 0);
    if (pos < 0) return null;
    if (pos !== end && skipWs(buf, pos, end) !== end) return null;
    return this.build(buf);
  }

  /**
   * Reads an object at `pos` ('{'); `level` 0 is the line, 1 attrs, 2 an aggregate entry.
   * Keys we read must not repeat (JSON.parse keeps the last one; we leave that to it).
   */
  private readObject(buf: Buffer, pos: number, end: number, level: number): number {
    const slots = level === 0 ? this.top : level === 1 ? this.attrs : this.entry;
    let c = buf[++pos];
    if (c === 0x20 || c === 0x09 || c === 0x0d) c = buf[(pos = skipWs(buf, pos, end))];
    if (c === 0x7d) return pos + 1;
    for (;;) {
      if (c !== 0x22) return NOT_SURE;
      const keyStart = pos + 1;
      const keyEnd = stringEnd(buf, keyStart, end);
      if (keyEnd < 0) return NOT_SURE; // an escaped key could spell one we read
      const len = keyEnd - keyStart;
      const field = level === 0 ? topKey(buf, keyStart, len) : level === 1 ? attrsKey(buf, keyStart, len) : entryKey(buf, keyStart, len);
      pos = keyEnd + 1;
      c = buf[pos];
      if (c !== 0x3a) {
        c = buf[(pos = skipWs(buf, pos, end))];
        if (c !== 0x3a) return NOT_SURE;
      }
      c = buf[++pos];
      if (c === 0x20 || c === 0x09 || c === 0x0d) c = buf[(pos = skipWs(buf, pos, end))];
      if (field >= 0) {
        if (slots.kind[field] !== ABSENT) return NOT_SURE; // a duplicate key
        if (level === 0 && field === F_ATTRS) {
          if (c !== 0x7b) return NOT_SURE; // not an object: the reference skips the line
          slots.kind[field] = OBJECT;
          pos = this.readObject(buf, pos, end, 1);
        } else if (level === 0 && field === F_AGGREGATES) {
          if (c !== 0x5b) return NOT_SURE; // not a list: the reference skips the line
          slots.kind[field] = LIST;
          pos = this.readAggregates(buf, pos, end);
        } else if (c === 0x22) {
          const e = stringEnd(buf, pos + 1, end);
          if (e < 0) return NOT_SURE;
          slots.kind[field] = STRING;
          slots.start[field] = pos + 1;
          slots.end[field] = e;
          slots.ascii[field] = lastAscii;
          pos = e + 1;
        } else {
          pos = readScalar(buf, pos, end, slots, field);
        }
      } else if (c === 0x22) {
        const e = stringEnd(buf, pos + 1, end);
        pos = e < 0 ? skipValue(buf, pos, end) : e + 1; // escapes are fine in values nobody reads
      } else {
        pos = skipValue(buf, pos, end);
      }
      if (pos < 0) return NOT_SURE;
      c = buf[pos];
      if (c === 0x2c) {
        c = buf[++pos];
        if (c === 0x20 || c === 0x09 || c === 0x0d) c = buf[(pos = skipWs(buf, pos, end))];
        continue;
      }
      if (c === 0x7d) return pos + 1;
      pos = skipWs(buf, pos, end);
      if (pos >= end) return NOT_SURE;
      c = buf[pos];
      if (c === 0x7d) return pos + 1;
      if (c !== 0x2c) return NOT_SURE;
      c = buf[(pos = skipWs(buf, pos + 1, end))];
    }
  }

  /** `aggregates: [ {entry}, ... ]`, each entry checked and turned into a record as the reference does. */
  private readAggregates(buf: Buffer, pos: number, end: number): number {
    const entries: AggregateEntryRecord[] = [];
    this.entries = entries;
    pos = skipWs(buf, pos + 1, end);
    if (pos < end && buf[pos] === 0x5d) return pos + 1;
    for (;;) {
      if (pos >= end || buf[pos] !== 0x7b) return NOT_SURE;
      this.entry.clear();
      pos = this.readObject(buf, pos, end, 2);
      if (pos < 0) return NOT_SURE;
      const e = this.entryRecord(buf);
      if (e === null) return NOT_SURE;
      entries.push(e);
      pos = skipWs(buf, pos, end);
      if (pos >= end) return NOT_SURE;
      if (buf[pos] === 0x5d) return pos + 1;
      if (buf[pos] !== 0x2c) return NOT_SURE;
      pos = skipWs(buf, pos + 1, end);
    }
  }

  private entryRecord(buf: Buffer): AggregateEntryRecord | null {
    const s = this.entry;
    const started = this.time(buf, s, E_STARTED);
    if (started === null) return null;
    const did = this.user(buf, s, E_DID);
    if (did === undefined) return null;
    const exited = count(buf, s, E_EXITED);
    const errored = count(buf, s, E_ERRORED);
    const abnormal = count(buf, s, E_ABNORMAL);
    const crashed = count(buf, s, E_CRASHED);
    const unhandled = count(buf, s, E_UNHANDLED);
    if (exited < 0 || errored < 0 || abnormal < 0 || crashed < 0 || unhandled < 0) return null;
    return { started, did, exited, errored, abnormal, crashed, unhandled };
  }

  /** The record, or null when the reference must decide (including every line it would skip). */
  private build(buf: Buffer): SessionRecord | null {
    const t = this.top;
    const a = this.attrs;
    if (t.kind[F_ATTRS] !== OBJECT) return null;
    if (a.kind[A_RELEASE] !== STRING || a.end[A_RELEASE] === a.start[A_RELEASE]) return null;
    const release = this.text(buf, a, A_RELEASE);
    const envKind = a.kind[A_ENVIRONMENT];
    if (envKind !== ABSENT && envKind !== NULL && envKind !== STRING) return null;
    const environment = envKind === STRING ? this.text(buf, a, A_ENVIRONMENT) : '';
    const projectKind = t.kind[F_PROJECT];
    let project: string | null = null;
    if (projectKind === STRING) {
      if (t.end[F_PROJECT] === t.start[F_PROJECT]) return null;
      project = this.text(buf, t, F_PROJECT);
    } else if (projectKind !== ABSENT && projectKind !== NULL) return null;

    if (t.kind[F_AGGREGATES] !== ABSENT) {
      if (t.kind[F_AGGREGATES] !== LIST) return null;
      return { kind: 'aggregate', project, release, environment, entries: this.entries };
    }

    const started = this.time(buf, t, F_STARTED);
    if (started === null) return null;
    const status = statusOf(buf, t);
    if (status === null) return null;
    const errors = count(buf, t, F_ERRORS);
    if (errors < 0) return null;
    const did = this.user(buf, t, F_DID);
    if (did === undefined) return null;
    const sidKind = t.kind[F_SID];
    let sid: string | null = null;
    if (sidKind === STRING) {
      if (t.end[F_SID] > t.start[F_SID]) sid = this.sid(buf, t);
    } else if (sidKind !== ABSENT && sidKind !== NULL) return null;
    const initKind = t.kind[F_INIT];
    if (initKind !== ABSENT && initKind !== NULL && initKind !== TRUE && initKind !== FALSE) return null;
    const duration = durationOf(buf, t);
    const mech = t.kind[F_MECH] === STRING ? this.text(buf, t, F_MECH) : null;
    return {
      kind: 'update',
      project,
      release,
      environment,
      started,
      sid,
      did,
      init: initKind === TRUE,
      status,
      errors,
      duration,
      abnormalMechanism: mech !== null && mech !== 'none' ? mech : null,
    };
  }

  /** A string value's text: interned when ASCII; else decoded as UTF-8 (what JSON.parse of the decoded line gives). */
  private text(buf: Buffer, s: FieldSlots, field: number): string {
    return s.ascii[field] === 1 ? this.strings.get(buf, s.start[field], s.end[field]) : buf.utf8Slice(s.start[field], s.end[field]);
  }

  private sid(buf: Buffer, t: FieldSlots): string {
    const start = t.start[F_SID];
    const end = t.end[F_SID];
    if (t.ascii[F_SID] === 0) return buf.utf8Slice(start, end);
    const last = this.lastSid;
    if (last.length === end - start && sameAscii(last, buf, start)) return last;
    return (this.lastSid = buf.latin1Slice(start, end));
  }

  /** `started`: the canonical form read from bytes, any other string through the reference parseTime; null to fall back. */
  private time(buf: Buffer, s: FieldSlots, field: number): UnixSeconds | null {
    if (s.kind[field] !== STRING) return null;
    const v = isoSecondsFromBytes(buf, s.start[field], s.end[field]);
    if (v === v) return v;
    return parseTime(buf.toString(s.ascii[field] === 1 ? 'latin1' : 'utf8', s.start[field], s.end[field]));
  }

  /** As the reference's userOf for strings, null and absence; undefined (fall back) for anything else. */
  private user(buf: Buffer, s: FieldSlots, field: number): string | null | undefined {
    const kind = s.kind[field];
    if (kind === ABSENT || kind === NULL) return null;
    if (kind !== STRING) return undefined;
    const start = s.start[field];
    const end = s.end[field];
    if (end === start) return null;
    if (s.ascii[field] === 1) {
      // toLowerCase keeps an ASCII string's length, and the nil UUID has no letters to fold.
      if (end - start === NIL_UUID.length && isNilUuid(buf, start)) return null;
      return this.strings.get(buf, start, end);
    }
    const value = buf.utf8Slice(start, end);
    return value.toLowerCase() === NIL_UUID ? null : value;
  }
}

/** A value other than a string, of a field we read: its kind and range (objects and arrays are skipped as OTHER). */
function readScalar(buf: Buffer, pos: number, end: number, slots: FieldSlots, field: number): number {
  const c = buf[pos];
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
    const e = numberEnd(buf, pos, end);
    if (e < 0) return NOT_SURE;
    slots.kind[field] = NUMBER;
    slots.start[field] = pos;
    slots.end[field] = e;
    return e;
  }
  if (c === 0x74) {
    slots.kind[field] = TRUE;
    return pos + 4 <= end && buf[pos + 1] === 0x72 && buf[pos + 2] === 0x75 && buf[pos + 3] === 0x65 ? pos + 4 : NOT_SURE;
  }
  if (c === 0x66) {
    slots.kind[field] = FALSE;
    return pos + 5 <= end && buf[pos + 1] === 0x61 && buf[pos + 2] === 0x6c && buf[pos + 3] === 0x73 && buf[pos + 4] === 0x65 ? pos + 5 : NOT_SURE;
  }
  if (c === 0x6e) {
    slots.kind[field] = NULL;
    return pos + 4 <= end && buf[pos + 1] === 0x75 && buf[pos + 2] === 0x6c && buf[pos + 3] === 0x6c ? pos + 4 : NOT_SURE;
  }
  slots.kind[field] = OTHER;
  return skipValue(buf, pos, end);
}

/** A count as the reference's countOf: absent or null is 0; a plain non-negative integer literal; -1 to fall back. */
function count(buf: Uint8Array, s: FieldSlots, field: number): number {
  const kind = s.kind[field];
  if (kind === ABSENT || kind === NULL) return 0;
  if (kind !== NUMBER) return -1;
  const start = s.start[field];
  const end = s.end[field];
  if (end - start > 15) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i] - 0x30;
    if (d < 0 || d > 9) return -1; // '-', '.', 'e': the reference decides
    v = v * 10 + d;
  }
  return v;
}

function statusOf(buf: Uint8Array, t: FieldSlots): SessionStatus | null {
  const kind = t.kind[F_STATUS];
  if (kind === ABSENT || kind === NULL) return STATUS_OK;
  if (kind !== STRING) return null;
  const s = t.start[F_STATUS];
  switch (t.end[F_STATUS] - s) {
    case 2: return buf[s] === 0x6f && buf[s + 1] === 0x6b ? 'ok' : null;
    case 6: return keyIs(buf, s, 6, KW_EXITED) ? 'exited' : null;
    case 7: return keyIs(buf, s, 7, KW_CRASHED) ? 'crashed' : keyIs(buf, s, 7, KW_ERRORED) ? 'errored' : null;
    case 8: return keyIs(buf, s, 8, KW_ABNORMAL) ? 'abnormal' : null;
    case 9: return keyIs(buf, s, 9, KW_UNHANDLED) ? 'unhandled' : null;
    default: return null;
  }
}

/** As the reference: a finite non-negative number, else null (whatever the type). */
function durationOf(buf: Buffer, t: FieldSlots): number | null {
  if (t.kind[F_DURATION] !== NUMBER) return null;
  const start = t.start[F_DURATION];
  const end = t.end[F_DURATION];
  let v = 0;
  let plain = end - start <= 15;
  for (let i = start; plain && i < end; i++) {
    const d = buf[i] - 0x30;
    if (d < 0 || d > 9) plain = false;
    else v = v * 10 + d;
  }
  // Number() of a JSON number literal is the value JSON.parse gives it.
  if (!plain) v = Number(buf.latin1Slice(start, end));
  return Number.isFinite(v) && v >= 0 ? v : null;
}
