// AssemblyScript (compiled to dist/rawScanner.wasm by esbuild.js; not part of the TypeScript
// project). The WebAssembly twin of src/raw/scan/: splits a chunk of NDJSON bytes into lines and
// reads each SDK session update straight from its bytes, validating the whole line against JSON's
// grammar, and interns the strings the pipeline groups by (release, environment, project, user
// id, mechanism) so each is hashed once, here. Anything it is not 100 % sure of (an aggregate
// line, an escape or a non-ASCII byte in a field it reads, a duplicate key, a non-canonical time,
// a BOM, a line the reference would reject, ...) is reported UNSURE, and the JS side hands that
// line to the JS scanner and the reference parser as before. Record layout: wasmRecords.ts.

// ---- layout shared with src/raw/wasm/wasmRecords.ts ----
const RECORD_INTS: i32 = 14;
const UPDATE: i32 = 0;
const BLANK: i32 = 1;
const UNSURE: i32 = 2;
const AGGREGATE: i32 = 3;
/** An aggregate entry: ENTRY_INTS int32s (did, five counts) and one float64 (started), in their own areas. */
const ENTRY_INTS: i32 = 6;
const NONE: i32 = -1;
const SAME_SID: i32 = -2;

// ---- value kinds (as src/raw/scan/jsonBytes.ts) ----
const NOT_SURE: i32 = -1;
const ABSENT: i32 = 0;
const K_NULL: i32 = 1;
const K_STRING: i32 = 2;
const K_NUMBER: i32 = 3;
const K_TRUE: i32 = 4;
const K_FALSE: i32 = 5;
const K_OTHER: i32 = 6;

// Fields: the top level's, then attrs'; 4 ints each (kind, start, end, ascii) in `values`.
const F_PROJECT: i32 = 0;
const F_SID: i32 = 1;
const F_DID: i32 = 2;
const F_INIT: i32 = 3;
const F_STARTED: i32 = 4;
const F_STATUS: i32 = 5;
const F_ERRORS: i32 = 6;
const F_DURATION: i32 = 7;
const F_MECHANISM: i32 = 8;
const F_ATTRS: i32 = 9;
const F_AGGREGATES: i32 = 10;
const A_RELEASE: i32 = 11;
const A_ENVIRONMENT: i32 = 12;
// An aggregate entry's fields (cleared per entry).
const E_STARTED: i32 = 13;
const E_DID: i32 = 14;
const E_EXITED: i32 = 15;
const E_ERRORED: i32 = 16;
const E_ABNORMAL: i32 = 17;
const E_CRASHED: i32 = 18;
const E_UNHANDLED: i32 = 19;
const UNREAD: i32 = 20;
const FIELDS: i32 = 21;
const TOP: i32 = 0;
const ATTRS: i32 = 1;
const ENTRY: i32 = 2;

const MAX_SKIP_DEPTH: i32 = 32;
const MAX_ENTRIES: i32 = 1 << 20;

let input: usize = 0;
let inputCap: i32 = 0;
let records: usize = 0;
let times: usize = 0;
let recordCap: i32 = 0;
let maxLine: i32 = 0;
let consumedBytes: i32 = 0;
/** Where scanLine found the line's `\n` (when it read the line). */
let lineEnd: usize = 0;
let entryInts: usize = 0;
let entryTimes: usize = 0;
let entryAreaCap: i32 = 0;
/** Entries written by this scan, and the first entry of the line being read. */
let entriesUsed: i32 = 0;
let lineEntries: i32 = 0;
let values: usize = 0;
/** Per field, the id its text had when last interned (-1: none yet). */
let lastIds: usize = 0;
let stringClass: usize = 0;

// The interner: ids in order of first sight; an open-addressing table of id + 1 (0: empty).
let table: usize = 0;
let tableMask: i32 = 0;
let entryHash: usize = 0;
let entryOffset: usize = 0;
let entryLength: usize = 0;
let entryCap: i32 = 0;
let entries: i32 = 0;
let pool: usize = 0;
let poolCap: i32 = 0;
let poolUsed: i32 = 0;

// The last sid's bytes: the updates of one session usually follow each other.
let lastSid: usize = 0;
let lastSidLength: i32 = -1;
const SID_CAP: i32 = 128;

function alloc(bytes: i32): usize {
  const p = heap.alloc(<usize>bytes);
  memory.fill(p, 0, <usize>bytes);
  return p;
}

/** Sets the buffers up: the input's capacity in bytes, the records per scan, the longest line read. */
export function init(inputBytes: i32, maxRecords: i32, maxLineBytes: i32): void {
  inputCap = inputBytes;
  input = alloc(inputBytes + 16);
  recordCap = maxRecords;
  records = alloc(maxRecords * RECORD_INTS * 4);
  times = alloc(maxRecords * 16);
  maxLine = maxLineBytes;
  values = alloc(FIELDS * 16);
  lastIds = alloc(FIELDS * 4);
  memory.fill(lastIds, 0xff, <usize>(FIELDS * 4));
  entryAreaCap = maxRecords * 4;
  entryInts = alloc(entryAreaCap * ENTRY_INTS * 4);
  entryTimes = alloc(entryAreaCap * 8);
  stringClass = alloc(256);
  for (let i = 0; i < 0x20; i++) store<u8>(stringClass + i, 2);
  store<u8>(stringClass + 0x22, 1);
  store<u8>(stringClass + 0x5c, 2);
  for (let i = 0x80; i < 256; i++) store<u8>(stringClass + i, 3);
  tableMask = 1023;
  table = alloc(1024 * 4);
  entryCap = 512;
  entryHash = alloc(entryCap * 4);
  entryOffset = alloc(entryCap * 4);
  entryLength = alloc(entryCap * 4);
  poolCap = 1 << 16;
  pool = alloc(poolCap);
  lastSid = alloc(SID_CAP);
}

export function inputAddress(): usize {
  return input;
}
export function recordsAddress(): usize {
  return records;
}
export function timesAddress(): usize {
  return times;
}
export function entryIntsAddress(): usize {
  return entryInts;
}
export function entryTimesAddress(): usize {
  return entryTimes;
}
/** Bytes of the input the last scan finished (complete lines only). */
export function consumed(): i32 {
  return consumedBytes;
}
export function stringCount(): i32 {
  return entries;
}
export function stringAddress(id: i32): usize {
  return pool + <usize>load<i32>(entryOffset + (<usize>id << 2));
}
export function stringLength(id: i32): i32 {
  return load<i32>(entryLength + (<usize>id << 2));
}

// ---- bytes ----

@inline function at(p: usize): i32 {
  return <i32>load<u8>(p);
}

@inline function isWs(c: i32): bool {
  return c == 0x20 || c == 0x09 || c == 0x0d;
}

function skipWs(p: usize, end: usize): usize {
  while (p < end) {
    const c = at(p);
    if (c == 0x20 || c == 0x09 || c == 0x0d) p++;
    else break;
  }
  return p;
}

@inline function cls(c: i32): i32 {
  return <i32>load<u8>(stringClass + <usize>c);
}

function isHex(c: i32): bool {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** p just after an opening quote; escapes validated. The index after the closing quote, or 0 (not sure). */
function skipString(p: usize, end: usize): usize {
  while (p < end) {
    const c = at(p);
    if (c == 0x22) return p + 1;
    if (c < 0x20) return 0;
    if (c == 0x5c) {
      if (p + 1 >= end) return 0;
      const e = at(p + 1);
      if (e == 0x75) {
        if (p + 5 >= end) return 0;
        if (!isHex(at(p + 2)) || !isHex(at(p + 3)) || !isHex(at(p + 4)) || !isHex(at(p + 5))) return 0;
        p += 6;
        continue;
      }
      if (e != 0x22 && e != 0x5c && e != 0x2f && e != 0x62 && e != 0x66 && e != 0x6e && e != 0x72 && e != 0x74) return 0;
      p += 2;
      continue;
    }
    p++;
  }
  return 0;
}

/** A number literal at p: the index after it, or 0. */
function numberEnd(p: usize, end: usize): usize {
  if (p < end && at(p) == 0x2d) p++;
  if (p >= end) return 0;
  let c = at(p);
  if (c == 0x30) p++;
  else if (c >= 0x31 && c <= 0x39) {
    p++;
    while (p < end && (c = at(p)) >= 0x30 && c <= 0x39) p++;
  } else return 0;
  if (p < end && at(p) == 0x2e) {
    p++;
    const digits = p;
    while (p < end && (c = at(p)) >= 0x30 && c <= 0x39) p++;
    if (p == digits) return 0;
  }
  if (p < end && (at(p) == 0x65 || at(p) == 0x45)) {
    p++;
    if (p < end && (at(p) == 0x2b || at(p) == 0x2d)) p++;
    const digits = p;
    while (p < end && (c = at(p)) >= 0x30 && c <= 0x39) p++;
    if (p == digits) return 0;
  }
  return p;
}

function literalEnd(p: usize, end: usize, word: string): usize {
  const n = <usize>word.length;
  if (p + n > end) return 0;
  for (let i: usize = 0; i < n; i++) if (at(p + i) != <i32>word.charCodeAt(<i32>i)) return 0;
  return p + n;
}

/** Any JSON value at p, validated: the index after it, or 0. */
function skipValue(p: usize, end: usize, depth: i32): usize {
  if (p >= end) return 0;
  const c = at(p);
  if (c == 0x22) return skipString(p + 1, end);
  if (c == 0x7b || c == 0x5b) {
    if (depth >= MAX_SKIP_DEPTH) return 0;
    const isObject = c == 0x7b;
    const close = isObject ? 0x7d : 0x5d;
    p = skipWs(p + 1, end);
    if (p < end && at(p) == close) return p + 1;
    for (;;) {
      if (isObject) {
        if (p >= end || at(p) != 0x22) return 0;
        p = skipString(p + 1, end);
        if (p == 0) return 0;
        p = skipWs(p, end);
        if (p >= end || at(p) != 0x3a) return 0;
        p = skipWs(p + 1, end);
      }
      p = skipValue(p, end, depth + 1);
      if (p == 0) return 0;
      p = skipWs(p, end);
      if (p >= end) return 0;
      if (at(p) == close) return p + 1;
      if (at(p) != 0x2c) return 0;
      p = skipWs(p + 1, end);
    }
  }
  if (c == 0x74) return literalEnd(p, end, 'true');
  if (c == 0x66) return literalEnd(p, end, 'false');
  if (c == 0x6e) return literalEnd(p, end, 'null');
  if (c == 0x2d || (c >= 0x30 && c <= 0x39)) return numberEnd(p, end);
  return 0;
}

// ---- keys ----

// Keys compared as little-endian words of their bytes (the constants spell them), after their
// length: no loop over characters. Bytes past a short line's end are padding or the next line.

/** Whether the n bytes at p spell `key` (for the rare names compared byte by byte). */
function is(p: usize, n: i32, key: string): bool {
  if (n != key.length) return false;
  for (let i = 0; i < n; i++) if (at(p + <usize>i) != <i32>key.charCodeAt(i)) return false;
  return true;
}

function topField(p: usize, n: i32): i32 {
  switch (n) {
    case 3: {
      const w = <u32>load<u16>(p) | (<u32>load<u8>(p, 2) << 16);
      if (w == 0x646973) return F_SID;
      if (w == 0x646964) return F_DID;
      break;
    }
    case 4:
      if (load<u32>(p) == 0x74696e69) return F_INIT;
      break;
    case 5:
      if (load<u32>(p) == 0x72747461 && load<u8>(p, 4) == 0x73) return F_ATTRS;
      break;
    case 6: {
      const w = load<u32>(p);
      if (w == 0x74617473 && load<u16>(p, 4) == 0x7375) return F_STATUS;
      if (w == 0x6f727265 && load<u16>(p, 4) == 0x7372) return F_ERRORS;
      break;
    }
    case 7: {
      const w = load<u32>(p);
      const tail = <u32>load<u16>(p, 4) | (<u32>load<u8>(p, 6) << 16);
      if (w == 0x72617473 && tail == 0x646574) return F_STARTED;
      if (w == 0x6a6f7270 && tail == 0x746365) return F_PROJECT;
      break;
    }
    case 8:
      if (load<u64>(p) == 0x6e6f697461727564) return F_DURATION;
      break;
    case 10:
      if (load<u64>(p) == 0x7461676572676761 && load<u16>(p, 8) == 0x7365) return F_AGGREGATES;
      break;
    case 18:
      if (load<u64>(p) == 0x6c616d726f6e6261 && load<u64>(p, 8) == 0x696e616863656d5f && load<u16>(p, 16) == 0x6d73) return F_MECHANISM;
      break;
  }
  return UNREAD;
}

function entryField(p: usize, n: i32): i32 {
  switch (n) {
    case 3:
      if ((<u32>load<u16>(p) | (<u32>load<u8>(p, 2) << 16)) == 0x646964) return E_DID;
      break;
    case 6:
      if (load<u32>(p) == 0x74697865 && load<u16>(p, 4) == 0x6465) return E_EXITED;
      break;
    case 7: {
      const w = load<u32>(p);
      const tail = <u32>load<u16>(p, 4) | (<u32>load<u8>(p, 6) << 16);
      if (w == 0x72617473 && tail == 0x646574) return E_STARTED;
      if (w == 0x6f727265 && tail == 0x646572) return E_ERRORED;
      if (w == 0x73617263 && tail == 0x646568) return E_CRASHED;
      break;
    }
    case 8:
      if (load<u64>(p) == 0x6c616d726f6e6261) return E_ABNORMAL;
      break;
    case 9:
      if (load<u64>(p) == 0x656c646e61686e75 && load<u8>(p, 8) == 0x64) return E_UNHANDLED;
      break;
  }
  return UNREAD;
}

function attrsField(p: usize, n: i32): i32 {
  if (n == 7 && load<u32>(p) == 0x656c6572 && load<u16>(p, 4) == 0x7361 && load<u8>(p, 6) == 0x65) return A_RELEASE;
  if (n == 11 && load<u64>(p) == 0x6d6e6f7269766e65 && load<u16>(p, 8) == 0x6e65 && load<u8>(p, 10) == 0x74) return A_ENVIRONMENT;
  return UNREAD;
}

// ---- values ----

@inline function slot(field: i32): usize {
  return values + (<usize>field << 4);
}
@inline function kindOf(field: i32): i32 {
  return load<i32>(slot(field));
}
@inline function startOf(field: i32): usize {
  return <usize>load<i32>(slot(field), 4);
}
@inline function endOf(field: i32): usize {
  return <usize>load<i32>(slot(field), 8);
}
@inline function asciiOf(field: i32): i32 {
  return load<i32>(slot(field), 12);
}

/** The value at p into field's slot; needed: its content is read (escapes: not sure). Index after it, or 0. */
function readValue(p: usize, end: usize, field: i32, needed: bool): usize {
  const s = slot(field);
  const c = at(p);
  if (c == 0x22) {
    let q = p + 1;
    let k: i32;
    while ((k = cls(at(q))) == 0) q++;
    let ascii = 1;
    if (k == 3) {
      ascii = 0;
      for (;;) {
        k = cls(at(q));
        if (k == 0 || k == 3) q++;
        else break;
      }
    }
    if (k == 1 && q < end) {
      store<i32>(s, K_STRING);
      store<i32>(s, <i32>(p + 1), 4);
      store<i32>(s, <i32>q, 8);
      store<i32>(s, ascii, 12);
      return q + 1;
    }
    if (needed) return 0;
    store<i32>(s, K_OTHER);
    return skipValue(p, end, 0);
  }
  if (c == 0x2d || (c >= 0x30 && c <= 0x39)) {
    const e = numberEnd(p, end);
    store<i32>(s, K_NUMBER);
    store<i32>(s, <i32>p, 4);
    store<i32>(s, <i32>e, 8);
    return e;
  }
  if (c == 0x74) {
    store<i32>(s, K_TRUE);
    return literalEnd(p, end, 'true');
  }
  if (c == 0x66) {
    store<i32>(s, K_FALSE);
    return literalEnd(p, end, 'false');
  }
  if (c == 0x6e) {
    store<i32>(s, K_NULL);
    return literalEnd(p, end, 'null');
  }
  store<i32>(s, K_OTHER);
  return skipValue(p, end, 0);
}

/** The object at p (`{`) of `level` (TOP, ATTRS, ENTRY): index after its `}`, or 0. */
function readMembers(p: usize, end: usize, level: i32): usize {
  let c = at(++p);
  if (isWs(c)) c = at((p = skipWs(p, end)));
  if (c == 0x7d) return p + 1;
  for (;;) {
    if (c != 0x22) return 0;
    let q = p + 1;
    while (cls(at(q)) == 0) q++;
    if (at(q) != 0x22 || q >= end) return 0; // an escaped key could spell one we read
    const n = <i32>(q - p - 1);
    const field = level == TOP ? topField(p + 1, n) : level == ATTRS ? attrsField(p + 1, n) : entryField(p + 1, n);
    if (field != UNREAD && kindOf(field) != ABSENT) return 0; // a duplicate: JSON.parse keeps the last
    p = q + 1;
    c = at(p);
    if (c != 0x3a) {
      c = at((p = skipWs(p, end)));
      if (c != 0x3a) return 0;
    }
    c = at(++p);
    if (isWs(c)) p = skipWs(p, end);
    if (field == F_ATTRS) {
      store<i32>(slot(field), K_OTHER);
      if (at(p) != 0x7b) return 0;
      p = readMembers(p, end, ATTRS);
    } else if (field == F_AGGREGATES) {
      store<i32>(slot(field), K_OTHER);
      if (at(p) != 0x5b) return 0;
      p = readAggregates(p, end);
    } else {
      p = readValue(p, end, field, field != UNREAD);
    }
    if (p == 0) return 0;
    c = at(p);
    if (isWs(c)) c = at((p = skipWs(p, end)));
    if (c == 0x2c) {
      c = at(++p);
      if (isWs(c)) c = at((p = skipWs(p, end)));
      continue;
    }
    if (c == 0x7d) return p + 1;
    return 0;
  }
}

/** aggregates at p (`[`): each entry read and written to the entry area; the index after `]`, or 0. */
function readAggregates(p: usize, end: usize): usize {
  p = skipWs(p + 1, end);
  if (at(p) == 0x5d) return p + 1;
  for (;;) {
    if (at(p) != 0x7b) return 0;
    memory.fill(slot(E_STARTED), 0, <usize>((UNREAD - E_STARTED) * 16));
    p = readMembers(p, end, ENTRY);
    if (p == 0 || !pushEntry()) return 0;
    p = skipWs(p, end);
    const c = at(p);
    if (c == 0x5d) return p + 1;
    if (c != 0x2c) return 0;
    p = skipWs(p + 1, end);
  }
  return 0;
}

/** The entry just read into the entry area, as the reference reads it; false: not sure. */
function pushEntry(): bool {
  if (entriesUsed + lineEntries >= entryAreaCap) return false;
  if (kindOf(E_STARTED) != K_STRING) return false;
  const started = isoSeconds(startOf(E_STARTED), endOf(E_STARTED));
  if (started != started) return false;
  const did = userId(E_DID);
  if (did == -2) return false;
  const exited = countOf(E_EXITED);
  const errored = countOf(E_ERRORED);
  const abnormal = countOf(E_ABNORMAL);
  const crashed = countOf(E_CRASHED);
  const unhandled = countOf(E_UNHANDLED);
  if (exited < 0 || errored < 0 || abnormal < 0 || crashed < 0 || unhandled < 0) return false;
  const i = entriesUsed + lineEntries++;
  const e = entryInts + <usize>(i * ENTRY_INTS * 4);
  store<i32>(e, did);
  store<i32>(e, exited, 4);
  store<i32>(e, errored, 8);
  store<i32>(e, abnormal, 12);
  store<i32>(e, crashed, 16);
  store<i32>(e, unhandled, 20);
  store<f64>(entryTimes + <usize>(i * 8), started);
  return true;
}

// ---- decoders (as src/raw/scan/fieldDecoders.ts) ----

/** Absent or null: 0; a plain non-negative integer literal; -1: not sure. */
function countOf(field: i32): i32 {
  const kind = kindOf(field);
  if (kind == ABSENT || kind == K_NULL) return 0;
  const s = startOf(field);
  const e = endOf(field);
  if (kind != K_NUMBER || e - s > 9) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = at(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** 0 ok, 1 exited, 2 errored, 3 abnormal, 4 crashed, 5 unhandled; -1: not sure. */
function statusOf(): i32 {
  const kind = kindOf(F_STATUS);
  if (kind == ABSENT || kind == K_NULL) return 0;
  if (kind != K_STRING) return -1;
  const s = startOf(F_STATUS);
  const n = <i32>(endOf(F_STATUS) - s);
  switch (n) {
    case 2:
      if (load<u16>(s) == 0x6b6f) return 0;
      break;
    case 6:
      if (load<u32>(s) == 0x74697865 && load<u16>(s, 4) == 0x6465) return 1;
      break;
    case 7: {
      const w = load<u32>(s);
      const tail = <u32>load<u16>(s, 4) | (<u32>load<u8>(s, 6) << 16);
      if (w == 0x6f727265 && tail == 0x646572) return 2;
      if (w == 0x73617263 && tail == 0x646568) return 4;
      break;
    }
    case 8:
      if (load<u64>(s) == 0x6c616d726f6e6261) return 3;
      break;
    case 9:
      if (load<u64>(s) == 0x656c646e61686e75 && load<u8>(s, 8) == 0x64) return 5;
      break;
  }
  return -1;
}

function digit(p: usize): i32 {
  const d = at(p) - 0x30;
  return d >= 0 && d <= 9 ? d : -1000;
}
function two(p: usize): i32 {
  return digit(p) * 10 + digit(p + 1);
}
function floorDiv(a: i32, b: i32): i32 {
  const q = a / b;
  return q * b > a ? q - 1 : q;
}
function daysFromCivil(y: i32, m: i32, d: i32): i32 {
  y -= m <= 2 ? 1 : 0;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
function monthDays(y: i32, m: i32): i32 {
  if (m == 2) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28;
  return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
}

/** Unix seconds of `YYYY-MM-DDTHH:MM:SS(.mmm)?Z` (years 1970-2199), else NaN (as isoTimeBytes.ts). */
function isoSeconds(b: usize, end: usize): f64 {
  const len = <i32>(end - b);
  if (len != 20 && len != 24) return NaN;
  if (at(b + 4) != 0x2d || at(b + 7) != 0x2d || at(b + 10) != 0x54 || at(b + 13) != 0x3a || at(b + 16) != 0x3a) return NaN;
  let ms = 0;
  if (len == 20) {
    if (at(b + 19) != 0x5a) return NaN;
  } else {
    if (at(b + 19) != 0x2e || at(b + 23) != 0x5a) return NaN;
    ms = digit(b + 20) * 100 + digit(b + 21) * 10 + digit(b + 22);
    if (ms < 0) return NaN;
  }
  const year = two(b) * 100 + two(b + 2);
  const month = two(b + 5);
  const day = two(b + 8);
  const hour = two(b + 11);
  const minute = two(b + 14);
  const second = two(b + 17);
  if (year < 1970 || year > 2199 || month < 1 || month > 12 || day < 1) return NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  if (day > monthDays(year, month)) return NaN;
  const days = <i64>daysFromCivil(year, month, 1) + <i64>(day - 1);
  const total = days * 86400000 + <i64>hour * 3600000 + <i64>minute * 60000 + <i64>second * 1000 + <i64>ms;
  return <f64>total / 1000;
}

// ---- the interner ----

/** 64-bit multiply-xorshift over 8 bytes at a time (unaligned loads are fine in wasm), murmur3's finalizer. */
function hashOf(s: usize, n: i32): u32 {
  let h: u64 = <u64>n * 0x9e3779b97f4a7c15;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    h = (h ^ load<u64>(s + <usize>i)) * 0xff51afd7ed558ccd;
    h ^= h >> 29;
  }
  if (i < n) {
    // The last 1-7 bytes as one number (bytes past the string are not read).
    let k: u64 = 0;
    for (let j = n - 1; j >= i; j--) k = (k << 8) | <u64>at(s + <usize>j);
    h = (h ^ k) * 0xff51afd7ed558ccd;
  }
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53;
  h ^= h >> 33;
  return <u32>h;
}

/** The n bytes at a and at b are the same: 8 at a time. */
function sameBytes(a: usize, b: usize, n: i32): bool {
  let i = 0;
  for (; i + 8 <= n; i += 8) if (load<u64>(a + <usize>i) != load<u64>(b + <usize>i)) return false;
  for (; i < n; i++) if (at(a + <usize>i) != at(b + <usize>i)) return false;
  return true;
}

function grow(): void {
  const size = (tableMask + 1) * 2;
  const next = alloc(size * 4);
  const mask = size - 1;
  for (let id = 0; id < entries; id++) {
    let i = <i32>load<u32>(entryHash + (<usize>id << 2)) & mask;
    while (load<i32>(next + (<usize>i << 2)) != 0) i = (i + 1) & mask;
    store<i32>(next + (<usize>i << 2), id + 1);
  }
  table = next;
  tableMask = mask;
}

function growTo(old: usize, oldBytes: i32, bytes: i32): usize {
  const next = alloc(bytes);
  memory.copy(next, old, <usize>oldBytes);
  return next;
}

/** The id of the ASCII bytes [s, s + n); -1 when the table is full (not sure). */
function intern(s: usize, n: i32): i32 {
  const h = hashOf(s, n);
  let i = <i32>h & tableMask;
  for (;;) {
    const e = load<i32>(table + (<usize>i << 2));
    if (e == 0) break;
    const id = e - 1;
    const o = <usize>id << 2;
    if (load<u32>(entryHash + o) == h && load<i32>(entryLength + o) == n && sameBytes(pool + <usize>load<i32>(entryOffset + o), s, n)) return id;
    i = (i + 1) & tableMask;
  }
  if (entries >= MAX_ENTRIES) return -1;
  if (entries == entryCap) {
    const cap = entryCap * 2;
    entryHash = growTo(entryHash, entryCap * 4, cap * 4);
    entryOffset = growTo(entryOffset, entryCap * 4, cap * 4);
    entryLength = growTo(entryLength, entryCap * 4, cap * 4);
    entryCap = cap;
  }
  if (poolUsed + n > poolCap) {
    const cap = max(poolCap * 2, poolUsed + n);
    pool = growTo(pool, poolUsed, cap);
    poolCap = cap;
  }
  memory.copy(pool + <usize>poolUsed, s, <usize>n);
  const id = entries++;
  const o = <usize>id << 2;
  store<u32>(entryHash + o, h);
  store<i32>(entryOffset + o, poolUsed);
  store<i32>(entryLength + o, n);
  poolUsed += n;
  store<i32>(table + (<usize>i << 2), id + 1);
  if (entries * 2 > tableMask + 1) grow();
  return id;
}

/** A read field's text as an id: ASCII only; -2: not sure. */
function textId(field: i32): i32 {
  if (asciiOf(field) == 0) return -2;
  const s = startOf(field);
  const n = <i32>(endOf(field) - s);
  // A field often has the value it had on the last line (one release's or one session's lines): compared before hashing.
  const slot = lastIds + (<usize>field << 2);
  const last = load<i32>(slot);
  if (last >= 0) {
    const o = <usize>last << 2;
    if (load<i32>(entryLength + o) == n && sameBytes(pool + <usize>load<i32>(entryOffset + o), s, n)) return last;
  }
  const id = intern(s, n);
  if (id < 0) return -2;
  store<i32>(slot, id);
  return id;
}

function isNilUuid(s: usize, n: i32): bool {
  if (n != 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = at(s + <usize>i);
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != 0x2d) return false;
    } else if (c != 0x30) return false;
  }
  return true;
}

/** A user id as the reference's userOf for strings, null and absence: an id, NONE (null), or -2: not sure. */
function userId(field: i32): i32 {
  const kind = kindOf(field);
  if (kind == ABSENT || kind == K_NULL) return NONE;
  if (kind != K_STRING) return -2;
  const s = startOf(field);
  const n = <i32>(endOf(field) - s);
  if (n == 0 || isNilUuid(s, n)) return NONE;
  return textId(field);
}

// ---- one line ----

/** Reads the line at s (the input ends at e) into record r: UPDATE, AGGREGATE, BLANK (then lineEnd is its `\n`) or UNSURE. */
function scanLine(s: usize, e: usize, r: usize, t: usize): i32 {
  // e is the chunk's end: no token takes a `\n`, so reading stops at the line's own; after the
  // object only whitespace may come before it (`\r` included), else the reference decides.
  let p = s;
  if (at(p) != 0x7b) {
    p = skipWs(p, e);
    if (at(p) == 0x0a && p < e) {
      lineEnd = p;
      return BLANK;
    }
    if (at(p) != 0x7b) return UNSURE;
  }
  memory.fill(values, 0, <usize>(FIELDS * 16));
  lineEntries = 0;
  p = readMembers(p, e, TOP);
  if (p == 0) return UNSURE;
  p = skipWs(p, e);
  if (at(p) != 0x0a || p >= e) return UNSURE;
  lineEnd = p;

  if (kindOf(F_ATTRS) == ABSENT) return UNSURE;
  if (kindOf(A_RELEASE) != K_STRING || endOf(A_RELEASE) == startOf(A_RELEASE)) return UNSURE;
  const release = textId(A_RELEASE);
  if (release < 0) return UNSURE;
  const envKind = kindOf(A_ENVIRONMENT);
  let environment = NONE;
  if (envKind == K_STRING) {
    if (endOf(A_ENVIRONMENT) > startOf(A_ENVIRONMENT)) {
      environment = textId(A_ENVIRONMENT);
      if (environment < 0) return UNSURE;
    }
  } else if (envKind != ABSENT && envKind != K_NULL) return UNSURE;
  const projectKind = kindOf(F_PROJECT);
  let project = NONE;
  if (projectKind == K_STRING) {
    if (endOf(F_PROJECT) == startOf(F_PROJECT)) return UNSURE;
    project = textId(F_PROJECT);
    if (project < 0) return UNSURE;
  } else if (projectKind != ABSENT && projectKind != K_NULL) return UNSURE;

  if (kindOf(F_AGGREGATES) != ABSENT) {
    store<i32>(r, release, 12);
    store<i32>(r, environment, 16);
    store<i32>(r, project, 20);
    store<i32>(r, entriesUsed, 24);
    store<i32>(r, lineEntries, 28);
    entriesUsed += lineEntries;
    return AGGREGATE;
  }

  if (kindOf(F_STARTED) != K_STRING) return UNSURE;
  const started = isoSeconds(startOf(F_STARTED), endOf(F_STARTED));
  if (started != started) return UNSURE;
  const status = statusOf();
  if (status < 0) return UNSURE;
  const errors = countOf(F_ERRORS);
  if (errors < 0) return UNSURE;

  const did = userId(F_DID);
  if (did == -2) return UNSURE;

  const sidKind = kindOf(F_SID);
  let sidStart = NONE;
  let sidEnd = NONE;
  if (sidKind == K_STRING) {
    const ss = startOf(F_SID);
    const sn = <i32>(endOf(F_SID) - ss);
    if (sn > 0) {
      if (asciiOf(F_SID) == 0) return UNSURE;
      if (sn == lastSidLength && sameBytes(lastSid, ss, sn)) sidStart = SAME_SID;
      else {
        sidStart = <i32>(ss - input);
        sidEnd = <i32>(ss - input) + sn;
      }
    }
  } else if (sidKind != ABSENT && sidKind != K_NULL) return UNSURE;

  const initKind = kindOf(F_INIT);
  if (initKind != ABSENT && initKind != K_NULL && initKind != K_TRUE && initKind != K_FALSE) return UNSURE;

  let mechanism = NONE;
  if (kindOf(F_MECHANISM) == K_STRING) {
    const ms = startOf(F_MECHANISM);
    if (!is(ms, <i32>(endOf(F_MECHANISM) - ms), 'none')) {
      mechanism = textId(F_MECHANISM);
      if (mechanism < 0) return UNSURE;
    }
  }

  // duration: 0 none, 1 the value in times, 2 a literal for the JS side's Number().
  let durationKind = 0;
  let duration: f64 = 0;
  let durationStart = 0;
  let durationEnd = 0;
  if (kindOf(F_DURATION) == K_NUMBER) {
    const ds = startOf(F_DURATION);
    const de = endOf(F_DURATION);
    let plain = de - ds <= 15;
    let v: f64 = 0;
    for (let i = ds; plain && i < de; i++) {
      const d = at(i) - 0x30;
      if (d < 0 || d > 9) plain = false;
      else v = v * 10 + <f64>d;
    }
    if (plain) {
      durationKind = 1;
      duration = v;
    } else {
      durationKind = 2;
      durationStart = <i32>(ds - input);
      durationEnd = <i32>(de - input);
    }
  }

  // Only now (the line is read): the JS side's last sid follows the records it receives.
  if (sidStart >= 0) {
    const sn = sidEnd - sidStart;
    if (sn <= SID_CAP) {
      memory.copy(lastSid, input + <usize>sidStart, <usize>sn);
      lastSidLength = sn;
    } else lastSidLength = -1;
  }
  store<i32>(r, release, 12);
  store<i32>(r, environment, 16);
  store<i32>(r, project, 20);
  store<i32>(r, did, 24);
  store<i32>(r, sidStart, 28);
  store<i32>(r, sidEnd, 32);
  store<i32>(r, (initKind == K_TRUE ? 1 : 0) | (status << 1) | (durationKind << 4), 36);
  store<i32>(r, errors, 40);
  store<i32>(r, mechanism, 44);
  store<i32>(r, durationStart, 48);
  store<i32>(r, durationEnd, 52);
  store<f64>(t, started);
  store<f64>(t, duration, 8);
  return UPDATE;
}

/**
 * Scans the complete lines of input[0, length): one record per line (kind, line start, line end
 * before its `\n`), up to the record capacity. Returns the records written; consumed() tells
 * where the first line not read begins.
 */
export function scan(length: i32): i32 {
  const end = input + <usize>length;
  store<u8>(end, 0x0a); // a sentinel: the newline search needs no bound check
  let s = input;
  let n = 0;
  entriesUsed = 0;
  while (n < recordCap && s < end) {
    const r = records + <usize>(n * RECORD_INTS * 4);
    const t = times + <usize>(n * 16);
    // The line is read first; only a line it does not take is searched for its end.
    let kind = scanLine(s, end, r, t);
    let nl = lineEnd;
    if (kind == UNSURE) {
      nl = s;
      while (at(nl) != 0x0a) nl++;
      if (nl >= end) break;
    } else if (<i32>(nl - s) >= maxLine) kind = UNSURE;
    store<i32>(r, kind);
    store<i32>(r, <i32>(s - input), 4);
    store<i32>(r, <i32>(nl - input), 8);
    n++;
    s = nl + 1;
  }
  consumedBytes = <i32>(s - input);
  return n;
}
