// The raw-file source end to end: read, step 1 to 4, figures. Used by the CLI and the extension.
import { computeOverview } from '../health/computeOverview';
import type { Overview, SkipReport } from '../health/types';
import type { FastReadOptions } from './fastFileReader';
import { buildRawOverviewInput, type RawInputOptions } from './rawOverviewInput';
import { readSessionFile } from './readSessionFile';
import type { SessionAccumulator } from './sessionAccumulator';

export interface FileOverview extends Overview {
  skipped: SkipReport;
}

export interface FileOverviewOptions extends RawInputOptions {
  defaultProject: string;
  /** How to read (threads, ...); see fastFileReader.ts. */
  read?: FastReadOptions;
}

export function overviewFromAccumulator(acc: SessionAccumulator, options: RawInputOptions): Overview {
  return computeOverview(buildRawOverviewInput(acc, options), options);
}

export async function computeFileOverview(path: string, options: FileOverviewOptions): Promise<FileOverview> {
  const { accumulator, skipped } = await readSessionFile(path, { ...options.read, now: options.now, defaultProject: options.defaultProject });
  return { ...overviewFromAccumulator(accumulator, options), skipped };
}
