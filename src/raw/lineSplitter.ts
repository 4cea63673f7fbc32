// Splits a byte stream into lines without holding more than one chunk plus one partial line.
import type { Readable } from 'stream';

/** Calls `onLine(text, lineNumber)` for every line (1-based); a final line without `\n` counts. */
export async function forEachLine(stream: Readable, onLine: (line: string, lineNumber: number) => void): Promise<number> {
  let carry: Buffer | null = null;
  let lineNumber = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    let start = 0;
    let nl = buf.indexOf(10, start);
    while (nl !== -1) {
      const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
      onLine(buf.toString('utf8', start, end), ++lineNumber);
      start = nl + 1;
      nl = buf.indexOf(10, start);
    }
    if (start < buf.length) carry = Buffer.from(buf.subarray(start));
    buf = Buffer.alloc(0);
  }
  if (carry && carry.length > 0) {
    const end = carry[carry.length - 1] === 13 ? carry.length - 1 : carry.length;
    onLine(carry.toString('utf8', 0, end), ++lineNumber);
  }
  return lineNumber;
}
