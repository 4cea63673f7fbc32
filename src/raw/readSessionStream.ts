// The reference reader: raw session NDJSON as a stream, JSON.parse of every line through
// parseSessionLine, into a SessionAccumulator. Unusable lines are skipped and reported; they
// never stop the run. The fast reader (fastFileReader.ts) must give exactly what this gives.
import type { Readable } from 'stream';
import { forEachLine } from './lineSplitter';
import { newAccumulator, type ReadOptions, type ReadResult } from './readOptions';
import { parseSessionLine } from './sessionLine';
import { SkipCollector } from './skipReport';
import { TOO_LONG_REASON } from './lineLimit';

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
