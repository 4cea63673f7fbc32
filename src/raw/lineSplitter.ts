// Splits a byte stream into lines without holding more than one chunk plus one partial line.
import type { Readable } from 'stream';
import { MAX_LINE_BYTES } from './lineLimit';

/**
 * Calls `onLine(text, lineNumber)` for every line (1-based); a final line without `\n` counts.
 * A line of MAX_LINE_BYTES or more goes to `onTooLong` instead, its bytes never held.
 */
export async function forEachLine(stream: Readable, onLine: (line: string, lineNumber: number) => void, onTooLong: (lineNumber: number) => void = () => undefined): Promise<number> {
  // The unfinished line, as the chunks it came in (joined once its end arrives: no quadratic copying).
  let parts: Buffer[] = [];
  let partsBytes = 0;
  let lineNumber = 0;
  let discarding = false;
  const emit = (buf: Buffer, start: number, nl: number): void => {
    const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
    if (end - start >= MAX_LINE_BYTES) onTooLong(++lineNumber);
    else onLine(buf.toString('utf8', start, end), ++lineNumber);
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    let nl = chunk.indexOf(10);
    if (discarding) {
      if (nl < 0) continue;
      onTooLong(++lineNumber);
      discarding = false;
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    } else if (partsBytes > 0 && nl >= 0) {
      const line = Buffer.concat([...parts, chunk.subarray(0, nl + 1)]);
      parts = [];
      partsBytes = 0;
      emit(line, 0, line.length - 1);
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    while (nl !== -1) {
      emit(chunk, start, nl);
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    if (start < chunk.length) {
      partsBytes += chunk.length - start;
      if (partsBytes >= MAX_LINE_BYTES) {
        discarding = true;
        parts = [];
        partsBytes = 0;
      } else {
        parts.push(Buffer.from(chunk.subarray(start)));
      }
    }
  }
  if (discarding) onTooLong(++lineNumber);
  else if (partsBytes > 0) {
    const carry = Buffer.concat(parts);
    const end = carry[carry.length - 1] === 13 ? carry.length - 1 : carry.length;
    onLine(carry.toString('utf8', 0, end), ++lineNumber);
  }
  return lineNumber;
}
