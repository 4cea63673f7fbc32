// A baseline, run alone in a child process (bench/lib/child.ts), timed inside it; prints one JSON line.
//   duckdb FILE WINDOW_START NOW   the figures by SQL over read_ndjson (every core DuckDB wants)
//   jsonparse FILE                 the naive reader: large chunks, split lines, JSON.parse each
//   floor FILE                     the byte floor: large chunks, find every line break, nothing else
import { DuckDBInstance } from '@duckdb/node-api';
import * as fs from 'fs';
import { duckdbSql, type DuckRow } from './duckdbSql';

const CHUNK = 16 << 20;

/** Reads the file in chunks and calls onLine(buf, start, end) for each line; returns the line count. */
function forEachLine(file: string, onLine: ((buf: Buffer, start: number, end: number) => void) | null): number {
  const fd = fs.openSync(file, 'r');
  let buf = Buffer.allocUnsafe(CHUNK);
  let filled = 0;
  let lines = 0;
  try {
    for (;;) {
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const n = fs.readSync(fd, buf, filled, buf.length - filled, null);
      if (n === 0) break;
      filled += n;
      const view = buf.subarray(0, filled);
      let s = 0;
      for (let nl = view.indexOf(10, s); nl >= 0; nl = view.indexOf(10, s)) {
        lines++;
        if (onLine) onLine(buf, s, nl);
        s = nl + 1;
      }
      buf.copy(buf, 0, s, filled);
      filled -= s;
    }
    if (filled > 0) {
      lines++;
      if (onLine) onLine(buf, 0, filled);
    }
  } finally {
    fs.closeSync(fd);
  }
  return lines;
}

async function duckdb(file: string, windowStart: number, now: number): Promise<object> {
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(duckdbSql(file, windowStart, now));
  const rows: DuckRow[] = reader.getRowObjectsJson().map((r) => ({
    project: String(r.project),
    release: String(r.release),
    init: Number(r.init),
    crashed: Number(r.crashed),
    abnormal: Number(r.abnormal),
    unhandled: Number(r.unhandled),
    erroredSet: Number(r.errored_set),
    erroredPreaggr: Number(r.errored_pre),
    users: Number(r.users),
    crashedUsers: Number(r.crashed_users),
  }));
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  connection.closeSync();
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, rows };
}

function jsonParse(file: string): object {
  const started = performance.now();
  let objects = 0;
  const lines = forEachLine(file, (buf, s, e) => {
    try {
      if (JSON.parse(buf.toString('utf8', s, e)) !== null) objects++;
    } catch {
      // a line that is not JSON
    }
  });
  return { ms: performance.now() - started, lines, objects };
}

function floor(file: string): object {
  const started = performance.now();
  const lines = forEachLine(file, null);
  return { ms: performance.now() - started, lines };
}

async function main(): Promise<void> {
  const [mode, file, a, b] = process.argv.slice(2);
  let out: object;
  if (mode === 'duckdb') out = await duckdb(file, Number(a), Number(b));
  else if (mode === 'jsonparse') out = jsonParse(file);
  else if (mode === 'floor') out = floor(file);
  else throw new Error(`unknown mode ${mode}`);
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
