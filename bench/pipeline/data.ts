// The pipeline's input: deterministic realistic raw session files from the shared demo generator
// (src/demo/demoDataset.ts: three projects, per-session updates and request-mode aggregates, a
// `project` on every line), written once into bench/data/ (git-ignored) and reused while the
// generator is unchanged.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { generateDemoLines } from '../../src/demo/demoDataset';

export const DATA_DIR = path.join(__dirname, '..', 'data');
/** The fixed `now` every figure is computed at. */
export const BENCH_NOW_ISO = '2026-11-26T12:30:00Z';
export const BENCH_NOW = Date.parse(BENCH_NOW_ISO) / 1000;

export interface DataFile {
  path: string;
  /** Sessions asked of the generator. */
  requested: number;
  /** Sessions in the file: init updates plus aggregate counts (the generator drops some). */
  sessions: number;
  lines: number;
  bytes: number;
}

/** Changes when the generator does, so an old file is never measured as new data. */
function generatorFingerprint(): string {
  const src = ['demoDataset.ts', 'random.ts'].map((f) => fs.readFileSync(path.join(__dirname, '../../src/demo', f), 'utf8')).join('\n');
  return createHash('sha256').update(src).digest('hex').slice(0, 12);
}

export function sessionsLabel(n: number): string {
  return n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}m` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n);
}

export function ensureDataFile(sessions: number): DataFile {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, `sessions-${sessionsLabel(sessions)}-${generatorFingerprint()}.ndjson`);
  const meta = `${file}.json`;
  if (fs.existsSync(file) && fs.existsSync(meta)) return JSON.parse(fs.readFileSync(meta, 'utf8')) as DataFile;
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  let lines = 0;
  let bytes = 0;
  let count = 0;
  let batch: string[] = [];
  const flush = () => {
    const text = batch.join('\n') + '\n';
    fs.writeSync(fd, text);
    bytes += Buffer.byteLength(text);
    batch = [];
  };
  for (const line of generateDemoLines({ now: BENCH_NOW, sessions })) {
    if (line.init === true) count++;
    if (Array.isArray(line.aggregates)) {
      for (const e of line.aggregates as Array<Record<string, number>>) count += (e.exited ?? 0) + (e.errored ?? 0) + (e.abnormal ?? 0) + (e.crashed ?? 0) + (e.unhandled ?? 0);
    }
    batch.push(JSON.stringify(line));
    lines++;
    if (batch.length === 20000) flush();
  }
  if (batch.length > 0) flush();
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
  const info: DataFile = { path: file, requested: sessions, sessions: count, lines, bytes };
  fs.writeFileSync(meta, JSON.stringify(info));
  return info;
}
