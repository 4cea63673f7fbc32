// The durable store: one append-only file of framed records (framing and scanning: frameScan.ts).
// Appends are group-committed: every caller's frame is written and fdatasync'ed before its
// promise resolves, and concurrent callers share one fsync. A crash can only tear the tail (the
// file is append-only); anything else that fails its check is damage (a bad disk, a flipped
// bit). Opening the log keeps every frame that checks out, before and after the damage, moves
// the damaged bytes aside into the data dir, and says where and how many.
import * as fs from 'fs';
import * as path from 'path';
import { encodeFrames, HEADER, MAGIC, MAX_PAYLOAD, scanFrames, type DamagedRange, type Frame, type FrameInput } from './frameScan';

export { encodeFrame, readFrames, type Frame } from './frameScan';

export interface MovedRange extends DamagedRange {
  /** Where the bytes were moved to; null for a plainly torn tail (a crash mid-append), not kept. */
  savedTo: string | null;
}

export interface OpenReport {
  frames: number;
  validBytes: number;
  /** Bytes cut from the end of the file (a torn tail, or damage with nothing valid after it). */
  truncatedBytes: number;
  /** Damaged stretches with valid frames after them, moved out of the log (and the tail, if any). */
  damaged: MovedRange[];
  /** Valid frames that followed the first damaged stretch: kept. */
  framesAfterDamage: number;
}

/** Log files are private to the server's user: they hold every session's user id. */
export const LOG_FILE_MODE = 0o600;

interface Pending extends FrameInput {
  resolve: () => void;
  reject: (err: Error) => void;
}

export interface LogOptions {
  /** Sees each valid frame of the opening scan. */
  visit?: (frame: Frame) => void;
  /** Warnings: write failures (once per outage) and recovery from them. */
  warn?: (line: string) => void;
}

/** After a failed write, how long appends are refused before the log is reopened and tried again. */
const RETRY_MS = 1000;
/**
 * Group commit: how long a flush may wait for as many frames as the previous fsync carried. The
 * callers answered by that fsync send their next envelopes a moment later; without the wait the
 * first of them gets an fsync of its own and the rest queue behind it (batches of 1, 63, 1, 63).
 */
const GATHER_MS = 2;

export interface LogStats {
  /** fdatasync calls that succeeded. */
  syncs: number;
  /** Frames they made durable. */
  frames: number;
}

export class StorageLog {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  /** Set while writes fail: the cause, and when to try again. */
  private outage: { error: Error; retryAt: number } | null = null;
  /** The file may hold bytes past `size` that a failed write left: cut them before writing. */
  private dirtyTail = false;
  private closed = false;
  private lastBatch = 0;
  private gathered: (() => void) | null = null;
  readonly stats: LogStats = { syncs: 0, frames: 0 };

  private constructor(
    readonly file: string,
    private fd: number,
    private size: number,
    private readonly warn: (line: string) => void,
  ) {}

  /**
   * Opens (creating if needed) the log, checks every frame, moves damaged bytes aside (keeping
   * every valid frame, also those after the damage), and returns the log ready for appends.
   */
  static open(file: string, options: LogOptions = {}): { log: StorageLog; report: OpenReport } {
    const visit = options.visit ?? (() => undefined);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file)) {
      fs.closeSync(fs.openSync(file, 'a', LOG_FILE_MODE));
      syncDirectory(path.dirname(file));
    }
    fs.chmodSync(file, LOG_FILE_MODE); // also a log made before logs were private
    fs.rmSync(`${file}.repair`, { force: true });
    const scan = scanFrames(file, visit);
    const tail = scan.damaged.length > 0 && scan.damaged[scan.damaged.length - 1].offset + scan.damaged[scan.damaged.length - 1].bytes === scan.fileBytes
      ? scan.damaged[scan.damaged.length - 1]
      : null;
    const damaged: MovedRange[] = scan.damaged.map((d) => ({ ...d, savedTo: d === tail && isTornWrite(file, d) ? null : saveAside(file, d) }));
    const inner = scan.damaged.filter((d) => d !== tail);
    let validBytes = scan.validEnd;
    if (inner.length > 0) {
      // Valid frames follow the damage: rebuild the log from the valid stretches, then swap it in.
      validBytes = rebuildWithout(file, scan.damaged, scan.fileBytes);
    } else if (tail) {
      // Nothing valid after it: nothing after it was acknowledged (appends are sequential).
      fs.truncateSync(file, scan.validEnd);
      const fd = fs.openSync(file, 'r+');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    }
    const fd = fs.openSync(file, 'a', LOG_FILE_MODE);
    const report: OpenReport = { frames: scan.frames, validBytes, truncatedBytes: tail?.bytes ?? 0, damaged, framesAfterDamage: scan.framesAfterDamage };
    return { log: new StorageLog(file, fd, validBytes, options.warn ?? (() => undefined)), report };
  }

  get bytes(): number {
    return this.size;
  }

  /** Resolves once the frame is on disk (written and fdatasync'ed). A text payload is written in UTF-8. */
  append(kind: number, payload: Buffer | string): Promise<void> {
    if (this.closed) return Promise.reject(new Error('storage log is closed'));
    if (this.outage && Date.now() < this.outage.retryAt) return Promise.reject(this.outage.error);
    // A frame the scan would read back as damage is refused here, so it fails alone, not its batch.
    if (payloadBytes(payload) > MAX_PAYLOAD) return Promise.reject(new Error(`a log frame holds at most ${MAX_PAYLOAD} bytes`));
    return new Promise<void>((resolve, reject) => {
      // Encoded at flush time, the whole batch into one buffer.
      this.queue.push({ kind, payload, resolve, reject });
      if (this.gathered && this.queue.length >= this.lastBatch) this.gathered();
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0) {
      if (this.queue.length < this.lastBatch && !this.closed) await this.gather();
      const batch = this.queue;
      this.queue = [];
      let data: Buffer;
      try {
        data = encodeFrames(batch);
      } catch (err) {
        // The batch's buffer could not be allocated: its callers fail, the log goes on.
        const error = err instanceof Error ? err : new Error(String(err));
        for (const p of batch) p.reject(error);
        continue;
      }
      try {
        if (this.outage || this.dirtyTail) this.reopen();
        await writeAll(this.fd, data);
        await new Promise<void>((res, rej) => fs.fdatasync(this.fd, (err) => (err ? rej(err) : res())));
        this.size += data.length;
        this.stats.syncs++;
        this.stats.frames += batch.length;
        this.lastBatch = batch.length;
        if (this.outage) {
          this.warn(`storage log: writes succeed again (${this.file})`);
          this.outage = null;
        }
        for (const p of batch) p.resolve();
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        if (!this.outage) this.warn(`storage log: write failed, answering 503 until it succeeds: ${error.message}`);
        this.outage = { error, retryAt: Date.now() + RETRY_MS };
        // A partial write would leave garbage before later frames: cut back to the last good size
        // (again before the next write, if this fails too).
        this.dirtyTail = true;
        try {
          fs.ftruncateSync(this.fd, this.size);
          this.dirtyTail = false;
        } catch {
          // Retried by reopen() before the next write.
        }
        for (const p of batch) p.reject(error);
        for (const p of this.queue.splice(0)) p.reject(error);
      }
    }
    this.flushing = null;
  }

  /** Resolves once the queue holds as many frames as the last fsync carried, or after GATHER_MS. */
  private gather(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, GATHER_MS);
      function done(this: void): void {
        clearTimeout(timer);
        resolve();
      }
      this.gathered = () => {
        this.gathered = null;
        done();
      };
    }).finally(() => {
      this.gathered = null;
    });
  }

  /** After a failure: a fresh descriptor, and the file cut back to what was acknowledged. */
  private reopen(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // Already unusable.
    }
    this.fd = fs.openSync(this.file, 'a', LOG_FILE_MODE);
    fs.ftruncateSync(this.fd, this.size);
    this.dirtyTail = false;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.flushing) await this.flushing;
    fs.closeSync(this.fd);
  }
}

/**
 * A tail that is only the start of one frame (shorter than a header, or a header whose length
 * runs past the end of the file): what a crash mid-append leaves. Anything else is damage.
 */
function isTornWrite(file: string, d: DamagedRange): boolean {
  if (d.bytes < HEADER) return true;
  const head = Buffer.alloc(HEADER);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, HEADER, d.offset);
  } finally {
    fs.closeSync(fd);
  }
  return head.readUInt32LE(0) === MAGIC && head[5] === 0 && head[6] === 0 && head[7] === 0 && HEADER + head.readUInt32LE(8) > d.bytes;
}

/** Copies a damaged stretch next to the log (fsync'ed), named by its offset. */
function saveAside(file: string, d: DamagedRange): string {
  const target = `${file}.damaged-at-${d.offset}-${Date.now()}`;
  const from = fs.openSync(file, 'r');
  const to = fs.openSync(target, 'w', LOG_FILE_MODE);
  try {
    copyRange(from, to, d.offset, d.bytes);
    fs.fsyncSync(to);
  } finally {
    fs.closeSync(from);
    fs.closeSync(to);
  }
  syncDirectory(path.dirname(file));
  return target;
}

/** Writes the log minus the damaged stretches to FILE.repair, then renames it over the log. */
function rebuildWithout(file: string, damaged: DamagedRange[], fileBytes: number): number {
  const tmp = `${file}.repair`;
  const from = fs.openSync(file, 'r');
  const to = fs.openSync(tmp, 'w', LOG_FILE_MODE);
  let written = 0;
  try {
    let pos = 0;
    for (const d of [...damaged, { offset: fileBytes, bytes: 0 }]) {
      if (d.offset > pos) written += copyRange(from, to, pos, d.offset - pos);
      pos = d.offset + d.bytes;
    }
    fs.fsyncSync(to);
  } finally {
    fs.closeSync(from);
    fs.closeSync(to);
  }
  fs.renameSync(tmp, file);
  syncDirectory(path.dirname(file));
  return written;
}

function copyRange(from: number, to: number, offset: number, length: number): number {
  const buf = Buffer.allocUnsafe(Math.min(length, 8 * 1024 * 1024));
  let done = 0;
  while (done < length) {
    const n = fs.readSync(from, buf, 0, Math.min(buf.length, length - done), offset + done);
    if (n === 0) break;
    let w = 0;
    while (w < n) w += fs.writeSync(to, buf, w, n - w);
    done += n;
  }
  return done;
}

function writeAll(fd: number, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (offset: number): void => {
      fs.write(fd, data, offset, data.length - offset, null, (err, written) => {
        if (err) return reject(err);
        if (offset + written < data.length) return step(offset + written);
        resolve();
      });
    };
    step(0);
  });
}

function syncDirectory(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems cannot fsync a directory; the file's own fsyncs still hold.
  }
}

function payloadBytes(payload: Buffer | string): number {
  if (typeof payload !== 'string') return payload.length;
  // UTF-8 takes at most 3 bytes per UTF-16 unit: count exactly only when it could matter.
  return payload.length * 3 <= MAX_PAYLOAD ? payload.length : Buffer.byteLength(payload, 'utf8');
}
