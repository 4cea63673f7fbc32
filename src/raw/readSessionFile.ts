// Reads a raw session file: the fast reader by default, the reference stream reader on request
// (for comparisons). Both give the same accumulator, skip report and line count.
import * as fs from 'fs';
import { readSessionFileFast, type FastReadOptions } from './fastFileReader';
import { newAccumulator, type ReadOptions, type ReadResult } from './readOptions';
import { readSessionStream } from './readSessionStream';

export interface FileReadOptions extends ReadOptions, FastReadOptions {
  /** `reference`: the stream reader, JSON.parse of every line (for comparisons). Default `fast`. */
  engine?: 'fast' | 'reference';
}

/** A file: the fast reader (field scanner, worker threads for big files; same results as the reference). */
export async function readSessionFile(path: string, options: FileReadOptions): Promise<ReadResult> {
  if (options.engine !== 'reference') return readSessionFileFast(path, options, () => newAccumulator(options));
  const stream = fs.createReadStream(path, { highWaterMark: 1 << 20 });
  return readSessionStream(stream, options);
}
