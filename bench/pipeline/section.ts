// Section `pipeline` (issue 6, item 1): our reader + pipeline against DuckDB, the naive JSON.parse
// reader and the byte floor, on the same generated files, each timed inside its own child process
// (ours: oursTask.ts, what the CLI runs); the CLI itself is run too, for its figures (compared with
// DuckDB's), its peak RSS and its wall time from spawn to exit. Runs are
// interleaved (ours, DuckDB, JSON.parse, floor, again...) so load from elsewhere on the machine
// falls on all of them alike; each figure is the median of its runs. The bench fails when our
// figures and DuckDB's differ anywhere.
import * as path from 'path';
import { windowOf } from '../../src/health/windows';
import { runNode, runTask } from '../lib/child';
import { median, round } from '../lib/stats';
import { BENCH_NOW, BENCH_NOW_ISO, ensureDataFile, sessionsLabel, type DataFile, type LineOrder } from './data';
import type { DuckRow } from './duckdbSql';
import type { ReleaseHealth } from '../../src/health/types';

const CLI = path.join(__dirname, '../../dist/cli.js');
const WORKER = path.join(__dirname, '../../dist/readerWorker.js');

/** The figures both ours and DuckDB compute, compared exactly. */
type ReleaseFigures = Pick<
  ReleaseHealth,
  'project' | 'release' | 'totalSessions' | 'sessionsHealthy' | 'sessionsErrored' | 'sessionsCrashed' | 'sessionsAbnormal' | 'sessionsUnhandled' | 'totalUsers' | 'usersCrashed'
>;

const COMPARED: Array<keyof ReleaseFigures> = [
  'totalSessions', 'sessionsHealthy', 'sessionsErrored', 'sessionsCrashed', 'sessionsAbnormal', 'sessionsUnhandled', 'totalUsers', 'usersCrashed',
];

/** DuckDB's raw counters turned into the contract's figures (health-pipeline.md, "Figures"). */
function figuresFromDuck(r: DuckRow): ReleaseFigures {
  const erroredAll = r.erroredSet + r.erroredPreaggr;
  return {
    project: r.project,
    release: r.release,
    totalSessions: r.init,
    sessionsHealthy: Math.max(0, r.init - erroredAll),
    sessionsErrored: Math.max(0, erroredAll - r.crashed - r.unhandled - r.abnormal),
    sessionsCrashed: r.crashed,
    sessionsAbnormal: r.abnormal,
    sessionsUnhandled: r.unhandled,
    totalUsers: r.users,
    usersCrashed: r.crashedUsers,
  };
}

/** Every difference between our CLI's figures and DuckDB's (a release missing on one side counts as zeros). */
export function compareAnswers(ours: ReleaseFigures[], duck: DuckRow[]): string[] {
  const key = (p: string, r: string) => `${p} / ${r}`;
  const a = new Map(ours.map((r) => [key(r.project, r.release), r]));
  const b = new Map(duck.map((r) => [key(r.project, r.release), figuresFromDuck(r)]));
  const diffs: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    for (const f of COMPARED) {
      const x = (a.get(k)?.[f] as number | undefined) ?? 0;
      const y = (b.get(k)?.[f] as number | undefined) ?? 0;
      if (x !== y) diffs.push(`${k}: ${f} ours ${x}, DuckDB ${y}`);
    }
  }
  return diffs;
}

export interface EngineFigures {
  ms: number;
  peakRssMB?: number;
  cpuMs?: number;
}

export interface DatasetResult {
  order: LineOrder;
  sessions: number;
  requestedSessions: number;
  lines: number;
  MB: number;
  runs: number;
  /** Timed inside the process like the baselines; cliWallMs: the CLI from spawn to exit (node start included). */
  ours: EngineFigures & { sessionsPerSec: number; peakRssMB: number; cliWallMs: number };
  duckdb: EngineFigures;
  jsonParse: EngineFigures;
  byteFloor: EngineFigures;
  /** Our reader with RH_RAW_SCANNER=js (the JS field scanner alone, no WebAssembly). */
  jsScanner: EngineFigures;
  /** jsScanner's time / ours: what the WebAssembly line scanner gains (> 1: faster). */
  wasmSpeedup: number;
  duckdbRatio: number;
  jsonParseRatio: number;
  byteFloorRatio: number;
  answersAgree: boolean;
  differences: string[];
}

export interface SmallFileResult {
  sessions: number;
  lines: number;
  MB: number;
  runs: number;
  /** `node -e 0`, the baseline: node's own start. */
  nodeStartMs: number;
  /** `node dist/cli.js overview --file F --format json`, spawn to exit. */
  cliWallMs: number;
}

export interface PipelineResult {
  now: string;
  summaryPeriod: string;
  /** Issue 16's targets, each from one side-by-side run: DuckDB's time / ours (>= 1), JSON.parse's / ours (>= 2). */
  duckdbRatio100k: number | null;
  /** The worse of the 1M files (arrival and generator order); null in --quick. */
  duckdbRatio1m: number | null;
  jsonParseRatio100k: number | null;
  /** The CLI on a 10k-session file minus `node -e 0` (medians of interleaved runs); target <= 50. */
  smallFileOverheadMs: number;
  smallFile: SmallFileResult;
  /** Headline figures, from the largest file. */
  sessionsPerSec: number;
  peakRssMB: number;
  duckdbRatio: number;
  jsonParseRatio: number;
  byteFloorRatio: number;
  datasets: Record<string, DatasetResult>;
}

async function measureDataset(data: DataFile, runs: number, log: (s: string) => void): Promise<DatasetResult> {
  const window = windowOf('24h', BENCH_NOW);
  const ours: Array<{ ms: number; rss: number; cpu: number }> = [];
  const cli: Array<{ ms: number; rss: number; cpu: number }> = [];
  const duck: Array<{ ms: number; rss: number; cpu: number }> = [];
  const json: number[] = [];
  const floor: number[] = [];
  const jsScanner: number[] = [];
  let oursFigures: ReleaseFigures[] = [];
  let duckRows: DuckRow[] = [];
  for (let r = 0; r < runs; r++) {
    const run = await runNode(CLI, ['overview', '--file', data.path, '--now', BENCH_NOW_ISO, '--format', 'json']);
    if (run.code !== 0) throw new Error(`our CLI failed (${run.code}): ${run.stderr.trim()}`);
    cli.push({ ms: run.wallMs, rss: run.peakRssMB, cpu: run.cpuMs });
    oursFigures = (JSON.parse(run.stdout) as { releases: ReleaseFigures[] }).releases;
    const o = await runTask<{ ms: number; cpuMs: number }>('pipeline/oursTask.ts', [data.path, BENCH_NOW_ISO, WORKER]);
    ours.push({ ms: o.ms, rss: o.peakRssMB, cpu: o.cpuMs });
    // The same reader with the WebAssembly scanner turned off: the JS scanner alone (before issue 16's wasm).
    jsScanner.push((await runTask<{ ms: number }>('pipeline/oursTask.ts', [data.path, BENCH_NOW_ISO, WORKER], undefined, { RH_RAW_SCANNER: 'js' })).ms);
    const d = await runTask<{ ms: number; cpuMs: number; rows: DuckRow[] }>('pipeline/baselineTask.ts', ['duckdb', data.path, String(window.start), String(BENCH_NOW)]);
    duck.push({ ms: d.ms, rss: d.peakRssMB, cpu: d.cpuMs });
    duckRows = d.rows;
    json.push((await runTask<{ ms: number }>('pipeline/baselineTask.ts', ['jsonparse', data.path])).ms);
    floor.push((await runTask<{ ms: number }>('pipeline/baselineTask.ts', ['floor', data.path])).ms);
    log(`  ${sessionsLabel(data.requested)} (${data.order}) run ${r + 1}/${runs}: ours ${ours[r].ms.toFixed(0)} ms (JS scanner only ${jsScanner[r].toFixed(0)} ms, CLI ${cli[r].ms.toFixed(0)} ms), DuckDB ${duck[r].ms.toFixed(0)} ms, JSON.parse ${json[r].toFixed(0)} ms, floor ${floor[r].toFixed(0)} ms`);
  }
  const differences = compareAnswers(oursFigures, duckRows);
  const oursMs = median(ours.map((x) => x.ms));
  const duckMs = median(duck.map((x) => x.ms));
  const jsonMs = median(json);
  const floorMs = median(floor);
  const jsScannerMs = median(jsScanner);
  return {
    order: data.order,
    sessions: data.sessions,
    requestedSessions: data.requested,
    lines: data.lines,
    MB: round(data.bytes / 1e6, 1),
    runs,
    ours: {
      ms: round(oursMs, 0),
      sessionsPerSec: Math.round(data.sessions / (oursMs / 1000)),
      // Of the CLI process (the task's includes the TypeScript loader).
      peakRssMB: round(Math.max(...cli.map((x) => x.rss)), 1),
      cpuMs: round(median(ours.map((x) => x.cpu)), 0),
      cliWallMs: round(median(cli.map((x) => x.ms)), 0),
    },
    duckdb: { ms: round(duckMs, 0), peakRssMB: round(Math.max(...duck.map((x) => x.rss)), 1), cpuMs: round(median(duck.map((x) => x.cpu)), 0) },
    jsonParse: { ms: round(jsonMs, 0) },
    byteFloor: { ms: round(floorMs, 0) },
    jsScanner: { ms: round(jsScannerMs, 0) },
    wasmSpeedup: round(jsScannerMs / oursMs),
    duckdbRatio: round(duckMs / oursMs),
    jsonParseRatio: round(jsonMs / oursMs),
    byteFloorRatio: round(floorMs / oursMs),
    answersAgree: differences.length === 0,
    differences: differences.slice(0, 20),
  };
}

/** The CLI on a small file against node's own start, interleaved, medians: what a developer's first try costs beyond node. */
async function measureSmallFile(data: DataFile, runs: number, log: (s: string) => void): Promise<SmallFileResult> {
  const node: number[] = [];
  const cli: number[] = [];
  for (let r = 0; r < runs; r++) {
    node.push((await runNode('-e', ['0'])).wallMs);
    const run = await runNode(CLI, ['overview', '--file', data.path, '--now', BENCH_NOW_ISO, '--format', 'json']);
    if (run.code !== 0) throw new Error(`our CLI failed (${run.code}): ${run.stderr.trim()}`);
    cli.push(run.wallMs);
  }
  const result = {
    sessions: data.sessions,
    lines: data.lines,
    MB: round(data.bytes / 1e6, 1),
    runs,
    nodeStartMs: round(median(node), 0),
    cliWallMs: round(median(cli), 0),
  };
  log(`  ${sessionsLabel(data.requested)}: CLI ${result.cliWallMs} ms, node -e 0 ${result.nodeStartMs} ms (medians of ${runs})`);
  return result;
}

export async function pipelineSection(quick: boolean, log: (s: string) => void): Promise<PipelineResult> {
  // Headline: the largest file in arrival order. The full run adds the 1M file in the generator's
  // order (project after project, times shuffled), the hard case for caches, for comparison.
  const plan: Array<[label: string, sessions: number, order: LineOrder]> = quick
    ? [['100k', 100_000, 'arrival']]
    : [['100k', 100_000, 'arrival'], ['1m', 1_000_000, 'arrival'], ['1m-generator-order', 1_000_000, 'generator']];
  const datasets: Record<string, DatasetResult> = {};
  for (const [label, n, order] of plan) {
    log(`pipeline: data for ${sessionsLabel(n)} sessions (${order} order)`);
    const data = ensureDataFile(n, order);
    datasets[label] = await measureDataset(data, 3, log);
  }
  log('pipeline: a 10k-session file through the CLI against node -e 0');
  const smallFile = await measureSmallFile(ensureDataFile(10_000, 'arrival'), 11, log);
  const head = datasets[quick ? '100k' : '1m'];
  const ratios1m = ['1m', '1m-generator-order'].filter((k) => k in datasets).map((k) => datasets[k].duckdbRatio);
  return {
    now: BENCH_NOW_ISO,
    summaryPeriod: '24h',
    duckdbRatio100k: datasets['100k']?.duckdbRatio ?? null,
    duckdbRatio1m: ratios1m.length > 0 ? Math.min(...ratios1m) : null,
    jsonParseRatio100k: datasets['100k']?.jsonParseRatio ?? null,
    smallFileOverheadMs: round(smallFile.cliWallMs - smallFile.nodeStartMs, 0),
    smallFile,
    sessionsPerSec: head.ours.sessionsPerSec,
    peakRssMB: head.ours.peakRssMB,
    duckdbRatio: head.duckdbRatio,
    jsonParseRatio: head.jsonParseRatio,
    byteFloorRatio: head.byteFloorRatio,
    datasets,
  };
}
