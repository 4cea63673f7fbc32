// Work shared by the threads that read one file: the file cut at line breaks into segments, which
// threads claim from a shared queue (segmentQueue.ts: a slow thread never holds the others up),
// and what reading a segment produces. Put back together in segment order, line numbers are
// the file's and the skip report keeps the first few skipped lines in file order.
import type { SkipReport } from '../health/types';
import type { AccumulatorSnapshot } from './accumulatorSnapshot';
import { SKIP_SAMPLE_LIMIT } from './skipReport';

export interface ReadJob {
  path: string;
  /** Segment i is [bounds[i], bounds[i + 1]); the last one reads on to the end of the file. */
  bounds: number[];
  /** The segment queue shared by the threads (segmentQueue.ts). */
  queue: SharedArrayBuffer;
  /** This thread's region in the queue. */
  thread: number;
  now: number;
  defaultProject: string;
  /** Read size (tests make it tiny to cut lines across reads). */
  chunkBytes?: number;
  /** The folder of the reader worker's bundle, where rawScanner.wasm lies beside it. */
  scannerDir?: string;
}

export interface SegmentResult {
  segment: number;
  /** Lines in the segment; skip samples are numbered within it (1-based). */
  lines: number;
  skipped: SkipReport;
  /** Lines the field scanner handed to the reference parser. */
  fallbacks: number;
}

/** What one worker thread posts back: its segments, and its accumulator to merge. */
export interface ThreadResult {
  segments: SegmentResult[];
  snapshot: AccumulatorSnapshot;
}

export type WorkerReply = { ok: true; result: ThreadResult } | { ok: false; error: string };

/** Skip reports of every segment of a file (any order) as one report with file line numbers. */
export function mergeSkipReports(segments: readonly SegmentResult[]): SkipReport {
  let offset = 0;
  let count = 0;
  const samples: SkipReport['samples'] = [];
  for (const r of [...segments].sort((a, b) => a.segment - b.segment)) {
    count += r.skipped.count;
    for (const s of r.skipped.samples) {
      if (samples.length < SKIP_SAMPLE_LIMIT) samples.push({ line: s.line + offset, reason: s.reason });
    }
    offset += r.lines;
  }
  return { count, samples };
}
