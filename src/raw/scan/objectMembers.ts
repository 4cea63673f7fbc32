// The key → value loop of the field scanner, for every object level of a line (the line, its
// `attrs`, each aggregate entry): keys recognised (keyWords.ts), values located into the level's
// FieldValues (jsonBytes.ts), a repeated key or anything unsure answered NOT_SURE. Values that are
// objects or lists the scanner reads itself (`attrs`, `aggregates`) go to its NestedValues.
import { ABSENT, FieldValues, NOT_SURE, OTHER, isWs, plainKeyEnd, readValue, skipWs } from './jsonBytes';
import { F_ATTRS, KEY_LENGTH, TOP, keyAt } from './keyWords';

/** Reads the value of a field whose value the scanner reads itself (at p, no whitespace before it); the index after it, or NOT_SURE. */
export interface NestedValues {
  nestedValue(buf: Buffer, p: number, end: number, field: number): number;
}

/**
 * The object at p (`{`) of level `level`: its members' values into `values` (cleared first),
 * fields from F_ATTRS at the top level through `nested`. Returns the index after the closing `}`,
 * or NOT_SURE.
 */
export function readMembers(buf: Buffer, view: DataView, p: number, end: number, level: number, values: FieldValues, nested: NestedValues): number {
  values.clear();
  const keyLength = KEY_LENGTH[level];
  const nestedFrom = level === TOP ? F_ATTRS : keyLength.length;
  const slots = values.slots;
  let c = buf[++p];
  if (isWs(c)) c = buf[(p = skipWs(buf, p, end))];
  if (c === 0x7d) return p + 1;
  for (;;) {
    if (c !== 0x22) return NOT_SURE;
    let field = keyAt(view, p + 1, end, level);
    if (field >= 0) {
      p += keyLength[field] + 1;
      // A key seen twice: JSON.parse keeps the last; the reference decides.
      if (slots[field << 2] !== ABSENT) return NOT_SURE;
    } else {
      const close = plainKeyEnd(buf, p + 1, end);
      if (close < 0) return NOT_SURE; // an escaped key could spell one we read
      p = close + 1;
      field = values.unread;
    }
    c = buf[p];
    if (c !== 0x3a) {
      c = buf[(p = skipWs(buf, p, end))];
      if (c !== 0x3a) return NOT_SURE;
    }
    c = buf[++p];
    if (isWs(c)) p = skipWs(buf, p, end);
    if (field >= nestedFrom && field !== values.unread) {
      slots[field << 2] = OTHER; // seen
      p = nested.nestedValue(buf, p, end, field);
    } else {
      p = readValue(buf, p, end, slots, field << 2, field !== values.unread);
    }
    if (p < 0) return NOT_SURE;
    c = buf[p];
    if (isWs(c)) c = buf[(p = skipWs(buf, p, end))];
    if (c === 0x2c) {
      c = buf[++p];
      if (isWs(c)) c = buf[(p = skipWs(buf, p, end))];
      continue;
    }
    if (c === 0x7d) return p + 1;
    return NOT_SURE;
  }
}
