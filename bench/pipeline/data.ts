// The pipeline's input: deterministic realistic raw session files from the shared demo generator
// (src/demo/demoDataset.ts: three projects over 130 days, per-session updates and request-mode
// aggregates, a `project` on every line), written once into bench/data/ (git-ignored) by a child
// process (generateTask.ts) and reused while the generator is unchanged.
// Line order: `arrival` (the default) is the order a collector writes a session log in, by each
// line's send time (an update's `timestamp`; an aggregate is flushed a minute after its bucket);
// `generator` is the generator's own order (project after project, times shuffled), kept as the
// harder case for caches.
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export const DATA_DIR = path.join(__dirname, '..', 'data');
/** The fixed `now` every figure is computed at. */
export const BENCH_NOW_ISO = '2026-11-26T12:30:00Z';
export const BENCH_NOW = Date.parse(BENCH_NOW_ISO) / 1000;

export type LineOrder = 'arrival' | 'generator';

export interface DataFile {
  path: string;
  order: LineOrder;
  /** Sessions asked of the generator. */
  requested: number;
  /** Sessions in the file: init updates plus aggregate counts (the generator drops some). */
  sessions: number;
  lines: number;
  bytes: number;
}

/** Changes when the generator does, so an old file is never measured as new data. */
function generatorFingerprint(): string {
  const files = [path.join(__dirname, '../../src/demo/demoDataset.ts'), path.join(__dirname, '../../src/demo/random.ts'), path.join(__dirname, 'generateTask.ts')];
  return createHash('sha256').update(files.map((f) => fs.readFileSync(f, 'utf8')).join('\n')).digest('hex').slice(0, 12);
}

export function sessionsLabel(n: number): string {
  return n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}m` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n);
}

export function ensureDataFile(sessions: number, order: LineOrder = 'arrival'): DataFile {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, `sessions-${sessionsLabel(sessions)}-${order}-${generatorFingerprint()}.ndjson`);
  const meta = `${file}.json`;
  if (!fs.existsSync(file) || !fs.existsSync(meta)) {
    execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'generateTask.ts'), String(sessions), order, file, String(BENCH_NOW)], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return JSON.parse(fs.readFileSync(meta, 'utf8')) as DataFile;
}
