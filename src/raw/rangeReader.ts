// Reads a byte range of a file in large chunks and hands its lines to a LineIngest, holding one
// chunk plus one unfinished line at a time: memory does not grow with the file. The sync form runs
// in worker threads (nothing else to do there); the async form keeps the main thread responsive.
import * as fs from 'fs';
import type { LineIngest } from './lineIngest';

export const CHUNK_BYTES = 4 << 20;

/** Reads [start, end) (end = Infinity: to the end of the file) into `ingest`. */
export function readRangeSync(fd: number, start: number, end: number, ingest: LineIngest, chunkBytes = CHUNK_BYTES): void {
  const r = new ChunkCursor(start, end, chunkBytes);
  for (;;) {
    const want = r.want();
    const n = want > 0 ? fs.readSync(fd, r.buf, r.filled, want, r.pos) : 0;
    if (!r.took(n, ingest)) return;
  }
}

export async function readRangeAsync(
  file: fs.promises.FileHandle,
  start: number,
  end: number,
  ingest: LineIngest,
  chunkBytes = CHUNK_BYTES,
): Promise<void> {
  const r = new ChunkCursor(start, end, chunkBytes);
  for (;;) {
    const want = r.want();
    const n = want > 0 ? (await file.read(r.buf, r.filled, want, r.pos)).bytesRead : 0;
    if (!r.took(n, ingest)) return;
  }
}

/** The buffer bookkeeping both forms share. */
class ChunkCursor {
  buf: Buffer;
  filled = 0;
  pos: number;

  constructor(start: number, private readonly end: number, chunkBytes: number) {
    this.pos = start;
    this.buf = Buffer.allocUnsafe(chunkBytes);
  }

  want(): number {
    return Math.min(this.buf.length - this.filled, this.end - this.pos);
  }

  /** Takes n more bytes; false at the end of the range (after the last line without `\n`). */
  took(n: number, ingest: LineIngest): boolean {
    if (n === 0) {
      ingest.finish(this.buf, 0, this.filled);
      return false;
    }
    this.pos += n;
    this.filled += n;
    const rest = ingest.chunk(this.buf.subarray(0, this.filled), 0, this.filled);
    if (rest === 0 && this.filled === this.buf.length) {
      // One line longer than the buffer: grow it (memory follows the longest line, not the file).
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.filled);
      this.buf = bigger;
      return true;
    }
    this.buf.copyWithin(0, rest, this.filled);
    this.filled -= rest;
    return true;
  }
}
