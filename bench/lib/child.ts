// Runs a measured child process: wall time from spawn to exit, its peak RSS (via rssProbe.cjs),
// its stdout. Children keep measurements apart: a fresh heap and JIT each time, and no bench code
// in the measured process's memory.
import { spawn } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface ChildRun {
  wallMs: number;
  peakRssMB: number;
  /** CPU time of every thread of the child. */
  cpuMs: number;
  stdout: string;
  stderr: string;
  code: number;
}

const PROBE = path.join(__dirname, 'rssProbe.cjs');

/** `node [execArgv] -r rssProbe script args`, bounded by a timeout. */
export function runNode(script: string, args: string[], options: { execArgv?: string[]; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<ChildRun> {
  const rssFile = path.join(os.tmpdir(), `rh-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [...(options.execArgv ?? []), '-r', PROBE, script, ...args], {
      env: { ...process.env, ...options.env, RH_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10 * 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let usage = { maxRSS: 0, cpu: 0 };
      try {
        usage = JSON.parse(fs.readFileSync(rssFile, 'utf8')) as typeof usage;
        fs.rmSync(rssFile, { force: true });
      } catch {
        // the child died before its exit hook
      }
      resolve({ wallMs, peakRssMB: usage.maxRSS / 1024, cpuMs: usage.cpu / 1000, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code: code ?? -1 });
    });
  });
}

// Per worktree (bench/out), not in bench/data: that directory may be shared between checkouts, whose tasks differ.
const TASK_DIR = path.join(__dirname, '..', 'out', '.tasks');
const bundled = new Map<string, string>();

/** A bench task bundled once per run (plain node runs it: no TypeScript loader in the measured process). */
function bundleTask(task: string): string {
  let out = bundled.get(task);
  if (out === undefined) {
    out = path.join(TASK_DIR, task.replace(/[\/]/g, '_').replace(/\.ts$/, '.js'));
    esbuild.buildSync({
      entryPoints: [path.join(__dirname, '..', task)],
      bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: out, logLevel: 'warning',
      external: ['@duckdb/node-api'],
    });
    bundled.set(task, out);
  }
  return out;
}

/** Runs a bench task module in a child and parses the JSON it prints last. */
export async function runTask<T>(task: string, args: string[], timeoutMs?: number, env?: NodeJS.ProcessEnv): Promise<T & { peakRssMB: number; wallMs: number; childCpuMs: number }> {
  const run = await runNode(bundleTask(task), args, { timeoutMs, env });
  if (run.code !== 0) throw new Error(`${task} ${args.join(' ')} failed (${run.code}): ${run.stderr.trim().split('\n').slice(-5).join(' / ')}`);
  const last = run.stdout.trim().split('\n').pop() ?? '{}';
  return { ...(JSON.parse(last) as T), peakRssMB: run.peakRssMB, wallMs: run.wallMs, childCpuMs: run.cpuMs };
}
