// The raw-file source end to end: read, step 1 to 4, figures. Used by the CLI and the extension.
import { computeOverview } from '../health/computeOverview';
import { ageProject, withAgeWindows, type AgeWindowStats, type EqualAgeRequest } from '../health/equalAge';
import type { Overview, SkipReport } from '../health/types';
import { rawAgeWindows } from './equalAgeStats';
import type { FastReadOptions } from './fastFileReader';
import { buildRawOverviewInput, type RawInputOptions } from './rawOverviewInput';
import { readSessionFile } from './readSessionFile';
import type { SessionAccumulator } from './sessionAccumulator';

export interface FileOverview extends Overview {
  skipped: SkipReport;
  /** With `equalAge`: the compared releases' windows, keyed by ageKey(project, release). */
  ageWindows?: Record<string, AgeWindowStats | null>;
}

export interface FileOverviewOptions extends RawInputOptions {
  defaultProject: string;
  /** How to read (threads, ...); see fastFileReader.ts. */
  read?: FastReadOptions;
}

export interface AgeOverview extends Overview {
  ageWindows?: Record<string, AgeWindowStats | null>;
}

export function overviewFromAccumulator(acc: SessionAccumulator, options: RawInputOptions & { equalAge?: EqualAgeRequest }): AgeOverview {
  const input = buildRawOverviewInput(acc, options);
  if (!options.equalAge) return computeOverview(input, options);
  const { releases, ageHours } = options.equalAge;
  const project = ageProject(input.releases, options.equalAge);
  const windows = rawAgeWindows(acc, project, releases, { now: options.now, environments: options.environments, ageHours });
  return { ...computeOverview(withAgeWindows(input, windows), options), ageWindows: Object.fromEntries(windows) };
}

export async function computeFileOverview(path: string, options: FileOverviewOptions & { equalAge?: EqualAgeRequest }): Promise<FileOverview> {
  const { accumulator, skipped } = await readSessionFile(path, { ...options.read, now: options.now, defaultProject: options.defaultProject });
  return { ...overviewFromAccumulator(accumulator, options), skipped };
}
