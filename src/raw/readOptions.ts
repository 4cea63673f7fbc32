// What every raw reader shares: its options, its result, and the accumulator it fills (the
// stream reader, the fast file reader and its worker threads all start from newAccumulator).
import type { SkipReport, UnixSeconds } from '../health/types';
import { HAS_DATA_PERIOD, windowOf } from '../health/windows';
import { SessionAccumulator } from './sessionAccumulator';

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
