// The JS side of the WebAssembly line scanner (assembly/lineScanner.ts): copies a chunk of bytes
// into its memory, lets it split and read the lines, and hands its records on with the strings as
// the scanner's interned ids (scannedRecord.ts), which the accumulator maps to its own by number.
// Interned strings are decoded once per thread, on their first use; every line it is unsure of
// comes back as UNSURE for the JS path.
import type { SessionStatus } from '../../health/types';
import { MAX_LINE_BYTES } from '../lineLimit';
import type { ScannedAggregate, ScannedEntry, ScannedNames, ScannedUpdate } from './scannedRecord';
import { lineScannerModule } from './wasmModule';

/** Bytes copied in per call, and the most lines one call reads. */
const INPUT_BYTES = 1 << 20;
const MAX_RECORDS = 16 << 10;

// The record layout written by assembly/lineScanner.ts (RECORD_INTS int32s, two float64s; an
// aggregate's entries: ENTRY_INTS int32s and one float64 each, in their own areas).
const RECORD_INTS = 14;
const ENTRY_INTS = 6;
export const UPDATE = 0;
export const BLANK = 1;
export const UNSURE = 2;
export const AGGREGATE = 3;
const NONE = -1;
const STATUSES: SessionStatus[] = ['ok', 'exited', 'errored', 'abnormal', 'crashed', 'unhandled'];

interface LineScannerExports {
  memory: WebAssembly.Memory;
  init(inputBytes: number, maxRecords: number, maxLineBytes: number): void;
  inputAddress(): number;
  recordsAddress(): number;
  timesAddress(): number;
  entryIntsAddress(): number;
  entryTimesAddress(): number;
  consumed(): number;
  stringCount(): number;
  stringAddress(id: number): number;
  stringLength(id: number): number;
  scan(length: number): number;
}

/** What a chunk's lines go to: a read record (reused by the next line), or a line (blank or unsure) for the JS path. */
export interface LineSink {
  update(update: ScannedUpdate): void;
  aggregate(aggregate: ScannedAggregate): void;
  blank(): void;
  other(buf: Buffer, start: number, end: number): void;
}

export class WasmLineScanner implements ScannedNames {
  private readonly wasm: LineScannerExports;
  private readonly input: number;
  private readonly records: number;
  private readonly times: number;
  private readonly entryInts: number;
  private readonly entryTimes: number;
  private memoryBuffer: ArrayBuffer | null = null;
  private bytes = Buffer.alloc(0);
  private ints = new Int32Array(0);
  private floats = new Float64Array(0);
  private readonly strings: string[] = [];
  /** The last sid read, as text, or (lastSidText null) where it is in the current chunk: it is sliced only when an errored update needs it. */
  private lastSidText: string | null = '';
  private lastSidStart = 0;
  private lastSidEnd = 0;
  private readonly update: ScannedUpdate = {
    names: this, project: NONE, release: NONE, environment: NONE, did: NONE, started: 0, init: false, status: 'ok', errors: 0,
    errored: false, sid: null, duration: null, mechanism: NONE,
  };
  private readonly aggregate: ScannedAggregate = { names: this, project: NONE, release: NONE, environment: NONE, entries: [] };
  private readonly entryPool: ScannedEntry[] = [];

  /** null when the module is not there (the JS scanner reads alone); `dir`: where to look first (wasmModule.ts). */
  static create(dir?: string): WasmLineScanner | null {
    const module = lineScannerModule(dir);
    return module ? new WasmLineScanner(module) : null;
  }

  private constructor(module: WebAssembly.Module) {
    this.wasm = new WebAssembly.Instance(module, { env: { abort: () => { throw new Error('raw line scanner aborted'); } } }).exports as unknown as LineScannerExports;
    this.wasm.init(INPUT_BYTES, MAX_RECORDS, MAX_LINE_BYTES);
    this.input = this.wasm.inputAddress();
    this.records = this.wasm.recordsAddress();
    this.times = this.wasm.timesAddress();
    this.entryInts = this.wasm.entryIntsAddress();
    this.entryTimes = this.wasm.entryTimesAddress();
  }

  /** Views of the memory, made again after it grew (growing detaches the old ones). */
  private views(): void {
    const b = this.wasm.memory.buffer;
    if (b === this.memoryBuffer) return;
    this.memoryBuffer = b;
    this.bytes = Buffer.from(b);
    this.ints = new Int32Array(b);
    this.floats = new Float64Array(b);
  }

  /** The interned string `id` (ScannedNames). */
  text(id: number): string {
    const s = this.strings[id];
    return s !== undefined ? s : this.decodeTo(id);
  }

  /**
   * Decodes every string interned since the last call (id among them): their bytes follow each
   * other in the scanner's pool, so one slice of the pool and a substring each, not one Buffer
   * slice per string (a call into C++ each).
   */
  private decodeTo(id: number): string {
    this.views();
    const from = this.strings.length;
    const to = this.wasm.stringCount();
    const start = this.wasm.stringAddress(from);
    const all = this.bytes.latin1Slice(start, this.wasm.stringAddress(to - 1) + this.wasm.stringLength(to - 1));
    for (let i = from; i < to; i++) {
      const at = this.wasm.stringAddress(i) - start;
      this.strings.push(all.substring(at, at + this.wasm.stringLength(i)));
    }
    return this.strings[id];
  }

  /** The complete lines of buf[start, end) to `sink`; returns where the unfinished last line begins. */
  chunk(buf: Buffer, start: number, end: number, sink: LineSink): number {
    let s = start;
    while (s < end) {
      const n = Math.min(end - s, INPUT_BYTES);
      this.views();
      this.bytes.set(buf.subarray(s, s + n), this.input);
      const count = this.wasm.scan(n);
      this.views();
      const used = this.wasm.consumed();
      if (used === 0) {
        // A line longer than the input buffer: the JS path reads it.
        const nl = buf.indexOf(10, s);
        if (nl < 0 || nl >= end) return s;
        sink.other(buf, s, nl);
        s = nl + 1;
        continue;
      }
      this.readRecords(buf, s, count, sink);
      s += used;
    }
    return s;
  }

  /** The aggregate record at int index r, its entries from the entry area (pooled objects, refilled). */
  private aggregateAt(r: number): ScannedAggregate {
    const ints = this.ints;
    const a = this.aggregate;
    a.release = ints[r + 3];
    a.environment = ints[r + 4];
    a.project = ints[r + 5];
    const first = ints[r + 6];
    const count = ints[r + 7];
    const entries = a.entries;
    entries.length = 0;
    for (let k = 0; k < count; k++) {
      const e = (this.entryInts >> 2) + (first + k) * ENTRY_INTS;
      let x = this.entryPool[k];
      if (x === undefined) this.entryPool.push((x = { started: 0, did: NONE, exited: 0, errored: 0, abnormal: 0, crashed: 0, unhandled: 0 }));
      x.started = this.floats[(this.entryTimes >> 3) + first + k];
      x.did = ints[e];
      x.exited = ints[e + 1];
      x.errored = ints[e + 2];
      x.abnormal = ints[e + 3];
      x.crashed = ints[e + 4];
      x.unhandled = ints[e + 5];
      entries.push(x);
    }
    return a;
  }

  private readRecords(buf: Buffer, base: number, count: number, sink: LineSink): void {
    const ints = this.ints;
    const floats = this.floats;
    const u = this.update;
    for (let i = 0; i < count; i++) {
      const r = (this.records >> 2) + i * RECORD_INTS;
      const kind = ints[r];
      if (kind === BLANK) {
        sink.blank();
        continue;
      }
      if (kind === AGGREGATE) {
        sink.aggregate(this.aggregateAt(r));
        continue;
      }
      if (kind !== UPDATE) {
        sink.other(buf, base + ints[r + 1], base + ints[r + 2]);
        continue;
      }
      const t = (this.times >> 3) + i * 2;
      u.release = ints[r + 3];
      u.environment = ints[r + 4];
      u.project = ints[r + 5];
      u.did = ints[r + 6];
      const flags = ints[r + 9];
      const status = (flags >> 1) & 7;
      u.init = (flags & 1) === 1;
      u.status = STATUSES[status];
      u.errors = ints[r + 10];
      // STATUSES: 0 ok, 1 exited; any other status, or an error, makes the session errored.
      u.errored = u.errors > 0 || status > 1;
      const sid = ints[r + 7];
      if (sid >= 0) {
        this.lastSidText = null;
        this.lastSidStart = base + sid;
        this.lastSidEnd = base + ints[r + 8];
      }
      if (!u.errored) u.sid = null;
      else if (sid === NONE) u.sid = null;
      else u.sid = this.lastSidText ??= buf.latin1Slice(this.lastSidStart, this.lastSidEnd);
      u.mechanism = ints[r + 11];
      u.started = floats[t];
      const durationKind = flags >> 4;
      if (durationKind === 0) u.duration = null;
      else if (durationKind === 1) u.duration = floats[t + 1];
      else {
        // Number() of a JSON number literal is the value JSON.parse gives it.
        const v = Number(buf.latin1Slice(base + ints[r + 12], base + ints[r + 13]));
        u.duration = Number.isFinite(v) && v >= 0 ? v : null;
      }
      sink.update(u);
    }
    // The next chunk's SAME_SID may refer to the last sid: keep its text, not where it was in this buffer.
    this.lastSidText ??= buf.latin1Slice(this.lastSidStart, this.lastSidEnd);
  }
}
