// Byte-level JSON grammar checks for the field scanner. Each function accepts exactly what
// JSON.parse accepts for the part it reads (RFC 8259 on UTF-8 bytes) or answers NOT_SURE, so a
// caller never takes a line JSON.parse would reject; NOT_SURE sends the line to the reference parser.

export const NOT_SURE = -1;

/** Nesting deeper than this inside a value we skip is left to the reference parser. */
const MAX_SKIP_DEPTH = 32;

/** JSON whitespace that can occur inside one line (LF cannot: it ends the line). */
export function skipWs(buf: Uint8Array, pos: number, end: number): number {
  while (pos < end) {
    const c = buf[pos];
    if (c === 0x20 || c === 0x09 || c === 0x0d) pos++;
    else break;
  }
  return pos;
}

/**
 * `pos` is just after an opening quote. Returns the index of the closing quote of a string
 * without escapes and without control characters (JSON forbids raw ones), or NOT_SURE.
 * `asciiOut[0]` tells whether every byte was ASCII (then latin1 decoding equals UTF-8 decoding).
 */
export function plainStringEnd(buf: Uint8Array, pos: number, end: number, asciiOut: Uint8Array): number {
  let ascii = 1;
  while (pos < end) {
    const c = buf[pos];
    if (c === 0x22) {
      asciiOut[0] = ascii;
      return pos;
    }
    if (c === 0x5c || c < 0x20) return NOT_SURE;
    if (c >= 0x80) ascii = 0;
    pos++;
  }
  return NOT_SURE;
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

export const TRUE_BYTES = [0x74, 0x72, 0x75, 0x65];
export const FALSE_BYTES = [0x66, 0x61, 0x6c, 0x73, 0x65];
export const NULL_BYTES = [0x6e, 0x75, 0x6c, 0x6c];

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
