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
import { ByteStringInterner, LastValue, viewOf } from './byteStringInterner';
import { isoSecondsFromBytes } from './isoTimeBytes';
import { NOT_SURE, numberEnd, skipValue, skipWs } from './jsonBytes';
import { parseTime, type AggregateEntryRecord, type SessionAggregateRecord, type SessionRecord, type SessionUpdateRecord } from './sessionLine';

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

/** JSON whitespace inside a line. */
function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}

// Keys are recognised by comparing their bytes with their closing quote as int32 words through a
// DataView: the first word picks the candidate, the next ones confirm it (no loop over the key's
// characters). A key matching none is scanned to its end and treated as one nobody reads.
const word = (text: string, at = 0): number => Buffer.from(text, 'latin1').readInt32LE(at);
const Q = '"';
const W_SID = word('sid' + Q);
const W_DID = word('did' + Q);
const W_INIT = word('init');
const W_STAR = word('star');
const W_TED = word('ted' + Q);
const W_STAT = word('stat');
const W_TUS = word('tus' + Q);
const W_ERRO = word('erro');
const W_ORS = word('ors' + Q);
const W_PROJ = word('proj');
const W_ECT = word('ect' + Q);
const W_ATTR = word('attr');
const W_TRS = word('trs' + Q);
const W_DURA = word('dura');
const W_TION = word('tion');
const W_AGGR = word('aggr');
const W_EGAT = word('egat');
const W_TES = word('tes' + Q);
const W_ABNO = word('abno');
const W_RMAL = word('rmal');
const W_MEC = word('_mec');
const W_HANI = word('hani');
const W_ISM = word('ism' + Q);
const W_RELE = word('rele');
const W_ASE = word('ase' + Q);
const W_ENVI = word('envi');
const W_RONM = word('ronm');
const W_ENT = word('ent' + Q);
const W_EXIT = word('exit');
const W_ED = word('ted' + Q);
const W_RED = word('red' + Q);
const W_CRAS = word('cras');
const W_HED = word('hed' + Q);
const W_UNHA = word('unha');
const W_NDLE = word('ndle');
const W_D = word('led' + Q);

/** Set by the key readers: the index of the key's closing quote. */
let keyClose = 0;

/** Whether buf[q + at, q + at + 4) is `w`, inside the line. */
function wordAt(view: DataView, q: number, at: number, end: number, w: number): boolean {
  return q + at + 4 <= end && view.getInt32(q + at, true) === w;
}

/** `q` is just after a key's opening quote: which top-level field it is, or -1. */
function topKeyAt(view: DataView, q: number, end: number): number {
  if (q + 4 > end) return -1;
  const w = view.getInt32(q, true);
  let field = -1;
  let len = 0; // with the quote
  if (w === W_SID) (field = F_SID), (len = 4);
  else if (w === W_DID) (field = F_DID), (len = 4);
  else if (w === W_STAR) wordAt(view, q, 4, end, W_TED) && ((field = F_STARTED), (len = 8));
  else if (w === W_STAT) wordAt(view, q, 3, end, W_TUS) && ((field = F_STATUS), (len = 7));
  else if (w === W_INIT) q + 5 <= end && view.getUint8(q + 4) === 0x22 && ((field = F_INIT), (len = 5));
  else if (w === W_ERRO) wordAt(view, q, 3, end, W_ORS) && ((field = F_ERRORS), (len = 7));
  else if (w === W_PROJ) wordAt(view, q, 4, end, W_ECT) && ((field = F_PROJECT), (len = 8));
  else if (w === W_ATTR) wordAt(view, q, 2, end, W_TRS) && ((field = F_ATTRS), (len = 6));
  else if (w === W_DURA) wordAt(view, q, 4, end, W_TION) && q + 9 <= end && view.getUint8(q + 8) === 0x22 && ((field = F_DURATION), (len = 9));
  else if (w === W_AGGR) wordAt(view, q, 4, end, W_EGAT) && wordAt(view, q, 7, end, W_TES) && ((field = F_AGGREGATES), (len = 11));
  else if (w === W_ABNO) {
    if (wordAt(view, q, 4, end, W_RMAL) && wordAt(view, q, 8, end, W_MEC) && wordAt(view, q, 12, end, W_HANI) && wordAt(view, q, 15, end, W_ISM)) {
      field = F_MECH;
      len = 19;
    }
  }
  if (field >= 0) keyClose = q + len - 1;
  return field;
}

function attrsKeyAt(view: DataView, q: number, end: number): number {
  if (q + 4 > end) return -1;
  const w = view.getInt32(q, true);
  if (w === W_RELE && wordAt(view, q, 4, end, W_ASE)) {
    keyClose = q + 7;
    return A_RELEASE;
  }
  if (w === W_ENVI && wordAt(view, q, 4, end, W_RONM) && wordAt(view, q, 8, end, W_ENT)) {
    keyClose = q + 11;
    return A_ENVIRONMENT;
  }
  return -1;
}

/** An aggregate entry's key; also reads status values (`exited`, `crashed`, ...: the same words). */
function entryKeyAt(view: DataView, q: number, end: number): number {
  if (q + 4 > end) return -1;
  const w = view.getInt32(q, true);
  let field = -1;
  let len = 0;
  if (w === W_DID) (field = E_DID), (len = 4);
  else if (w === W_STAR) wordAt(view, q, 4, end, W_TED) && ((field = E_STARTED), (len = 8));
  else if (w === W_EXIT) wordAt(view, q, 3, end, W_ED) && ((field = E_EXITED), (len = 7));
  else if (w === W_ERRO) wordAt(view, q, 4, end, W_RED) && ((field = E_ERRORED), (len = 8));
  else if (w === W_CRAS) wordAt(view, q, 4, end, W_HED) && ((field = E_CRASHED), (len = 8));
  else if (w === W_ABNO) wordAt(view, q, 4, end, W_RMAL) && q + 9 <= end && view.getUint8(q + 8) === 0x22 && ((field = E_ABNORMAL), (len = 9));
  else if (w === W_UNHA) wordAt(view, q, 4, end, W_NDLE) && wordAt(view, q, 6, end, W_D) && ((field = E_UNHANDLED), (len = 10));
  if (field >= 0) keyClose = q + len - 1;
  return field;
}

/** An escaped key: it could spell one we read, so the reference decides. */
const ESCAPED_KEY = -2;
const TOP = 0;
const ATTRS = 1;
const ENTRY = 2;

/** The key whose opening quote is at p: its field (-1: one nobody reads), keyClose set; or ESCAPED_KEY. */
function readKey(buf: Uint8Array, view: DataView, p: number, end: number, level: number): number {
  const field = level === TOP ? topKeyAt(view, p + 1, end) : level === ATTRS ? attrsKeyAt(view, p + 1, end) : entryKeyAt(view, p + 1, end);
  if (field >= 0) return field;
  const close = keyEnd(buf, p + 1, end);
  if (close < 0) return ESCAPED_KEY;
  keyClose = close;
  return -1;
}

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


const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const NIL_WORD = Buffer.from('0000').readInt32LE(0);

function isNilUuid(buf: Uint8Array, view: DataView, s: number): boolean {
  // 36 bytes: 8-4-4-4-12 zeros with dashes.
  return (
    view.getInt32(s, true) === NIL_WORD && view.getInt32(s + 4, true) === NIL_WORD && buf[s + 8] === 0x2d &&
    view.getInt32(s + 9, true) === NIL_WORD && buf[s + 13] === 0x2d && view.getInt32(s + 14, true) === NIL_WORD && buf[s + 18] === 0x2d &&
    view.getInt32(s + 19, true) === NIL_WORD && buf[s + 23] === 0x2d && view.getInt32(s + 24, true) === NIL_WORD &&
    view.getInt32(s + 28, true) === NIL_WORD && view.getInt32(s + 32, true) === NIL_WORD
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

/** `status` as the reference reads it: absent or null is ok; one of the six names; null: the reference decides. */
function statusOf(buf: Uint8Array, view: DataView, kind: number, s: number, e: number): SessionStatus | null {
  if (kind === ABSENT || kind === NULL) return 'ok';
  if (kind !== STRING) return null;
  if (e - s === 2) return buf[s] === 0x6f && buf[s + 1] === 0x6b ? 'ok' : null;
  // The other names are spelled like aggregate entry keys; the closing quote must be the value's.
  const f = entryKeyAt(view, s, e + 1);
  if (f < 0 || keyClose !== e) return null;
  return f === E_EXITED ? 'exited' : f === E_ERRORED ? 'errored' : f === E_CRASHED ? 'crashed' : f === E_ABNORMAL ? 'abnormal' : f === E_UNHANDLED ? 'unhandled' : null;
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
  /** A DataView of the buffer being scanned (made once per buffer). */
  private view = viewOf(Buffer.alloc(0));
  private viewOf: Buffer | null = null;
  private readonly lastProject = new LastValue();
  private readonly lastRelease = new LastValue();
  private readonly lastEnvironment = new LastValue();
  private readonly lastSid = new LastValue();
  private readonly lastMech = new LastValue();
  // attrs, as readAttrs found it.
  private relKind = ABSENT;
  private relStart = 0;
  private relEnd = 0;
  private relAscii = 1;
  private envKind = ABSENT;
  private envStart = 0;
  private envEnd = 0;
  private envAscii = 1;
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
      const field = readKey(buf, view, p, end, TOP);
      if (field === ESCAPED_KEY) return null;
      const ke = keyClose;
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

    if (aggregatesSeen) {
      const a = this.aggregate;
      a.project = project;
      a.release = release;
      a.environment = environment;
      return a;
    }

    const started = timeOf(buf, startedK, startedS, startedE, startedA);
    if (started === null) return null;
    const status = statusOf(buf, view, statusK, statusS, statusE);
    if (status === null) return null;
    const errors = countOf(buf, errorsK, errorsS, errorsE);
    if (errors < 0) return null;
    const did = this.user(buf, didK, didS, didE, didA);
    if (did === undefined) return null;
    let sid: string | null = null;
    if (sidK === STRING) {
      if (sidE > sidS) sid = this.sid(buf, sidS, sidE, sidA);
    } else if (sidK !== ABSENT && sidK !== NULL) return null;
    if (initK !== ABSENT && initK !== NULL && initK !== TRUE && initK !== FALSE) return null;
    const mech = mechK === STRING ? this.text(buf, mechS, mechE, mechA, this.lastMech) : null;
    const u = this.update;
    u.project = project;
    u.release = release;
    u.environment = environment;
    u.started = started;
    u.sid = sid;
    u.did = did;
    u.init = initK === TRUE;
    u.status = status;
    u.errors = errors;
    u.duration = durationOf(buf, durationK, durationS, durationE);
    u.abnormalMechanism = mech !== null && mech !== 'none' ? mech : null;
    return u;
  }

  /** attrs at p ('{'): release and environment into this.rel* / this.env*; the index after it, or NOT_SURE. */
  private readAttrs(buf: Buffer, p: number, end: number): number {
    const view = this.view;
    let relKind = ABSENT;
    let envKind = ABSENT;
    let c = buf[++p];
    if (isWs(c)) c = buf[(p = skipWs(buf, p, end))];
    if (c !== 0x7d) {
      for (;;) {
        if (c !== 0x22) return NOT_SURE;
        const field = readKey(buf, view, p, end, ATTRS);
        if (field === ESCAPED_KEY) return NOT_SURE;
        const ke = keyClose;
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

  /** aggregates at p ('['): every entry checked and made a record in the aggregate record's entries; the index after it, or NOT_SURE. */
  private readAggregates(buf: Buffer, p: number, end: number): number {
    const entries = this.aggregate.entries;
    entries.length = 0;
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
    const view = this.view;
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
        const field = readKey(buf, view, p, end, ENTRY);
        if (field === ESCAPED_KEY) return NOT_SURE;
        const ke = keyClose;
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
    const did = this.user(buf, didK, didS, didE, didA);
    if (did === undefined) return NOT_SURE;
    const exited = countOf(buf, exitedK, exitedS, exitedE);
    const errored = countOf(buf, erroredK, erroredS, erroredE);
    const abnormal = countOf(buf, abnormalK, abnormalS, abnormalE);
    const crashed = countOf(buf, crashedK, crashedS, crashedE);
    const unhandled = countOf(buf, unhandledK, unhandledS, unhandledE);
    if (exited < 0 || errored < 0 || abnormal < 0 || crashed < 0 || unhandled < 0) return NOT_SURE;
    const n = entries.length;
    let e = this.entryPool[n];
    if (e === undefined) this.entryPool.push((e = { started, did, exited, errored, abnormal, crashed, unhandled }));
    e.started = started;
    e.did = did;
    e.exited = exited;
    e.errored = errored;
    e.abnormal = abnormal;
    e.crashed = crashed;
    e.unhandled = unhandled;
    entries.push(e);
    return p + 1;
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
