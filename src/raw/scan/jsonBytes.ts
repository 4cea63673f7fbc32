// Byte lexing for the field scanner: JSON's grammar on UTF-8 bytes (RFC 8259). Each function
// accepts exactly what JSON.parse accepts for the part it reads or answers NOT_SURE, so a caller
// never takes a line JSON.parse would reject; NOT_SURE sends the line to the reference parser.
// Bytes past `end` may be read (the byte at `end` is normally the line's `\n`) but never accepted.

export const NOT_SURE = -1;

/** Nesting deeper than this inside a value we skip is left to the reference parser. */
const MAX_SKIP_DEPTH = 32;

// Kinds of a value as read (ABSENT: the key was not there).
export const ABSENT = 0;
export const NULL = 1;
export const STRING = 2;
export const NUMBER = 3;
export const TRUE = 4;
export const FALSE = 5;
export const OTHER = 6; // an object or a list

/**
 * Byte classes inside a JSON string: 0 plain ASCII, 1 the closing quote, 2 a backslash or a
 * control character (an escape, or invalid JSON), 3 a non-ASCII byte.
 */
export const STRING_CLASS = new Uint8Array(256);
for (let i = 0; i < 0x20; i++) STRING_CLASS[i] = 2;
STRING_CLASS[0x22] = 1;
STRING_CLASS[0x5c] = 2;
for (let i = 0x80; i < 256; i++) STRING_CLASS[i] = 3;

/** JSON whitespace inside a line (LF cannot occur: it ends the line). */
export function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}

export function skipWs(buf: Uint8Array, pos: number, end: number): number {
  while (pos < end) {
    const c = buf[pos];
    if (c === 0x20 || c === 0x09 || c === 0x0d) pos++;
    else break;
  }
  return pos;
}

/** The four ints a field's value takes in FieldValues.slots, at 4 × field + one of these. */
export const KIND = 0;
export const START = 1;
export const END = 2;
export const ASCII = 3;

/**
 * Where the values of one object's fields lie, as readValue found them: per field, four ints in a
 * row: its kind (ABSENT until read), first and end index (strings: inside the quotes; numbers:
 * the literal), and whether a string is all ASCII (then latin1 decoding equals UTF-8 decoding).
 * One per object level of a scanner, cleared per object; the last slot takes the values of keys
 * nobody reads. One flat array: a value is four stores into one cache line.
 */
export class FieldValues {
  readonly slots: Int32Array;
  /** The field number of keys nobody reads. */
  readonly unread: number;

  constructor(fields: number) {
    this.unread = fields;
    this.slots = new Int32Array((fields + 1) * 4);
  }

  clear(): void {
    const slots = this.slots;
    for (let i = KIND; i < slots.length; i += 4) slots[i] = ABSENT;
  }
}

/**
 * Reads the value at p (no whitespace before it) into `slots` at `at` (4 × its field); returns the
 * index after it, or NOT_SURE. `needed`: the caller reads its content, so a string with escapes is
 * left to the reference; other values are only validated.
 */
export function readValue(buf: Uint8Array, p: number, end: number, slots: Int32Array, at: number, needed: boolean): number {
  const c = buf[p];
  if (c === 0x22) {
    let q = p + 1;
    let k: number;
    while ((k = STRING_CLASS[buf[q]]) === 0) q++;
    let ascii = 1;
    if (k === 3) {
      ascii = 0;
      for (;;) {
        k = STRING_CLASS[buf[q]];
        if (k === 0 || k === 3) q++;
        else break;
      }
    }
    if (k === 1 && q < end) {
      slots[at] = STRING;
      slots[at + START] = p + 1;
      slots[at + END] = q;
      slots[at + ASCII] = ascii;
      return q + 1;
    }
    if (needed) return NOT_SURE;
    slots[at] = OTHER;
    return skipValue(buf, p, end); // escapes are fine in a value nobody reads
  }
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
    const e = numberEnd(buf, p, end);
    slots[at] = NUMBER;
    slots[at + START] = p;
    slots[at + END] = e;
    return e;
  }
  if (c === 0x74) {
    slots[at] = TRUE;
    return p + 4 <= end && buf[p + 1] === 0x72 && buf[p + 2] === 0x75 && buf[p + 3] === 0x65 ? p + 4 : NOT_SURE;
  }
  if (c === 0x66) {
    slots[at] = FALSE;
    return p + 5 <= end && buf[p + 1] === 0x61 && buf[p + 2] === 0x6c && buf[p + 3] === 0x73 && buf[p + 4] === 0x65 ? p + 5 : NOT_SURE;
  }
  if (c === 0x6e) {
    slots[at] = NULL;
    return p + 4 <= end && buf[p + 1] === 0x75 && buf[p + 2] === 0x6c && buf[p + 3] === 0x6c ? p + 4 : NOT_SURE;
  }
  slots[at] = OTHER;
  return skipValue(buf, p, end);
}

/** `q` is just after a key's opening quote: the index of its closing quote, or NOT_SURE for escapes or non-ASCII bytes (an escaped key could spell one we read). */
export function plainKeyEnd(buf: Uint8Array, q: number, end: number): number {
  while (STRING_CLASS[buf[q]] === 0) q++;
  return buf[q] === 0x22 && q < end ? q : NOT_SURE;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** `pos` is just after an opening quote; validates escapes too (for values nobody reads). Returns the index after the closing quote. */
function skipString(buf: Uint8Array, pos: number, end: number): number {
  while (pos < end) {
    const c = buf[pos];
    if (c === 0x22) return pos + 1;
    if (c < 0x20) return NOT_SURE;
    if (c === 0x5c) {
      if (pos + 1 >= end) return NOT_SURE;
      const e = buf[pos + 1];
      if (e === 0x75) {
        if (pos + 5 >= end) return NOT_SURE;
        if (!isHex(buf[pos + 2]) || !isHex(buf[pos + 3]) || !isHex(buf[pos + 4]) || !isHex(buf[pos + 5])) return NOT_SURE;
        pos += 6;
        continue;
      }
      // " \ / b f n r t
      if (e !== 0x22 && e !== 0x5c && e !== 0x2f && e !== 0x62 && e !== 0x66 && e !== 0x6e && e !== 0x72 && e !== 0x74) return NOT_SURE;
      pos += 2;
      continue;
    }
    pos++;
  }
  return NOT_SURE;
}

/**
 * Validates a number literal at `pos` (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`).
 * Returns the index after it. The caller checks what follows (a delimiter), which rejects `01`.
 */
export function numberEnd(buf: Uint8Array, pos: number, end: number): number {
  if (pos < end && buf[pos] === 0x2d) pos++;
  if (pos >= end) return NOT_SURE;
  let c = buf[pos];
  if (c === 0x30) pos++;
  else if (c >= 0x31 && c <= 0x39) {
    pos++;
    while (pos < end && (c = buf[pos]) >= 0x30 && c <= 0x39) pos++;
  } else return NOT_SURE;
  if (pos < end && buf[pos] === 0x2e) {
    pos++;
    const digits = pos;
    while (pos < end && (c = buf[pos]) >= 0x30 && c <= 0x39) pos++;
    if (pos === digits) return NOT_SURE;
  }
  if (pos < end && (buf[pos] === 0x65 || buf[pos] === 0x45)) {
    pos++;
    if (pos < end && (buf[pos] === 0x2b || buf[pos] === 0x2d)) pos++;
    const digits = pos;
    while (pos < end && (c = buf[pos]) >= 0x30 && c <= 0x39) pos++;
    if (pos === digits) return NOT_SURE;
  }
  return pos;
}

function literalEnd(buf: Uint8Array, pos: number, end: number, word: readonly number[]): number {
  if (pos + word.length > end) return NOT_SURE;
  for (let i = 0; i < word.length; i++) if (buf[pos + i] !== word[i]) return NOT_SURE;
  return pos + word.length;
}

const TRUE_BYTES = [0x74, 0x72, 0x75, 0x65];
const FALSE_BYTES = [0x66, 0x61, 0x6c, 0x73, 0x65];
const NULL_BYTES = [0x6e, 0x75, 0x6c, 0x6c];

/** Skips any JSON value at `pos` (no leading whitespace), validating it; returns the index after it. */
export function skipValue(buf: Uint8Array, pos: number, end: number, depth = 0): number {
  if (pos >= end) return NOT_SURE;
  const c = buf[pos];
  if (c === 0x22) return skipString(buf, pos + 1, end);
  if (c === 0x7b || c === 0x5b) {
    if (depth >= MAX_SKIP_DEPTH) return NOT_SURE;
    const isObject = c === 0x7b;
    const close = isObject ? 0x7d : 0x5d;
    pos = skipWs(buf, pos + 1, end);
    if (pos < end && buf[pos] === close) return pos + 1;
    for (;;) {
      if (isObject) {
        if (pos >= end || buf[pos] !== 0x22) return NOT_SURE;
        pos = skipString(buf, pos + 1, end);
        if (pos < 0) return NOT_SURE;
        pos = skipWs(buf, pos, end);
        if (pos >= end || buf[pos] !== 0x3a) return NOT_SURE;
        pos = skipWs(buf, pos + 1, end);
      }
      pos = skipValue(buf, pos, end, depth + 1);
      if (pos < 0) return NOT_SURE;
      pos = skipWs(buf, pos, end);
      if (pos >= end) return NOT_SURE;
      if (buf[pos] === close) return pos + 1;
      if (buf[pos] !== 0x2c) return NOT_SURE;
      pos = skipWs(buf, pos + 1, end);
    }
  }
  if (c === 0x74) return literalEnd(buf, pos, end, TRUE_BYTES);
  if (c === 0x66) return literalEnd(buf, pos, end, FALSE_BYTES);
  if (c === 0x6e) return literalEnd(buf, pos, end, NULL_BYTES);
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return numberEnd(buf, pos, end);
  return NOT_SURE;
}
