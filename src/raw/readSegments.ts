// One thread's share of a file: claims segments from the shared queue until none is left and
// reads each into the thread's accumulator, with one scanner (and its interned strings) and one
// read buffer for all of them. Run by each worker (readerWorker.ts) and, for a CLI, by the main thread.
import * as fs from 'fs';
import { FieldScanner } from './scan/fieldScanner';
import { LineIngest } from './lineIngest';
import { ChunkBuffer, readRangeSync } from './rangeReader';
import type { ReadJob, SegmentResult } from './rangeResult';
import { claimSegment } from './segmentQueue';
import { WasmLineScanner } from './wasm/wasmLineScanner';
import type { SessionAccumulator } from './sessionAccumulator';

export function readSegments(job: ReadJob, accumulator: SessionAccumulator): SegmentResult[] {
  const segments = job.bounds.length - 1;
  const scanner = new FieldScanner();
  const wasm = WasmLineScanner.create(job.scannerDir);
  const buffer = new ChunkBuffer(job.chunkBytes);
  const done: SegmentResult[] = [];
  const fd = fs.openSync(job.path, 'r');
  try {
    for (;;) {
      const segment = claimSegment(job.queue, job.thread);
      if (segment < 0) break;
      const start = job.bounds[segment];
      const end = segment === segments - 1 ? Infinity : job.bounds[segment + 1];
      const ingest = new LineIngest(accumulator, start === 0, scanner, wasm);
      readRangeSync(fd, start, end, ingest, buffer);
      done.push({ segment, lines: ingest.lines, skipped: ingest.skips.toJSON(), fallbacks: ingest.fallbacks });
    }
  } finally {
    fs.closeSync(fd);
  }
  return done;
}
