// The fast raw reader: the field scanner on large chunks, and on a big file every core. The file
// is cut at line breaks into segments; threads claim segments from a shared queue (each its own
// stretch of the file first, then what others have left) into their own accumulators, which are
// merged here (exact: ids translated by string, sets unioned, counters added, first seen the
// minimum; nothing the figures depend on follows the order of keys), and the segments' skip
// reports are put back in file order. Small files, or no usable worker, are read in this thread
// by the same code; a worker failing for any reason makes the whole file be read again in this
// thread, so the answer never depends on threads.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as WorkerThreads from 'worker_threads';
import type { Worker } from 'worker_threads';
import { mergeSnapshot } from './accumulatorSnapshot';
import { LineIngest } from './lineIngest';
import { WasmLineScanner } from './wasm/wasmLineScanner';
import { ChunkBuffer, readRangeAsync, readRangeSync } from './rangeReader';
import { mergeSkipReports, type ReadJob, type SegmentResult, type ThreadResult, type WorkerReply } from './rangeResult';
import type { ReadOptions, ReadResult } from './readOptions';
import { readSegments } from './readSegments';
import { newSegmentQueue } from './segmentQueue';
import type { SessionAccumulator } from './sessionAccumulator';

export interface FastReadOptions {
  /** Threads for a big file; default: the machine's parallelism (at most MAX_THREADS). 1 or less: this thread only. */
  workers?: number;
  /** The bundled worker script; default `readerWorker.js` beside this bundle (dist/). */
  workerPath?: string;
  /** Files smaller than this are read in this thread: starting workers would cost more than it saves. */
  minParallelBytes?: number;
  /** Read size; default rangeReader's CHUNK_BYTES (tests make it tiny to cut lines across reads). */
  chunkBytes?: number;
  /** Segment size; default from the file size (tests make it tiny to have many). */
  segmentBytes?: number;
  /**
   * This thread reads segments too, beside the workers (it is blocked meanwhile): one worker fewer
   * to start and to merge. For a CLI, whose thread has nothing else to do; not for an extension host.
   */
  mainThreadRange?: boolean;
  /**
   * This thread may block: a file read here is read with sync calls (no fs.promises, whose first
   * use loads the stream and readline modules, no thread-pool round trips). For a CLI.
   */
  blocking?: boolean;
}

export interface FastReadResult extends ReadResult {
  /** Threads that read the file (1: this thread). */
  threads: number;
  /** Lines the scanner left to the reference parser. */
  fallbacks: number;
}

const MAX_THREADS = 4;
/** Below this, starting a worker and warming up a second JIT cost more than the second core saves (measured: 46 MB is break-even on 2 cores). */
const MIN_PARALLEL_BYTES = 64 << 20;
/** Segments: about eight per thread, so that taking the last ones evens the threads out, of 4 to 16 MB. */
const SEGMENTS_PER_THREAD = 8;
const MIN_SEGMENT_BYTES = 4 << 20;
const MAX_SEGMENT_BYTES = 16 << 20;
const MAX_SEGMENTS = 0xffff;
/**
 * A worker's young generation (V8's default grows to 3 x 16 MB semispaces): what a reader
 * allocates per line is short-lived and small, its accumulator long-lived, so a small nursery
 * costs little time and keeps the peak RSS of a 1M-session read under 200 MB.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

export async function readSessionFileFast(
  file: string,
  options: ReadOptions & FastReadOptions,
  newAccumulator: () => SessionAccumulator,
): Promise<FastReadResult> {
  const size = (options.blocking === true ? fs.statSync(file) : await fs.promises.stat(file)).size;
  const threads = Math.min(options.workers ?? os.availableParallelism(), MAX_THREADS);
  const workerPath = options.workerPath ?? path.join(__dirname, 'readerWorker.js');
  if (threads >= 2 && size >= (options.minParallelBytes ?? MIN_PARALLEL_BYTES) && fs.existsSync(workerPath)) {
    try {
      return await readInThreads(file, size, threads, workerPath, options, newAccumulator);
    } catch {
      // Fall through: this thread reads the whole file (same answer, one core).
    }
  }
  return readInThisThread(file, newAccumulator(), path.dirname(workerPath), options.chunkBytes, options.blocking === true);
}

async function readInThisThread(file: string, accumulator: SessionAccumulator, scannerDir: string, chunkBytes: number | undefined, blocking: boolean): Promise<FastReadResult> {
  const ingest = new LineIngest(accumulator, true, undefined, WasmLineScanner.create(scannerDir));
  if (blocking) {
    const fd = fs.openSync(file, 'r');
    try {
      readRangeSync(fd, 0, Infinity, ingest, new ChunkBuffer(chunkBytes));
    } finally {
      fs.closeSync(fd);
    }
  } else {
    const handle = await fs.promises.open(file, 'r');
    try {
      await readRangeAsync(handle, 0, Infinity, ingest, new ChunkBuffer(chunkBytes));
    } finally {
      await handle.close();
    }
  }
  return { accumulator, skipped: ingest.skips.toJSON(), lines: ingest.lines, threads: 1, fallbacks: ingest.fallbacks };
}

async function readInThreads(
  file: string,
  size: number,
  threads: number,
  workerPath: string,
  options: ReadOptions & FastReadOptions,
  newAccumulator: () => SessionAccumulator,
): Promise<FastReadResult> {
  const segmentBytes =
    options.segmentBytes ?? Math.min(MAX_SEGMENT_BYTES, Math.max(MIN_SEGMENT_BYTES, Math.ceil(size / (threads * SEGMENTS_PER_THREAD))));
  const bounds = await rangeBounds(file, size, Math.max(1, Math.min(MAX_SEGMENTS, Math.ceil(size / segmentBytes))));
  const job: ReadJob = {
    path: file,
    bounds,
    queue: newSegmentQueue(bounds.length - 1, threads),
    thread: 0,
    now: options.now,
    defaultProject: options.defaultProject,
    chunkBytes: options.chunkBytes,
    scannerDir: path.dirname(workerPath),
  };
  const here = options.mainThreadRange === true;
  const running: Worker[] = [];
  const accumulator = newAccumulator();
  const segments: SegmentResult[] = [];
  let results: ThreadResult[];
  try {
    // Thread 0 is this one when it reads too; the workers are the others.
    const first = here ? 1 : 0;
    const pending = Promise.all(Array.from({ length: threads - first }, (_, i) => runWorker({ ...job, thread: first + i }, workerPath, running)));
    pending.catch(() => undefined); // awaited below, after this thread's own share
    if (here) segments.push(...readSegments(job, accumulator));
    results = await pending;
  } finally {
    for (const w of running) void w.terminate();
  }
  for (const r of results) {
    mergeSnapshot(accumulator, r.snapshot);
    segments.push(...r.segments);
  }
  return {
    accumulator,
    skipped: mergeSkipReports(segments),
    lines: segments.reduce((n, r) => n + r.lines, 0),
    threads,
    fallbacks: segments.reduce((n, r) => n + r.fallbacks, 0),
  };
}

function runWorker(job: ReadJob, workerPath: string, running: Worker[]): Promise<ThreadResult> {
  return new Promise((resolve, reject) => {
    // Required here, not at load: a small file (most CLI runs) never starts a worker.
    const { Worker } = require('worker_threads') as typeof WorkerThreads;
    const worker = new Worker(workerPath, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    running.push(worker);
    worker.once('message', (reply: WorkerReply) => (reply.ok ? resolve(reply.result) : reject(new Error(reply.error))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`reader worker exited (${code})`)));
  });
}

/** n + 1 offsets 0 = b0 <= b1 <= ... <= bn = size, each b1..b(n-1) just after a line break (or at the end). */
export async function rangeBounds(file: string, size: number, n: number): Promise<number[]> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const bounds = [0];
    const block = Buffer.allocUnsafe(64 << 10);
    for (let i = 1; i < n; i++) {
      const target = Math.max(bounds[i - 1], Math.floor((size * i) / n));
      bounds.push(target === 0 ? 0 : await lineStartFrom(handle, target, size, block));
    }
    bounds.push(size);
    return bounds;
  } finally {
    await handle.close();
  }
}

/** The first offset >= p that begins a line (the byte before it is `\n`), or size. */
async function lineStartFrom(handle: fs.promises.FileHandle, p: number, size: number, block: Buffer): Promise<number> {
  let pos = p - 1;
  while (pos < size) {
    const { bytesRead } = await handle.read(block, 0, block.length, pos);
    if (bytesRead === 0) break;
    const i = block.subarray(0, bytesRead).indexOf(10);
    if (i >= 0) return pos + i + 1;
    pos += bytesRead;
  }
  return size;
}
