import type { SkipReport } from '../health/types';

export const SKIP_SAMPLE_LIMIT = 10;

/** Counts unusable lines and keeps the first few, with their line numbers and reasons. */
export class SkipCollector {
  private report: SkipReport = { count: 0, samples: [] };

  skip(line: number, reason: string): void {
    this.report.count++;
    if (this.report.samples.length < SKIP_SAMPLE_LIMIT) this.report.samples.push({ line, reason });
  }

  toJSON(): SkipReport {
    return { count: this.report.count, samples: [...this.report.samples] };
  }
}
