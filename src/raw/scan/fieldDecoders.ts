// Field decoders: a value's bytes (as readValue located them) turned into what the reference
// parser (sessionLine.ts) makes of the same JSON value, or "not sure" (null, -1) where only the
// reference can say, so that the two can never disagree.
import type { SessionStatus, UnixSeconds } from '../../health/types';
import { isoSecondsFromBytes } from '../isoTimeBytes';
import { parseTime } from '../sessionLine';
import { ABSENT, NULL, NUMBER, STRING } from './jsonBytes';
import { E_ABNORMAL, E_CRASHED, E_ERRORED, E_EXITED, E_UNHANDLED, ENTRY, KEY_LENGTH, entryKeyAt } from './keyWords';

export const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const NIL_WORD = Buffer.from('0000').readInt32LE(0);

/** Whether the 36 bytes at s are the nil UUID (8-4-4-4-12 zeros with dashes). */
export function isNilUuid(buf: Uint8Array, view: DataView, s: number): boolean {
  return (
    view.getInt32(s, true) === NIL_WORD && view.getInt32(s + 4, true) === NIL_WORD && buf[s + 8] === 0x2d &&
    view.getInt32(s + 9, true) === NIL_WORD && buf[s + 13] === 0x2d && view.getInt32(s + 14, true) === NIL_WORD && buf[s + 18] === 0x2d &&
    view.getInt32(s + 19, true) === NIL_WORD && buf[s + 23] === 0x2d && view.getInt32(s + 24, true) === NIL_WORD &&
    view.getInt32(s + 28, true) === NIL_WORD && view.getInt32(s + 32, true) === NIL_WORD
  );
}

/** A count as the reference's countOf: absent or null is 0; a plain non-negative integer literal; -1: the reference decides. */
export function countOf(buf: Uint8Array, kind: number, start: number, end: number): number {
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

const STATUS_OF_ENTRY_KEY: Array<SessionStatus | null> = [];
STATUS_OF_ENTRY_KEY[E_EXITED] = 'exited';
STATUS_OF_ENTRY_KEY[E_ERRORED] = 'errored';
STATUS_OF_ENTRY_KEY[E_ABNORMAL] = 'abnormal';
STATUS_OF_ENTRY_KEY[E_CRASHED] = 'crashed';
STATUS_OF_ENTRY_KEY[E_UNHANDLED] = 'unhandled';

/** `status` as the reference reads it: absent or null is ok; one of the six names; null: the reference decides. */
export function statusOf(buf: Uint8Array, view: DataView, kind: number, s: number, e: number): SessionStatus | null {
  if (kind === ABSENT || kind === NULL) return 'ok';
  if (kind !== STRING) return null;
  if (e - s === 2) return buf[s] === 0x6f && buf[s + 1] === 0x6b ? 'ok' : null;
  // The other names are spelled like aggregate entry keys; the closing quote must be the value's.
  const f = entryKeyAt(view, s, e + 1);
  if (f < 0 || s + KEY_LENGTH[ENTRY][f] - 1 !== e) return null;
  return STATUS_OF_ENTRY_KEY[f] ?? null;
}

/** As the reference: a finite non-negative number, else null (whatever the type). */
export function durationOf(buf: Buffer, kind: number, start: number, end: number): number | null {
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
export function timeOf(buf: Buffer, kind: number, start: number, end: number, ascii: number): UnixSeconds | null {
  if (kind !== STRING) return null;
  const v = isoSecondsFromBytes(buf, start, end);
  if (v === v) return v;
  return parseTime(ascii === 1 ? buf.latin1Slice(start, end) : buf.utf8Slice(start, end));
}
