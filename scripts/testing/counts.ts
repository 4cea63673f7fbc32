// Every test layer reports its counts to the file named by RH_TEST_COUNTS (when set), so
// scripts/run-all-tests.js can add them up without parsing human-readable output.
import * as fs from 'fs';

export interface LayerCounts {
  passed: number;
  failed: number;
  pending: number;
}

export function writeCounts(counts: LayerCounts): void {
  const file = process.env.RH_TEST_COUNTS;
  if (file) fs.writeFileSync(file, JSON.stringify(counts) + '\n');
}
