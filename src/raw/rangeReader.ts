// Reads a byte range of a file in large chunks and hands its lines to a LineIngest, holding one
// chunk plus one unfinished line at a time: memory does not grow with the file. The sync form runs
// in worker threads (and in a CLI's main thread); the async form keeps a host's main thread responsive.
import * as fs from 'fs';
import type { LineIngest } from './lineIngest';
import { MAX_LINE_BYTES } from './lineLimit';

export const CHUNK_BYTES = 4 << 20;

/** The read buffer, kept across the ranges one thread reads (it grows for a line longer than it). */
export class ChunkBuffer {
  buf: Buffer;
  constructor(chunkBytes = CHUNK_BYTES) {
    this.buf = Buffer.allocUnsafe(chunkBytes);
  }
}

/** Reads [start, end) (end = Infinity: to the end of the file) into `ingest`. */
export function readRangeSync(fd: number, start: number, end: number, ingest: LineIngest, buffer = new ChunkBuffer()): void {
  const r = new ChunkCursor(start, end, buffer);
  for (;;) {
    const want = r.want();
    const n = want > 0 ? fs.readSync(fd, buffer.buf, r.filled, want, r.pos) : 0;
    if (!r.took(n, ingest)) return;
  }
}

export async function readRangeAsync(
  file: fs.promises.FileHandle,
  start: number,
  end: number,
  ingest: LineIngest,
  buffer = new ChunkBuffer(),
): Promise<void> {
  const r = new ChunkCursor(start, end, buffer);
  for (;;) {
    const want = r.want();
    const n = want > 0 ? (await file.read(buffer.buf, r.filled, want, r.pos)).bytesRead : 0;
    if (!r.took(n, ingest)) return;
  }
}

/** The bookkeeping both forms share. */
class ChunkCursor {
  filled = 0;
  pos: number;
  /** Inside a line longer than MAX_LINE_BYTES: dropping bytes up to its newline. */
  private discarding = false;

  constructor(start: number, private readonly end: number, private readonly buffer: ChunkBuffer) {
    this.pos = start;
  }

  want(): number {
    return Math.min(this.buffer.buf.length - this.filled, this.end - this.pos);
  }

  /** Takes n more bytes; false at the end of the range (after the last line without `\n`). */
  took(n: number, ingest: LineIngest): boolean {
    const buf = this.buffer.buf;
    if (n === 0) {
      if (this.discarding) ingest.tooLong();
      else ingest.finish(buf, 0, this.filled);
      this.discarding = false;
      return false;
    }
    this.pos += n;
    this.filled += n;
    let from = 0;
    if (this.discarding) {
      const nl = buf.subarray(0, this.filled).indexOf(10);
      if (nl < 0) {
        this.filled = 0;
        return true;
      }
      ingest.tooLong();
      this.discarding = false;
      from = nl + 1;
    }
    const rest = ingest.chunk(buf.subarray(0, this.filled), from, this.filled);
    if (rest === 0 && this.filled === buf.length && buf.length >= MAX_LINE_BYTES) {
      this.discarding = true;
      this.filled = 0;
      return true;
    }
    if (rest === 0 && this.filled === buf.length) {
      // One line longer than the buffer: grow it (memory follows the longest line, not the file).
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, this.filled);
      this.buffer.buf = bigger;
      return true;
    }
    buf.copyWithin(0, rest, this.filled);
    this.filled -= rest;
    return true;
  }
}
