// The fast path of the raw reader: reads one NDJSON line from its UTF-8 bytes, taking only the
// fields the pipeline needs, without JSON.parse building objects. It validates the whole line
// against JSON's grammar (so it never accepts what JSON.parse rejects) and produces exactly the
// record `parseSessionLine` would. Whenever it is not 100 % sure (an escape in a string it reads,
// a BOM, a duplicate key, a number or type it would have to convert, a line the reference would
// reject, ...) it answers null and the caller runs the reference parser on that line, so the two
// paths cannot diverge in meaning; test/unit/raw/fastReader.test.ts holds them together.
// Written for speed, since this loop is what a million-session file costs: one pass, field
// positions in local variables, table-driven string scanning, keys compared four bytes at a time.
import type { SessionStatus, UnixSeconds } from '../health/types';
import { ByteStringInterner, LastValue, word4 } from './byteStringInterner';
import { isoSecondsFromBytes } from './isoTimeBytes';
import { NOT_SURE, numberEnd, skipValue, skipWs } from './jsonBytes';
import { parseTime, type AggregateEntryRecord, type SessionRecord } from './sessionLine';

/** The line holds only JSON whitespace: the reference ignores it too. */
export const BLANK = 'blank' as const;
export type ScanResult = SessionRecord | null | typeof BLANK;

// Kinds of a value as read (0: the key was absent).
const ABSENT = 0;
const NULL = 1;
const STRING = 2;
const NUMBER = 3;
const TRUE = 4;
const FALSE = 5;
const OTHER = 6; // an object or a list

// Byte classes inside a JSON string: 0 plain ASCII, 1 the closing quote, 2 a backslash or a
// control character (an escape, or invalid JSON), 3 a non-ASCII byte.
const CLS = new Uint8Array(256);
for (let i = 0; i < 0x20; i++) CLS[i] = 2;
CLS[0x22] = 1;
CLS[0x5c] = 2;
for (let i = 0x80; i < 256; i++) CLS[i] = 3;

// The value readValue just read (module state: a thread runs one scan at a time).
let vKind = ABSENT;
let vStart = 0; // strings: after the opening quote; numbers: the first character
let vEnd = 0; // strings: the closing quote; numbers: after the last character
let vAscii = 1;

/**
 * Reads the value at p (no whitespace before it) and returns the index after it, or NOT_SURE.
 * `needed`: the caller reads its content, so a string with escapes is left to the reference;
 * other values are only validated. Bytes past `end` may be read but never accepted (the byte at
 * `end` is normally the line's `\n`, which stops a string).
 */
function readValue(buf: Uint8Array, p: number, end: number, needed: boolean): number {
  const c = buf[p];
  if (c === 0x22) {
    let q = p + 1;
    let k: number;
    while ((k = CLS[buf[q]]) === 0) q++;
    let ascii = 1;
    if (k === 3) {
      ascii = 0;
      for (;;) {
        k = CLS[buf[q]];
        if (k === 0 || k === 3) q++;
        else break;
      }
    }
    if (k === 1 && q < end) {
      vKind = STRING;
      vStart = p + 1;
      vEnd = q;
      vAscii = ascii;
      return q + 1;
    }
    if (needed) return NOT_SURE;
    vKind = OTHER;
    return skipValue(buf, p, end); // escapes are fine in a value nobody reads
  }
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
    const e = numberEnd(buf, p, end);
    vKind = NUMBER;
    vStart = p;
    vEnd = e;
    return e;
  }
  if (c === 0x74) {
    vKind = TRUE;
    return p + 4 <= end && buf[p + 1] === 0x72 && buf[p + 2] === 0x75 && buf[p + 3] === 0x65 ? p + 4 : NOT_SURE;
  }
  if (c === 0x66) {
    vKind = FALSE;
    return p + 5 <= end && buf[p + 1] === 0x61 && buf[p + 2] === 0x6c && buf[p + 3] === 0x73 && buf[p + 4] === 0x65 ? p + 5 : NOT_SURE;
  }
  if (c === 0x6e) {
    vKind = NULL;
    return p + 4 <= end && buf[p + 1] === 0x75 && buf[p + 2] === 0x6c && buf[p + 3] === 0x6c ? p + 4 : NOT_SURE;
  }
  vKind = OTHER;
  return skipValue(buf, p, end);
}

/** The index of a key's closing quote (keys with escapes or non-ASCII bytes: NOT_SURE, an escaped key could spell one we read). */
function keyEnd(buf: Uint8Array, q: number, end: number): number {
  while (CLS[buf[q]] === 0) q++;
  return buf[q] === 0x22 && q < end ? q : NOT_SURE;
}

/** After a value: the index of the next key's quote (after a comma), END_OF_OBJECT's index encoded, or NOT_SURE. */
function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}

/** A key's bytes as the words keyIs compares: at 0, 4, 8, ... and at length - 4 (overlapping). */
function keyWords(key: string): Int32Array {
  const b = Buffer.from(key, 'latin1');
  const words: number[] = [];
  for (let o = 0; o + 4 < b.length; o += 4) words.push(word4(b, o));
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

// Fields of a line.
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
// Fields of attrs and of an aggregate entry.
const A_RELEASE = 0;
const A_ENVIRONMENT = 1;
const E_STARTED = 0;
const E_DID = 1;
const E_EXITED = 2;
const E_ERRORED = 3;
const E_ABNORMAL = 4;
const E_CRASHED = 5;
const E_UNHANDLED = 6;

function is3(buf: Uint8Array, s: number, a: number, b: number, c: number): boolean {
  return buf[s] === a && buf[s + 1] === b && buf[s + 2] === c;
}

function topKey(buf: Uint8Array, s: number, len: number): number {
  switch (len) {
    case 3: return is3(buf, s, 0x73, 0x69, 0x64) ? F_SID : is3(buf, s, 0x64, 0x69, 0x64) ? F_DID : -1;
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
    case 3: return is3(buf, s, 0x64, 0x69, 0x64) ? E_DID : -1;
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

/** A count as the reference's countOf: absent or null is 0; a plain non-negative integer literal; -1: the reference decides. */
function countOf(buf: Uint8Array, kind: number, start: number, end: number): number {
  if (kind === ABSENT || kind === NULL) return 0;
  if (kind !== NUMBER || end - start > 15) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i] - 0x30;
    if (d < 0 || d > 9) return -1; // '-', '.', 'e'
    v = v * 10 + d;
  }
  return v;
}

function statusOf(buf: Uint8Array, kind: number, s: number, e: number): SessionStatus | null {
  if (kind === ABSENT || kind === NULL) return 'ok';
  if (kind !== STRING) return null;
  switch (e - s) {
    case 2: return buf[s] === 0x6f && buf[s + 1] === 0x6b ? 'ok' : null;
    case 6: return keyIs(buf, s, 6, KW_EXITED) ? 'exited' : null;
    case 7: return keyIs(buf, s, 7, KW_CRASHED) ? 'crashed' : keyIs(buf, s, 7, KW_ERRORED) ? 'errored' : null;
    case 8: return keyIs(buf, s, 8, KW_ABNORMAL) ? 'abnormal' : null;
    case 9: return keyIs(buf, s, 9, KW_UNHANDLED) ? 'unhandled' : null;
    default: return null;
  }
}

/** As the reference: a finite non-negative number, else null (whatever the type). */
function durationOf(buf: Buffer, kind: number, start: number, end: number): number | null {
  if (kind !== NUMBER) return null;
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

/** `started`: the canonical form read from bytes, any other string through the reference parseTime; null: the reference decides. */
function timeOf(buf: Buffer, kind: number, start: number, end: number, ascii: number): UnixSeconds | null {
  if (kind !== STRING) return null;
  const v = isoSecondsFromBytes(buf, start, end);
  if (v === v) return v;
  return parseTime(ascii === 1 ? buf.latin1Slice(start, end) : buf.utf8Slice(start, end));
}

export class FieldScanner {
  private readonly strings = new ByteStringInterner();
  private readonly lastProject = new LastValue();
  private readonly lastRelease = new LastValue();
  private readonly lastEnvironment = new LastValue();
  private readonly lastDid = new LastValue();
  private readonly lastSid = new LastValue();
  private readonly lastMech = new LastValue();
  private readonly lastEntryDid = new LastValue();
  // attrs, as readAttrs found it.
  private relKind = ABSENT;
  private relStart = 0;
  private relEnd = 0;
  private relAscii = 1;
  private envKind = ABSENT;
  private envStart = 0;
  private envEnd = 0;
  private envAscii = 1;
  private entries: AggregateEntryRecord[] = [];

  /** The record of buf[start, end) (no line break in it), BLANK, or null: "ask the reference parser". */
  scan(buf: Buffer, start: number, end: number): ScanResult {
    let p = start;
    if (buf[p] !== 0x7b) {
      p = skipWs(buf, p, end);
      if (p === end) return BLANK;
      if (buf[p] !== 0x7b) return null;
    }
    let projectK = ABSENT, projectS = 0, projectE = 0, projectA = 1;
    let sidK = ABSENT, sidS = 0, sidE = 0, sidA = 1;
    let didK = ABSENT, didS = 0, didE = 0, didA = 1;
    let initK = ABSENT;
    let startedK = ABSENT, startedS = 0, startedE = 0, startedA = 1;
    let statusK = ABSENT, statusS = 0, statusE = 0;
    let errorsK = ABSENT, errorsS = 0, errorsE = 0;
    let durationK = ABSENT, durationS = 0, durationE = 0;
    let mechK = ABSENT, mechS = 0, mechE = 0, mechA = 1;
    let attrsSeen = false;
    let aggregatesSeen = false;

    let c = buf[++p];
    if (isWs(c)) c = buf[(p = skipWs(buf, p, end))];
    if (c === 0x7d) return null; // {}: no attrs
    for (;;) {
      if (c !== 0x22) return null;
      const ke = keyEnd(buf, p + 1, end);
      if (ke < 0) return null;
      const field = topKey(buf, p + 1, ke - p - 1);
      p = ke + 1;
      c = buf[p];
      if (c !== 0x3a) {
        c = buf[(p = skipWs(buf, p, end))];
        if (c !== 0x3a) return null;
      }
      c = buf[++p];
      if (isWs(c)) c = buf[(p = skipWs(buf, p, end))];
      if (field === F_ATTRS) {
        if (attrsSeen || c !== 0x7b) return null; // a duplicate, or not an object: the reference decides
        attrsSeen = true;
        p = this.readAttrs(buf, p, end);
      } else if (field === F_AGGREGATES) {
        if (aggregatesSeen || c !== 0x5b) return null;
        aggregatesSeen = true;
        p = this.readAggregates(buf, p, end);
      } else {
        p = readValue(buf, p, end, field >= 0);
        // A key seen twice: JSON.parse keeps the last; the reference decides.
        switch (field) {
          case F_PROJECT: if (projectK !== ABSENT) return null; projectK = vKind; projectS = vStart; projectE = vEnd; projectA = vAscii; break;
          case F_SID: if (sidK !== ABSENT) return null; sidK = vKind; sidS = vStart; sidE = vEnd; sidA = vAscii; break;
          case F_DID: if (didK !== ABSENT) return null; didK = vKind; didS = vStart; didE = vEnd; didA = vAscii; break;
          case F_INIT: if (initK !== ABSENT) return null; initK = vKind; break;
          case F_STARTED: if (startedK !== ABSENT) return null; startedK = vKind; startedS = vStart; startedE = vEnd; startedA = vAscii; break;
          case F_STATUS: if (statusK !== ABSENT) return null; statusK = vKind; statusS = vStart; statusE = vEnd; break;
          case F_ERRORS: if (errorsK !== ABSENT) return null; errorsK = vKind; errorsS = vStart; errorsE = vEnd; break;
          case F_DURATION: if (durationK !== ABSENT) return null; durationK = vKind; durationS = vStart; durationE = vEnd; break;
          case F_MECH: if (mechK !== ABSENT) return null; mechK = vKind; mechS = vStart; mechE = vEnd; mechA = vAscii; break;
          default: break;
        }
      }
      if (p < 0) return null;
      c = buf[p];
      if (c === 0x2c) {
        c = buf[++p];
        if (isWs(c)) c = buf[(p = skipWs(buf, p, end))];
        continue;
      }
      if (c !== 0x7d) {
        c = buf[(p = skipWs(buf, p, end))];
        if (c === 0x2c) {
          c = buf[(p = skipWs(buf, p + 1, end))];
          continue;
        }
        if (c !== 0x7d) return null;
      }
      p++;
      break;
    }
    if (p < end && skipWs(buf, p, end) !== end) return null;

    // The record, as parseSessionDocument builds it; null wherever it would fail.
    if (!attrsSeen) return null;
    if (this.relKind !== STRING || this.relEnd === this.relStart) return null;
    const release = this.text(buf, this.relStart, this.relEnd, this.relAscii, this.lastRelease);
    const envKind = this.envKind;
    if (envKind !== ABSENT && envKind !== NULL && envKind !== STRING) return null;
    const environment = envKind === STRING ? this.text(buf, this.envStart, this.envEnd, this.envAscii, this.lastEnvironment) : '';
    let project: string | null = null;
    if (projectK === STRING) {
      if (projectE === projectS) return null;
      project = this.text(buf, projectS, projectE, projectA, this.lastProject);
    } else if (projectK !== ABSENT && projectK !== NULL) return null;

    if (aggregatesSeen) return { kind: 'aggregate', project, release, environment, entries: this.entries };

    const started = timeOf(buf, startedK, startedS, startedE, startedA);
    if (started === null) return null;
    const status = statusOf(buf, statusK, statusS, statusE);
    if (status === null) return null;
    const errors = countOf(buf, errorsK, errorsS, errorsE);
    if (errors < 0) return null;
    const did = this.user(buf, didK, didS, didE, didA, this.lastDid);
    if (did === undefined) return null;
    let sid: string | null = null;
    if (sidK === STRING) {
      if (sidE > sidS) sid = this.sid(buf, sidS, sidE, sidA);
    } else if (sidK !== ABSENT && sidK !== NULL) return null;
    if (initK !== ABSENT && initK !== NULL && initK !== TRUE && initK !== FALSE) return null;
    const mech = mechK === STRING ? this.text(buf, mechS, mechE, mechA, this.lastMech) : null;
    return {
      kind: 'update',
      project,
      release,
      environment,
      started,
      sid,
      did,
      init: initK === TRUE,
      status,
      errors,
      duration: durationOf(buf, durationK, durationS, durationE),
      abnormalMechanism: mech !== null && mech !== 'none' ? mech : null,
    };
  }

  /** attrs at p ('{'): release and environment into this.rel* / this.env*; the index after it, or NOT_SURE. */
  private readAttrs(buf: Buffer, p: number, end: number): number {
    let relKind = ABSENT;
    let envKind = ABSENT;
    let c = buf[++p];
    if (isWs(c)) c = buf[(p = skipWs(buf, p, end))];
    if (c !== 0x7d) {
      for (;;) {
        if (c !== 0x22) return NOT_SURE;
        const ke = keyEnd(buf, p + 1, end);
        if (ke < 0) return NOT_SURE;
        const field = attrsKey(buf, p + 1, ke - p - 1);
        p = ke + 1;
        c = buf[p];
        if (c !== 0x3a) {
          c = buf[(p = skipWs(buf, p, end))];
          if (c !== 0x3a) return NOT_SURE;
        }
        c = buf[++p];
        if (isWs(c)) c = buf[(p = skipWs(buf, p, end))];
        p = readValue(buf, p, end, field >= 0);
        if (p < 0) return NOT_SURE;
        if (field === A_RELEASE) {
          if (relKind !== ABSENT) return NOT_SURE;
          relKind = vKind;
          this.relStart = vStart;
          this.relEnd = vEnd;
          this.relAscii = vAscii;
        } else if (field === A_ENVIRONMENT) {
          if (envKind !== ABSENT) return NOT_SURE;
          envKind = vKind;
          this.envStart = vStart;
          this.envEnd = vEnd;
          this.envAscii = vAscii;
        }
        c = buf[p];
        if (isWs(c)) c = buf[(p = skipWs(buf, p, end))];
        if (c === 0x2c) {
          c = buf[++p];
          if (isWs(c)) c = buf[(p = skipWs(buf, p, end))];
          continue;
        }
        if (c === 0x7d) break;
        return NOT_SURE;
      }
    }
    this.relKind = relKind;
    this.envKind = envKind;
    return p + 1;
  }

  /** aggregates at p ('['): every entry checked and made a record into this.entries; the index after it, or NOT_SURE. */
  private readAggregates(buf: Buffer, p: number, end: number): number {
    const entries: AggregateEntryRecord[] = [];
    this.entries = entries;
    p = skipWs(buf, p + 1, end);
    if (buf[p] === 0x5d) return p + 1;
    for (;;) {
      if (buf[p] !== 0x7b) return NOT_SURE;
      p = this.readEntry(buf, p, end, entries);
      if (p < 0) return NOT_SURE;
      p = skipWs(buf, p, end);
      const c = buf[p];
      if (c === 0x5d) return p + 1;
      if (c !== 0x2c) return NOT_SURE;
      p = skipWs(buf, p + 1, end);
    }
  }

  /** One aggregate entry at p ('{'), pushed as the reference's record; the index after it, or NOT_SURE. */
  private readEntry(buf: Buffer, p: number, end: number, entries: AggregateEntryRecord[]): number {
    let startedK = ABSENT, startedS = 0, startedE = 0, startedA = 1;
    let didK = ABSENT, didS = 0, didE = 0, didA = 1;
    let exitedK = ABSENT, exitedS = 0, exitedE = 0;
    let erroredK = ABSENT, erroredS = 0, erroredE = 0;
    let abnormalK = ABSENT, abnormalS = 0, abnormalE = 0;
    let crashedK = ABSENT, crashedS = 0, crashedE = 0;
    let unhandledK = ABSENT, unhandledS = 0, unhandledE = 0;
    let c = buf[++p];
    if (isWs(c)) c = buf[(p = skipWs(buf, p, end))];
    if (c !== 0x7d) {
      for (;;) {
        if (c !== 0x22) return NOT_SURE;
        const ke = keyEnd(buf, p + 1, end);
        if (ke < 0) return NOT_SURE;
        const field = entryKey(buf, p + 1, ke - p - 1);
        p = ke + 1;
        c = buf[p];
        if (c !== 0x3a) {
          c = buf[(p = skipWs(buf, p, end))];
          if (c !== 0x3a) return NOT_SURE;
        }
        c = buf[++p];
        if (isWs(c)) c = buf[(p = skipWs(buf, p, end))];
        p = readValue(buf, p, end, field >= 0);
        if (p < 0) return NOT_SURE;
        switch (field) {
          case E_STARTED: if (startedK !== ABSENT) return NOT_SURE; startedK = vKind; startedS = vStart; startedE = vEnd; startedA = vAscii; break;
          case E_DID: if (didK !== ABSENT) return NOT_SURE; didK = vKind; didS = vStart; didE = vEnd; didA = vAscii; break;
          case E_EXITED: if (exitedK !== ABSENT) return NOT_SURE; exitedK = vKind; exitedS = vStart; exitedE = vEnd; break;
          case E_ERRORED: if (erroredK !== ABSENT) return NOT_SURE; erroredK = vKind; erroredS = vStart; erroredE = vEnd; break;
          case E_ABNORMAL: if (abnormalK !== ABSENT) return NOT_SURE; abnormalK = vKind; abnormalS = vStart; abnormalE = vEnd; break;
          case E_CRASHED: if (crashedK !== ABSENT) return NOT_SURE; crashedK = vKind; crashedS = vStart; crashedE = vEnd; break;
          case E_UNHANDLED: if (unhandledK !== ABSENT) return NOT_SURE; unhandledK = vKind; unhandledS = vStart; unhandledE = vEnd; break;
          default: break;
        }
        c = buf[p];
        if (isWs(c)) c = buf[(p = skipWs(buf, p, end))];
        if (c === 0x2c) {
          c = buf[++p];
          if (isWs(c)) c = buf[(p = skipWs(buf, p, end))];
          continue;
        }
        if (c === 0x7d) break;
        return NOT_SURE;
      }
    }
    const started = timeOf(buf, startedK, startedS, startedE, startedA);
    if (started === null) return NOT_SURE;
    const did = this.user(buf, didK, didS, didE, didA, this.lastEntryDid);
    if (did === undefined) return NOT_SURE;
    const exited = countOf(buf, exitedK, exitedS, exitedE);
    const errored = countOf(buf, erroredK, erroredS, erroredE);
    const abnormal = countOf(buf, abnormalK, abnormalS, abnormalE);
    const crashed = countOf(buf, crashedK, crashedS, crashedE);
    const unhandled = countOf(buf, unhandledK, unhandledS, unhandledE);
    if (exited < 0 || errored < 0 || abnormal < 0 || crashed < 0 || unhandled < 0) return NOT_SURE;
    entries.push({ started, did, exited, errored, abnormal, crashed, unhandled });
    return p + 1;
  }

  /** A string value's text: interned when ASCII (after a look at the field's last value); else decoded as UTF-8, as JSON.parse of the decoded line gives it. */
  private text(buf: Buffer, start: number, end: number, ascii: number, last: LastValue): string {
    if (ascii === 0) return buf.utf8Slice(start, end);
    if (last.matches(buf, start, end)) return last.value;
    return last.set(this.strings.get(buf, start, end));
  }

  /** Not interned (one per session, mostly), but the updates of one session usually follow each other. */
  private sid(buf: Buffer, start: number, end: number, ascii: number): string {
    if (ascii === 0) return buf.utf8Slice(start, end);
    const last = this.lastSid;
    if (last.matches(buf, start, end)) return last.value;
    return last.set(buf.latin1Slice(start, end));
  }

  /** As the reference's userOf for strings, null and absence; undefined (the reference decides) for anything else. */
  private user(buf: Buffer, kind: number, start: number, end: number, ascii: number, last: LastValue): string | null | undefined {
    if (kind === ABSENT || kind === NULL) return null;
    if (kind !== STRING) return undefined;
    if (end === start) return null;
    if (ascii === 1) {
      // toLowerCase keeps an ASCII string's length, and the nil UUID has no letters to fold.
      if (end - start === NIL_UUID.length && isNilUuid(buf, start)) return null;
      return this.text(buf, start, end, 1, last);
    }
    const value = buf.utf8Slice(start, end);
    return value.toLowerCase() === NIL_UUID ? null : value;
  }
}
