// Server ingest at SDK scale (issue 16): the server runs as its own process (dist/server.js, as
// users run it) and this process plays N SDK-like clients, each with its own keep-alive socket,
// posting one session update per envelope and waiting for the answer before the next (as SDK
// transports do). A 200 means the session is fsync'ed (group commit: one fdatasync covers what
// arrived meanwhile). Baselines in the same run: the same durable server with 16 clients (the
// figure this section reported before), and 64 clients against a server without a data dir (no
// fsync at all: the ceiling the CPU allows).
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';

export interface IngestRun {
  clients: number;
  durable: boolean;
  sessions: number;
  sessionsPerSec: number;
  /** Frames per fsync, from the server's shutdown line (durable runs). */
  framesPerFsync: number | null;
  /** The server process's CPU time (user + system, all threads) per session: what bounds it on one core. */
  serverCpuUsPerSession: number;
}

/** CPU seconds a process has used (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');
const KEY = 'benchingestkey';

async function startServerProcess(dataDir: string | null): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const args = ['--port', '0', '--project', 'bench=1', '--key', KEY, ...(dataDir ? ['--data', dataDir] : [])];
  const child = spawn(process.execPath, [SERVER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`ingest bench: server did not start: ${err}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`ingest bench: server exited ${code}: ${err}`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  return { child, url, stderr: () => err };
}

function post(agent: http.Agent, url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      agent, method: 'POST',
      headers: { 'X-Sentry-Auth': `Sentry sentry_key=${KEY}, sentry_version=7, sentry_client=bench/1.0`, 'Content-Type': 'application/x-sentry-envelope', 'Content-Length': Buffer.byteLength(body) },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function envelope(i: number, startedIso: string): string {
  const payload = JSON.stringify({
    sid: `ingest-${i}`, did: `user-${i % 500}`, init: true, started: startedIso, timestamp: startedIso, status: i % 50 === 0 ? 'crashed' : 'exited',
    errors: i % 50 === 0 ? 1 : 0, duration: 60, attrs: { release: `bench@1.${i % 7}.0`, environment: 'production' },
  });
  return `${JSON.stringify({ sent_at: startedIso })}\n${JSON.stringify({ type: 'session', length: Buffer.byteLength(payload) })}\n${payload}\n`;
}

export async function ingestRun(sessions: number, clients: number, durable: boolean): Promise<IngestRun> {
  const dataDir = durable ? fs.mkdtempSync(path.join(os.tmpdir(), 'rh-bench-ingest-')) : null;
  const server = await startServerProcess(dataDir);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  try {
    const url = `${server.url}/api/1/envelope/`;
    const startedIso = new Date(Date.now() - 3600e3).toISOString();
    // Warm-up: every socket opened, the server's JIT warm.
    await Promise.all(Array.from({ length: clients }, (_, c) => post(agent, url, envelope(-1 - c, startedIso))));
    let next = 0;
    const cpu0 = cpuSeconds(server.child.pid!);
    const t0 = performance.now();
    const client = async (): Promise<void> => {
      while (next < sessions) {
        const status = await post(agent, url, envelope(next++, startedIso));
        if (status !== 200) throw new Error(`ingest bench: HTTP ${status}`);
      }
    };
    await Promise.all(Array.from({ length: clients }, client));
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(server.child.pid!) - cpu0;
    agent.destroy();
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    const m = /\(([\d.]+) a fsync\)/.exec(server.stderr());
    return { clients, durable, sessions, sessionsPerSec: Math.round(sessions / seconds), framesPerFsync: m ? Number(m[1]) : null, serverCpuUsPerSession: Math.round((cpu / sessions) * 1e6) };
  } finally {
    agent.destroy();
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
