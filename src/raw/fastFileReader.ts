// The fast raw reader: the field scanner on large chunks, and on a big file both cores: the file
// is split at line breaks into one byte range per worker thread, each worker reads its range into
// its own accumulator, and the snapshots are merged here in file order (exact: ids are translated
// by string, sets union, first seen is the minimum, line numbers are the file's). Small files, or
// no usable worker, are read in this thread by the same code; a worker failing for any reason
// makes the whole file be read again in this thread, so the answer never depends on threads.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { mergeSnapshot } from './accumulatorSnapshot';
import { LineIngest } from './lineIngest';
import { readRangeAsync, readRangeSync } from './rangeReader';
import { mergeSkipReports, type RangeJob, type RangeResult, type WorkerReply } from './rangeResult';
import type { SkipReport } from '../health/types';
import type { ReadOptions, ReadResult } from './readSessionFile';
import type { SessionAccumulator } from './sessionAccumulator';

export interface FastReadOptions {
  /** Worker threads for a big file; default: the machine's parallelism (at most MAX_WORKERS). 1 or less: this thread only. */
  workers?: number;
  /** The bundled worker script; default `readerWorker.js` beside this bundle (dist/). */
  workerPath?: string;
  /** Files smaller than this are read in this thread: starting workers would cost more than it saves. */
  minParallelBytes?: number;
  /** Read size; default rangeReader's CHUNK_BYTES (tests make it tiny to cut lines across reads). */
  chunkBytes?: number;
  /**
   * This thread reads the first range itself while the workers read the others (it blocks this
   * thread meanwhile): one worker fewer to start, and no snapshot or merge of that range. For a
   * CLI, whose thread has nothing else to do; not for an extension host.
   */
  mainThreadRange?: boolean;
}

export interface FastReadResult extends ReadResult {
  /** Threads that read the file (1: this thread). */
  threads: number;
  /** Lines the scanner left to the reference parser. */
  fallbacks: number;
}

const MAX_WORKERS = 4;
const MIN_PARALLEL_BYTES = 8 << 20;

export async function readSessionFileFast(
  file: string,
  options: ReadOptions & FastReadOptions,
  newAccumulator: () => SessionAccumulator,
): Promise<FastReadResult> {
  const size = (await fs.promises.stat(file)).size;
  const workers = Math.min(options.workers ?? os.availableParallelism(), MAX_WORKERS);
  const workerPath = options.workerPath ?? path.join(__dirname, 'readerWorker.js');
  if (workers >= 2 && size >= (options.minParallelBytes ?? MIN_PARALLEL_BYTES) && fs.existsSync(workerPath)) {
    try {
      return await readInWorkers(file, size, workers, workerPath, options, newAccumulator);
    } catch {
      // Fall through: this thread reads the whole file (same answer, one core).
    }
  }
  return readInThisThread(file, newAccumulator(), options.chunkBytes);
}

async function readInThisThread(file: string, accumulator: SessionAccumulator, chunkBytes?: number): Promise<FastReadResult> {
  const ingest = new LineIngest(accumulator, true);
  const handle = await fs.promises.open(file, 'r');
  try {
    await readRangeAsync(handle, 0, Infinity, ingest, chunkBytes);
  } finally {
    await handle.close();
  }
  return { accumulator, skipped: ingest.skips.toJSON(), lines: ingest.lines, threads: 1, fallbacks: ingest.fallbacks };
}

async function readInWorkers(
  file: string,
  size: number,
  workers: number,
  workerPath: string,
  options: ReadOptions & FastReadOptions,
  newAccumulator: () => SessionAccumulator,
): Promise<FastReadResult> {
  const bounds = await rangeBounds(file, size, workers);
  const jobs: RangeJob[] = [];
  for (let i = 0; i < workers; i++) {
    const last = i === workers - 1;
    // Empty ranges hold no line; skipping them keeps every other range's line offsets right.
    if (!last && bounds[i + 1] === bounds[i]) continue;
    jobs.push({
      path: file,
      start: bounds[i],
      end: last ? null : bounds[i + 1],
      now: options.now,
      defaultProject: options.defaultProject,
      chunkBytes: options.chunkBytes,
    });
  }
  const here = options.mainThreadRange === true ? jobs[0] : null;
  const running: Worker[] = [];
  const accumulator = newAccumulator();
  const ranges: Array<{ lines: number; skipped: SkipReport; fallbacks: number }> = [];
  let results: RangeResult[];
  try {
    const pending = Promise.all(jobs.slice(here ? 1 : 0).map((job) => runWorker(job, workerPath, running)));
    pending.catch(() => undefined); // awaited below, after this thread's own range
    if (here) {
      // The first range, into the accumulator the others are merged into (file order kept).
      const ingest = new LineIngest(accumulator, here.start === 0);
      const fd = fs.openSync(file, 'r');
      try {
        readRangeSync(fd, here.start, here.end ?? Infinity, ingest, options.chunkBytes);
      } finally {
        fs.closeSync(fd);
      }
      ranges.push({ lines: ingest.lines, skipped: ingest.skips.toJSON(), fallbacks: ingest.fallbacks });
    }
    results = await pending;
  } finally {
    for (const w of running) void w.terminate();
  }
  for (const r of results) {
    mergeSnapshot(accumulator, r.snapshot);
    ranges.push(r);
  }
  return {
    accumulator,
    skipped: mergeSkipReports(ranges),
    lines: ranges.reduce((n, r) => n + r.lines, 0),
    threads: jobs.length,
    fallbacks: ranges.reduce((n, r) => n + r.fallbacks, 0),
  };
}

function runWorker(job: RangeJob, workerPath: string, running: Worker[]): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath, { workerData: job });
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
