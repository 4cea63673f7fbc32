// Worker thread entry (bundled to dist/readerWorker.js): reads segments of a session file into its
// own accumulator (readSegments.ts) and posts back a snapshot of it for the main thread to merge.
import { parentPort, workerData } from 'worker_threads';
import { snapshotAccumulator, snapshotTransfer } from './accumulatorSnapshot';
import type { ReadJob, WorkerReply } from './rangeResult';
import { newAccumulator } from './readOptions';
import { readSegments } from './readSegments';

function run(job: ReadJob): WorkerReply {
  const accumulator = newAccumulator({ now: job.now, defaultProject: job.defaultProject });
  const segments = readSegments(job, accumulator);
  return { ok: true, result: { segments, snapshot: snapshotAccumulator(accumulator) } };
}

if (parentPort) {
  let reply: WorkerReply;
  try {
    reply = run(workerData as ReadJob);
  } catch (err) {
    reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort.postMessage(reply, reply.ok ? snapshotTransfer(reply.result.snapshot) : []);
}
