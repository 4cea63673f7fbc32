// Reads raw session NDJSON as a stream into a SessionAccumulator. Unusable lines are skipped
// and reported; they never stop the run.
import * as fs from 'fs';
import type { Readable } from 'stream';
import type { SkipReport, UnixSeconds } from '../health/types';
import { HAS_DATA_PERIOD, windowOf } from '../health/windows';
import { readSessionFileFast, type FastReadOptions } from './fastFileReader';
import { forEachLine } from './lineSplitter';
import { SessionAccumulator } from './sessionAccumulator';
import { parseSessionLine } from './sessionLine';
import { SkipCollector } from './skipReport';
import { TOO_LONG_REASON } from './lineLimit';

export interface ReadOptions {
  now: UnixSeconds;
  defaultProject: string;
}

export interface ReadResult {
  accumulator: SessionAccumulator;
  skipped: SkipReport;
  lines: number;
}

export function newAccumulator(options: ReadOptions): SessionAccumulator {
  return new SessionAccumulator({
    now: options.now,
    defaultProject: options.defaultProject,
    keepFrom: windowOf(HAS_DATA_PERIOD, options.now).start,
  });
}

export async function readSessionStream(stream: Readable, options: ReadOptions): Promise<ReadResult> {
  const accumulator = newAccumulator(options);
  const skips = new SkipCollector();
  const lines = await forEachLine(stream, (text, n) => {
    if (n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') return;
    const parsed = parseSessionLine(text);
    if (parsed.ok) accumulator.add(parsed.record);
    else skips.skip(n, parsed.reason);
  }, (n) => skips.skip(n, TOO_LONG_REASON));
  return { accumulator, skipped: skips.toJSON(), lines };
}

export interface FileReadOptions extends ReadOptions, FastReadOptions {
  /** `reference`: the stream reader above, JSON.parse of every line (for comparisons). Default `fast`. */
  engine?: 'fast' | 'reference';
}

/** A file: the fast reader (field scanner, worker threads for big files; same results as the reference). */
export async function readSessionFile(path: string, options: FileReadOptions): Promise<ReadResult> {
  if (options.engine !== 'reference') return readSessionFileFast(path, options, () => newAccumulator(options));
  const stream = fs.createReadStream(path, { highWaterMark: 1 << 20 });
  return readSessionStream(stream, options);
}
