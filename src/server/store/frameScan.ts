// Reading the storage log's frames back, resynchronising past damage. A frame is
//   magic "RHL1" | kind u8 | 3 zero bytes | payload length u32 LE | crc32(kind, payload) u32 LE | payload
// A frame that is short or fails its check is damage; the scan then looks for the next offset
// where a whole frame checks out and carries on from there. Payloads are JSON text, which never
// holds the header's zero bytes, so a frame cannot hide inside another frame's payload.
import * as fs from 'fs';
import { crc32 } from 'zlib';

export const MAGIC = 0x314c4852; // "RHL1" read as little-endian u32
const MAGIC_BYTES = Buffer.from('RHL1', 'latin1');
export const HEADER = 16;
/** Guards against reading a garbage length as a huge allocation. */
export const MAX_PAYLOAD = 256 * 1024 * 1024;
const CHUNK = 8 * 1024 * 1024;

export interface Frame {
  kind: number;
  payload: Buffer;
  /** File offset of the frame's first byte. */
  offset: number;
}

/** A stretch of bytes that holds no valid frame. */
export interface DamagedRange {
  offset: number;
  bytes: number;
}

export interface ScanResult {
  frames: number;
  fileBytes: number;
  /** End of the last valid frame. */
  validEnd: number;
  /** Damaged stretches in file order; one reaching the end of the file is a torn (or damaged) tail. */
  damaged: DamagedRange[];
  /** Valid frames after the first damaged stretch. */
  framesAfterDamage: number;
}

/** crc32 of the kind byte alone, per kind: where each frame's checksum starts. */
const KIND_CRC: number[] = Array.from({ length: 256 }, (_, kind) => crc32(Buffer.of(kind)));

function checksum(kind: number, payload: Buffer): number {
  return crc32(payload, KIND_CRC[kind]);
}

export function encodeFrame(kind: number, payload: Buffer): Buffer {
  return encodeFrames([{ kind, payload }]);
}

/** A frame to write: its payload as bytes, or as text written in UTF-8. */
export interface FrameInput {
  kind: number;
  payload: Buffer | string;
}

/** Frames back to back in one buffer (one allocation, each payload copied or encoded once). */
export function encodeFrames(frames: readonly FrameInput[]): Buffer {
  let total = 0;
  for (const f of frames) total += HEADER + (typeof f.payload === 'string' ? Buffer.byteLength(f.payload, 'utf8') : f.payload.length);
  const out = Buffer.allocUnsafe(total);
  let pos = 0;
  for (const f of frames) {
    const start = pos + HEADER;
    const length = typeof f.payload === 'string' ? out.write(f.payload, start, 'utf8') : f.payload.copy(out, start);
    out.writeUInt32LE(MAGIC, pos);
    out.writeUInt32LE(f.kind, pos + 4); // kind u8, then three zero bytes
    out.writeUInt32LE(length, pos + 8);
    out.writeUInt32LE(checksum(f.kind, out.subarray(start, start + length)), pos + 12);
    pos = start + length;
  }
  return out;
}

/** A read-ahead window over a file, for forward scans. */
class Window {
  private buf = Buffer.alloc(0);
  private start = 0;

  constructor(private readonly fd: number, readonly size: number) {}

  /** The bytes [pos, pos+len), or null past the end of the file. */
  slice(pos: number, len: number): Buffer | null {
    if (pos + len > this.size) return null;
    if (pos < this.start || pos + len > this.start + this.buf.length) this.load(pos, len);
    return this.buf.subarray(pos - this.start, pos - this.start + len);
  }

  /** File offset of the next magic at or after `from`, or -1. */
  nextMagic(from: number): number {
    let pos = from;
    while (pos + MAGIC_BYTES.length <= this.size) {
      if (pos < this.start || pos >= this.start + this.buf.length - MAGIC_BYTES.length) this.load(pos, MAGIC_BYTES.length);
      const at = this.buf.indexOf(MAGIC_BYTES, pos - this.start);
      if (at >= 0) return this.start + at;
      pos = this.start + this.buf.length - MAGIC_BYTES.length + 1;
    }
    return -1;
  }

  private load(pos: number, need: number): void {
    const length = Math.min(Math.max(need, CHUNK), this.size - pos);
    const next = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const n = fs.readSync(this.fd, next, got, length - got, pos + got);
      if (n === 0) break;
      got += n;
    }
    this.buf = next.subarray(0, got);
    this.start = pos;
  }
}

/** The frame starting exactly at `pos` if it is whole and checks out. */
function frameAt(w: Window, pos: number): Frame | null {
  const head = w.slice(pos, HEADER);
  if (head === null || head.readUInt32LE(0) !== MAGIC || head[5] !== 0 || head[6] !== 0 || head[7] !== 0) return null;
  const kind = head.readUInt8(4);
  const length = head.readUInt32LE(8);
  const sum = head.readUInt32LE(12);
  if (length > MAX_PAYLOAD) return null;
  const whole = w.slice(pos, HEADER + length);
  if (whole === null) return null;
  const payload = whole.subarray(HEADER);
  if (checksum(kind, payload) !== sum) return null;
  return { kind, payload, offset: pos };
}

/** Visits every valid frame in file order, skipping (and reporting) damaged stretches. */
export function scanFrames(file: string, visit: (frame: Frame) => void): ScanResult {
  const fd = fs.openSync(file, 'r');
  try {
    const w = new Window(fd, fs.fstatSync(fd).size);
    const damaged: DamagedRange[] = [];
    let frames = 0;
    let framesAfterDamage = 0;
    let validEnd = 0;
    let pos = 0;
    while (pos < w.size) {
      const frame = frameAt(w, pos);
      if (frame) {
        visit(frame);
        frames++;
        if (damaged.length > 0) framesAfterDamage++;
        pos += HEADER + frame.payload.length;
        validEnd = pos;
        continue;
      }
      // Resynchronise: the next offset where a whole frame checks out.
      let next = w.nextMagic(pos + 1);
      while (next >= 0 && frameAt(w, next) === null) next = w.nextMagic(next + 1);
      const end = next < 0 ? w.size : next;
      damaged.push({ offset: pos, bytes: end - pos });
      pos = end;
    }
    return { frames, fileBytes: w.size, validEnd, damaged, framesAfterDamage };
  } finally {
    fs.closeSync(fd);
  }
}

/** The valid frames only (after a repair the log holds nothing else). */
export function readFrames(file: string, visit: (frame: Frame) => void): { frames: number; validBytes: number; fileBytes: number } {
  const r = scanFrames(file, visit);
  return { frames: r.frames, validBytes: r.validEnd, fileBytes: r.fileBytes };
}
