// Worker thread entry (bundled to dist/readerWorker.js): reads one byte range of a session file
// into its own accumulator and posts back a snapshot of it for the main thread to merge.
import * as fs from 'fs';
import { parentPort, workerData } from 'worker_threads';
import { snapshotAccumulator, snapshotTransfer } from './accumulatorSnapshot';
import { LineIngest } from './lineIngest';
import { readRangeSync } from './rangeReader';
import type { RangeJob, WorkerReply } from './rangeResult';
import { newAccumulator } from './readSessionFile';

function run(job: RangeJob): WorkerReply {
  const accumulator = newAccumulator({ now: job.now, defaultProject: job.defaultProject });
  const ingest = new LineIngest(accumulator, job.start === 0);
  const fd = fs.openSync(job.path, 'r');
  try {
    readRangeSync(fd, job.start, job.end ?? Infinity, ingest, job.chunkBytes);
  } finally {
    fs.closeSync(fd);
  }
  const snapshot = snapshotAccumulator(accumulator);
  return { ok: true, result: { lines: ingest.lines, skipped: ingest.skips.toJSON(), fallbacks: ingest.fallbacks, snapshot } };
}

if (parentPort) {
  let reply: WorkerReply;
  try {
    reply = run(workerData as RangeJob);
  } catch (err) {
    reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort.postMessage(reply, reply.ok ? snapshotTransfer(reply.result.snapshot) : []);
}
