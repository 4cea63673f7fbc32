// The keys the field scanner reads, and how it recognises them: a key's bytes with its closing
// quote compared as little-endian int32 words through a DataView (the first word picks the
// candidate, the next ones confirm it; no loop over the key's characters). A constant is named
// after its key and the offset of its word: STARTED_AT4 is the word at byte 4 of `started"`.
// A key matching none is one nobody reads (the caller scans it to its end).

/** The three object levels of a line: the line itself, its `attrs`, an aggregate entry. */
export const TOP = 0;
export const ATTRS = 1;
export const ENTRY = 2;

// The fields of each level: its keys, by field id.
export const TOP_KEYS = ['project', 'sid', 'did', 'init', 'started', 'status', 'errors', 'duration', 'abnormal_mechanism', 'attrs', 'aggregates'] as const;
export const F_PROJECT = 0;
export const F_SID = 1;
export const F_DID = 2;
export const F_INIT = 3;
export const F_STARTED = 4;
export const F_STATUS = 5;
export const F_ERRORS = 6;
export const F_DURATION = 7;
export const F_MECHANISM = 8;
/** From here on, the top level's fields hold an object or a list read by the scanner itself. */
export const F_ATTRS = 9;
export const F_AGGREGATES = 10;

export const ATTRS_KEYS = ['release', 'environment'] as const;
export const A_RELEASE = 0;
export const A_ENVIRONMENT = 1;

/** An aggregate entry's keys; `exited` ... `unhandled` are also the status names. */
export const ENTRY_KEYS = ['started', 'did', 'exited', 'errored', 'abnormal', 'crashed', 'unhandled'] as const;
export const E_STARTED = 0;
export const E_DID = 1;
export const E_EXITED = 2;
export const E_ERRORED = 3;
export const E_ABNORMAL = 4;
export const E_CRASHED = 5;
export const E_UNHANDLED = 6;

/** Per level, the length of each field's key with its closing quote. */
export const KEY_LENGTH: readonly Uint8Array[] = [TOP_KEYS, ATTRS_KEYS, ENTRY_KEYS].map((keys) => Uint8Array.from(keys, (k) => k.length + 1));

/** The int32 (little-endian) of the four bytes at `at` of `key` followed by its closing quote. */
function wordOf(key: string, at: number): number {
  return Buffer.from(key + '"', 'latin1').readInt32LE(at);
}

const SID_AT0 = wordOf('sid', 0);
const DID_AT0 = wordOf('did', 0);
const INIT_AT0 = wordOf('init', 0);
const STARTED_AT0 = wordOf('started', 0);
const STARTED_AT4 = wordOf('started', 4);
const STATUS_AT0 = wordOf('status', 0);
const STATUS_AT3 = wordOf('status', 3);
const ERRORS_AT0 = wordOf('errors', 0);
const ERRORS_AT3 = wordOf('errors', 3);
const PROJECT_AT0 = wordOf('project', 0);
const PROJECT_AT4 = wordOf('project', 4);
const ATTRS_AT0 = wordOf('attrs', 0);
const ATTRS_AT2 = wordOf('attrs', 2);
const DURATION_AT0 = wordOf('duration', 0);
const DURATION_AT4 = wordOf('duration', 4);
const AGGREGATES_AT0 = wordOf('aggregates', 0);
const AGGREGATES_AT4 = wordOf('aggregates', 4);
const AGGREGATES_AT7 = wordOf('aggregates', 7);
const MECHANISM_AT0 = wordOf('abnormal_mechanism', 0);
const MECHANISM_AT4 = wordOf('abnormal_mechanism', 4);
const MECHANISM_AT8 = wordOf('abnormal_mechanism', 8);
const MECHANISM_AT12 = wordOf('abnormal_mechanism', 12);
const MECHANISM_AT15 = wordOf('abnormal_mechanism', 15);
const RELEASE_AT0 = wordOf('release', 0);
const RELEASE_AT4 = wordOf('release', 4);
const ENVIRONMENT_AT0 = wordOf('environment', 0);
const ENVIRONMENT_AT4 = wordOf('environment', 4);
const ENVIRONMENT_AT8 = wordOf('environment', 8);
const EXITED_AT0 = wordOf('exited', 0);
const EXITED_AT3 = wordOf('exited', 3);
const ERRORED_AT0 = wordOf('errored', 0);
const ERRORED_AT4 = wordOf('errored', 4);
const CRASHED_AT0 = wordOf('crashed', 0);
const CRASHED_AT4 = wordOf('crashed', 4);
const ABNORMAL_AT0 = wordOf('abnormal', 0);
const ABNORMAL_AT4 = wordOf('abnormal', 4);
const UNHANDLED_AT0 = wordOf('unhandled', 0);
const UNHANDLED_AT4 = wordOf('unhandled', 4);
const UNHANDLED_AT6 = wordOf('unhandled', 6);

/** Whether the four bytes at q + at are `w`, inside the line. */
function wordAt(view: DataView, q: number, at: number, end: number, w: number): boolean {
  return q + at + 4 <= end && view.getInt32(q + at, true) === w;
}

/** Whether the byte at q + at is the closing quote, inside the line. */
function quoteAt(view: DataView, q: number, at: number, end: number): boolean {
  return q + at < end && view.getUint8(q + at) === 0x22;
}

/** `q` is just after a key's opening quote: its field at the top level, or -1. */
export function topKeyAt(view: DataView, q: number, end: number): number {
  if (q + 4 > end) return -1;
  const w = view.getInt32(q, true);
  if (w === SID_AT0) return F_SID;
  if (w === DID_AT0) return F_DID;
  if (w === STARTED_AT0) return wordAt(view, q, 4, end, STARTED_AT4) ? F_STARTED : -1;
  if (w === STATUS_AT0) return wordAt(view, q, 3, end, STATUS_AT3) ? F_STATUS : -1;
  if (w === INIT_AT0) return quoteAt(view, q, 4, end) ? F_INIT : -1;
  if (w === ERRORS_AT0) return wordAt(view, q, 3, end, ERRORS_AT3) ? F_ERRORS : -1;
  if (w === PROJECT_AT0) return wordAt(view, q, 4, end, PROJECT_AT4) ? F_PROJECT : -1;
  if (w === ATTRS_AT0) return wordAt(view, q, 2, end, ATTRS_AT2) ? F_ATTRS : -1;
  if (w === DURATION_AT0) return wordAt(view, q, 4, end, DURATION_AT4) && quoteAt(view, q, 8, end) ? F_DURATION : -1;
  if (w === AGGREGATES_AT0) return wordAt(view, q, 4, end, AGGREGATES_AT4) && wordAt(view, q, 7, end, AGGREGATES_AT7) ? F_AGGREGATES : -1;
  if (w === MECHANISM_AT0) {
    return wordAt(view, q, 4, end, MECHANISM_AT4) && wordAt(view, q, 8, end, MECHANISM_AT8) && wordAt(view, q, 12, end, MECHANISM_AT12) &&
      wordAt(view, q, 15, end, MECHANISM_AT15)
      ? F_MECHANISM
      : -1;
  }
  return -1;
}

/** The same inside `attrs`. */
export function attrsKeyAt(view: DataView, q: number, end: number): number {
  if (q + 4 > end) return -1;
  const w = view.getInt32(q, true);
  if (w === RELEASE_AT0) return wordAt(view, q, 4, end, RELEASE_AT4) ? A_RELEASE : -1;
  if (w === ENVIRONMENT_AT0) return wordAt(view, q, 4, end, ENVIRONMENT_AT4) && wordAt(view, q, 8, end, ENVIRONMENT_AT8) ? A_ENVIRONMENT : -1;
  return -1;
}

/** The same inside an aggregate entry; also reads status values (`exited`, `crashed`, ...: the same words). */
export function entryKeyAt(view: DataView, q: number, end: number): number {
  if (q + 4 > end) return -1;
  const w = view.getInt32(q, true);
  if (w === DID_AT0) return E_DID;
  if (w === STARTED_AT0) return wordAt(view, q, 4, end, STARTED_AT4) ? E_STARTED : -1;
  if (w === EXITED_AT0) return wordAt(view, q, 3, end, EXITED_AT3) ? E_EXITED : -1;
  if (w === ERRORED_AT0) return wordAt(view, q, 4, end, ERRORED_AT4) ? E_ERRORED : -1;
  if (w === CRASHED_AT0) return wordAt(view, q, 4, end, CRASHED_AT4) ? E_CRASHED : -1;
  if (w === ABNORMAL_AT0) return wordAt(view, q, 4, end, ABNORMAL_AT4) && quoteAt(view, q, 8, end) ? E_ABNORMAL : -1;
  if (w === UNHANDLED_AT0) return wordAt(view, q, 4, end, UNHANDLED_AT4) && wordAt(view, q, 6, end, UNHANDLED_AT6) ? E_UNHANDLED : -1;
  return -1;
}

/** The key at level `level` whose bytes begin at q: its field, or -1. */
export function keyAt(view: DataView, q: number, end: number, level: number): number {
  return level === TOP ? topKeyAt(view, q, end) : level === ATTRS ? attrsKeyAt(view, q, end) : entryKeyAt(view, q, end);
}
