// The durable store: one append-only file of framed records. A frame is
//   magic "RHL1" | kind u8 | 3 zero bytes | payload length u32 LE | crc32(kind, payload) u32 LE | payload
// Appends are group-committed: every caller's frame is written and fdatasync'ed before its
// promise resolves, and concurrent callers share one fsync. A crash can only tear the tail (the
// file is append-only), so opening the log checks every frame and truncates at the first one
// that is short or fails its checksum.
import * as fs from 'fs';
import * as path from 'path';
import { crc32 } from 'zlib';

const MAGIC = 0x314c4852; // "RHL1" read as little-endian u32
const HEADER = 16;
/** Guards against reading a garbage length as a huge allocation. */
const MAX_PAYLOAD = 256 * 1024 * 1024;
const CHUNK = 8 * 1024 * 1024;

export interface Frame {
  kind: number;
  payload: Buffer;
}

export interface OpenReport {
  frames: number;
  validBytes: number;
  /** Bytes cut from a torn or corrupt tail. */
  truncatedBytes: number;
}

function checksum(kind: number, payload: Buffer): number {
  return crc32(payload, crc32(Buffer.of(kind)));
}

export function encodeFrame(kind: number, payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(HEADER + payload.length);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt8(kind, 4);
  out.fill(0, 5, 8);
  out.writeUInt32LE(payload.length, 8);
  out.writeUInt32LE(checksum(kind, payload), 12);
  payload.copy(out, HEADER);
  return out;
}

/**
 * Reads valid frames from the start of a file, in order. Stops at the end of the file or at the
 * first frame that is incomplete or fails its check, and reports where the valid part ends.
 */
export function readFrames(file: string, visit: (frame: Frame) => void): { frames: number; validBytes: number; fileBytes: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const fileBytes = fs.fstatSync(fd).size;
    let buf = Buffer.alloc(0);
    let bufStart = 0; // file offset of buf[0]
    let pos = 0; // file offset of the next frame
    let frames = 0;
    const ensure = (need: number): boolean => {
      const have = bufStart + buf.length - pos;
      if (have >= need) return true;
      if (pos + need > fileBytes) return false;
      const keep = buf.subarray(pos - bufStart);
      const next = Buffer.allocUnsafe(Math.max(need, CHUNK));
      keep.copy(next, 0);
      const want = Math.min(next.length - keep.length, fileBytes - (pos + keep.length));
      let got = 0;
      while (got < want) {
        const n = fs.readSync(fd, next, keep.length + got, want - got, pos + keep.length + got);
        if (n === 0) break;
        got += n;
      }
      buf = next.subarray(0, keep.length + got);
      bufStart = pos;
      return buf.length >= need;
    };
    while (pos < fileBytes) {
      if (!ensure(HEADER)) break;
      const at = pos - bufStart;
      if (buf.readUInt32LE(at) !== MAGIC) break;
      const kind = buf.readUInt8(at + 4);
      const length = buf.readUInt32LE(at + 8);
      const sum = buf.readUInt32LE(at + 12);
      if (length > MAX_PAYLOAD || !ensure(HEADER + length)) break;
      const start = pos - bufStart + HEADER;
      const payload = buf.subarray(start, start + length);
      if (checksum(kind, payload) !== sum) break;
      visit({ kind, payload });
      frames++;
      pos += HEADER + length;
    }
    return { frames, validBytes: pos, fileBytes };
  } finally {
    fs.closeSync(fd);
  }
}

interface Pending {
  frame: Buffer;
  resolve: () => void;
  reject: (err: Error) => void;
}

export class StorageLog {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private failed: Error | null = null;
  private closed = false;

  private constructor(
    readonly file: string,
    private readonly fd: number,
    private size: number,
  ) {}

  /**
   * Opens (creating if needed) the log, checks every frame, truncates a torn tail, and returns
   * the log ready for appends. `visit` sees each valid frame of this first pass.
   */
  static open(file: string, visit: (frame: Frame) => void = () => undefined): { log: StorageLog; report: OpenReport } {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const existed = fs.existsSync(file);
    if (!existed) {
      fs.closeSync(fs.openSync(file, 'a'));
      syncDirectory(path.dirname(file));
    }
    const { frames, validBytes, fileBytes } = readFrames(file, visit);
    if (validBytes < fileBytes) {
      // A torn or corrupt tail: nothing after it was acknowledged (appends are sequential), so cut it.
      fs.truncateSync(file, validBytes);
      const fd = fs.openSync(file, 'r+');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    }
    const fd = fs.openSync(file, 'a');
    return { log: new StorageLog(file, fd, validBytes), report: { frames, validBytes, truncatedBytes: fileBytes - validBytes } };
  }

  get bytes(): number {
    return this.size;
  }

  /** Resolves once the frame is on disk (written and fdatasync'ed). */
  append(kind: number, payload: Buffer): Promise<void> {
    if (this.closed) return Promise.reject(new Error('storage log is closed'));
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ frame: encodeFrame(kind, payload), resolve, reject });
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      const data = batch.length === 1 ? batch[0].frame : Buffer.concat(batch.map((p) => p.frame));
      try {
        await writeAll(this.fd, data);
        await new Promise<void>((res, rej) => fs.fdatasync(this.fd, (err) => (err ? rej(err) : res())));
        this.size += data.length;
        for (const p of batch) p.resolve();
      } catch (err) {
        // A partial write would leave garbage before later frames: cut back to the last good size
        // and refuse further appends, so no later acknowledgement sits behind a bad frame.
        this.failed = err instanceof Error ? err : new Error(String(err));
        try {
          fs.ftruncateSync(this.fd, this.size);
        } catch {
          // Recovery on the next open truncates at the bad frame anyway.
        }
        for (const p of batch) p.reject(this.failed);
        for (const p of this.queue.splice(0)) p.reject(this.failed);
      }
    }
    this.flushing = null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.flushing) await this.flushing;
    fs.closeSync(this.fd);
  }
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
