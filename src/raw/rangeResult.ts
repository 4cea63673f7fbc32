// What reading one byte range of a file produces, and how the ranges of a file are put back
// together: line numbers become the file's (offset by the lines of the ranges before), and the
// skip report keeps the first few skipped lines in file order.
import type { SkipReport } from '../health/types';
import type { AccumulatorSnapshot } from './accumulatorSnapshot';
import { SKIP_SAMPLE_LIMIT } from './skipReport';

export interface RangeJob {
  path: string;
  start: number;
  /** Exclusive; null for the last range, which reads to the end of the file. */
  end: number | null;
  now: number;
  defaultProject: string;
  /** Read size (tests make it tiny to cut lines across reads). */
  chunkBytes?: number;
}

export interface RangeResult {
  /** Lines in the range; skip samples are numbered within it (1-based). */
  lines: number;
  skipped: SkipReport;
  /** Lines the field scanner handed to the reference parser. */
  fallbacks: number;
  snapshot: AccumulatorSnapshot;
}

export type WorkerReply = { ok: true; result: RangeResult } | { ok: false; error: string };

/** Skip reports of consecutive ranges, in file order, as one report with file line numbers. */
export function mergeSkipReports(ranges: ReadonlyArray<{ lines: number; skipped: SkipReport }>): SkipReport {
  let offset = 0;
  let count = 0;
  const samples: SkipReport['samples'] = [];
  for (const r of ranges) {
    count += r.skipped.count;
    for (const s of r.skipped.samples) {
      if (samples.length < SKIP_SAMPLE_LIMIT) samples.push({ line: s.line + offset, reason: s.reason });
    }
    offset += r.lines;
  }
  return { count, samples };
}
