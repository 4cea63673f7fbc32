// Section `server` (issue 6, item 3): the local Sentry-style server holding the pipeline's 1M-
// session file (--quick: 100k): p50 and p95 latency of a 90-day daily /sessions/ query grouped by
// release and session.status (sum(session) and count_unique(user), every project), sequential
// requests on a kept-alive connection; and the ingest rate through the envelope endpoint of a
// fresh server with a data dir (200 only once on disk), one session update per envelope as SDKs
// send them, 16 envelopes in flight.
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { startServer } from '../../src/server/server';
import { percentile, round } from '../lib/stats';
import { BENCH_NOW, ensureDataFile, sessionsLabel } from '../pipeline/data';
import { ingestRun } from './ingestLoad';

export interface ServerResult {
  sessions: number;
  query: string;
  requests: number;
  loadSeconds: number;
  p50Ms: number;
  p95Ms: number;
  ingestSessionsPerSec: number;
  ingestSessions: number;
  ingestNote: string;
  /** Issue 16's target: 64 SDK-like clients, one session per envelope, durable (>= 20,000). */
  ingestSessionsPerSec64: number;
  /** Baselines of the same run: 16 clients durable, 64 clients without a data dir (no fsync). */
  ingestSessionsPerSec16: number;
  ingestSessionsPerSec64Memory: number;
  /** ingestSessionsPerSec64 / ingestSessionsPerSec16, and / the no-fsync ceiling. */
  ingest64Ratio16: number;
  ingest64RatioMemory: number;
  ingestFramesPerFsync64: number | null;
  /** Server CPU (all threads) per session in the 64-client durable run, and the rate one core would allow. */
  ingestServerCpuUsPerSession64: number;
  ingestServerCpuBoundPerSec64: number;
  /** The server's main thread alone (the log's fdatasync runs on the thread pool), and the rate it allows. */
  ingestServerMainThreadCpuUsPerSession64: number;
  ingestServerMainThreadBoundPerSec64: number;
  /** The load generator's own CPU per session (it shares the 2 cores with the server). */
  ingestClientCpuUsPerSession64: number;
  /** The floor: 64 clients against a Node http server answering a fixed 200 (no parsing, no store). */
  ingestFloorSessionsPerSec64: number;
  ingestFloorServerCpuUsPerSession64: number;
  ingestFloorServerMainThreadCpuUsPerSession64: number;
  ingest64RatioFloor: number;
  ingest64Note: string;
}

const QUERY = 'field=sum(session)&field=count_unique(user)&groupBy=release&groupBy=session.status&statsPeriod=90d&interval=1d&project=-1';

function request(agent: http.Agent, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

async function queryLatency(sessions: number, requests: number, log: (s: string) => void): Promise<Pick<ServerResult, 'loadSeconds' | 'p50Ms' | 'p95Ms' | 'sessions'>> {
  const data = ensureDataFile(sessions);
  const loadStarted = performance.now();
  const server = await startServer({ port: 0, host: '127.0.0.1', now: BENCH_NOW * 1000, importFile: data.path });
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  log(`server: ${sessionsLabel(sessions)} sessions imported in ${loadSeconds.toFixed(1)} s`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const url = `${server.url}/api/0/organizations/${server.org}/sessions/?${QUERY}`;
    const headers = { Authorization: `Bearer ${server.token}` };
    const times: number[] = [];
    for (let i = 0; i < requests + 3; i++) {
      const started = performance.now();
      const res = await request(agent, url, { headers });
      const ms = performance.now() - started;
      if (res.status !== 200) throw new Error(`sessions query: HTTP ${res.status} ${res.body.slice(0, 200)}`);
      if (i === 0 && (JSON.parse(res.body) as { groups: unknown[] }).groups.length === 0) throw new Error('sessions query: no groups');
      if (i >= 3) times.push(ms); // three warm-up requests
    }
    return { sessions: data.sessions, loadSeconds: round(loadSeconds, 1), p50Ms: round(percentile(times, 50), 1), p95Ms: round(percentile(times, 95), 1) };
  } finally {
    agent.destroy();
    await server.close();
  }
}

async function ingestRate(sessions: number): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-bench-ingest-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, projects: [{ slug: 'bench', id: 1 }] });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  try {
    const url = `${server.url}/api/1/envelope/?sentry_key=${server.dsnKeys[0]}`;
    const started = new Date(BENCH_NOW * 1000 - 3600e3).toISOString();
    const envelope = (i: number): string => {
      const payload = JSON.stringify({
        sid: `ingest-${i}`, did: `user-${i % 500}`, init: true, started, timestamp: started, status: i % 50 === 0 ? 'crashed' : 'exited',
        errors: i % 50 === 0 ? 1 : 0, duration: 60, attrs: { release: `bench@1.${i % 7}.0`, environment: 'production' },
      });
      return `${JSON.stringify({ sent_at: started, dsn: server.dsn })}\n${JSON.stringify({ type: 'session', length: Buffer.byteLength(payload) })}\n${payload}\n`;
    };
    let next = 0;
    const t0 = performance.now();
    const sender = async () => {
      while (next < sessions) {
        const res = await request(agent, url, { method: 'POST', headers: { 'Content-Type': 'application/x-sentry-envelope' }, body: envelope(next++) });
        if (res.status !== 200) throw new Error(`envelope: HTTP ${res.status} ${res.body.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, sender));
    return Math.round(sessions / ((performance.now() - t0) / 1000));
  } finally {
    agent.destroy();
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function serverSection(quick: boolean, log: (s: string) => void): Promise<ServerResult> {
  const sessions = quick ? 100_000 : 1_000_000;
  const requests = quick ? 20 : 30;
  const q = await queryLatency(sessions, requests, log);
  const ingestSessions = quick ? 3000 : 10000;
  const ingestSessionsPerSec = await ingestRate(ingestSessions);
  log(`server: query p50 ${q.p50Ms} ms, p95 ${q.p95Ms} ms; ingest ${ingestSessionsPerSec} sessions/s`);
  const loadSessions = quick ? 10_000 : 40_000;
  const at64 = await ingestRun(loadSessions, 64, 'durable');
  const at16 = await ingestRun(loadSessions, 16, 'durable');
  const memory64 = await ingestRun(loadSessions, 64, 'memory');
  const floor64 = await ingestRun(loadSessions, 64, 'floor');
  log(`server: ingest with SDK-like clients (own process): 64 durable ${at64.sessionsPerSec}/s (${at64.framesPerFsync} frames a fsync, server CPU ${at64.serverCpuUsPerSession} µs a session, main thread ${at64.serverMainThreadCpuUsPerSession} µs, clients ${at64.clientCpuUsPerSession} µs), 16 durable ${at16.sessionsPerSec}/s, 64 without fsync ${memory64.sessionsPerSec}/s, floor (Node http, fixed 200) ${floor64.sessionsPerSec}/s (server CPU ${floor64.serverCpuUsPerSession} µs, main thread ${floor64.serverMainThreadCpuUsPerSession} µs)`);
  return {
    ...q,
    query: `90d daily, by release and session.status, sum(session) + count_unique(user), ${sessionsLabel(sessions)} sessions`,
    requests,
    ingestSessionsPerSec,
    ingestSessions,
    ingestNote: `${ingestSessions} envelopes of one session update, 16 in flight, durable data dir`,
    ingestSessionsPerSec64: at64.sessionsPerSec,
    ingestSessionsPerSec16: at16.sessionsPerSec,
    ingestSessionsPerSec64Memory: memory64.sessionsPerSec,
    ingest64Ratio16: round(at64.sessionsPerSec / at16.sessionsPerSec, 2),
    ingest64RatioMemory: round(at64.sessionsPerSec / memory64.sessionsPerSec, 2),
    ingestFramesPerFsync64: at64.framesPerFsync,
    ingestServerCpuUsPerSession64: at64.serverCpuUsPerSession,
    ingestServerCpuBoundPerSec64: at64.serverCpuUsPerSession > 0 ? Math.round(1e6 / at64.serverCpuUsPerSession) : 0,
    ingestServerMainThreadCpuUsPerSession64: at64.serverMainThreadCpuUsPerSession,
    ingestServerMainThreadBoundPerSec64: at64.serverMainThreadCpuUsPerSession > 0 ? Math.round(1e6 / at64.serverMainThreadCpuUsPerSession) : 0,
    ingestClientCpuUsPerSession64: at64.clientCpuUsPerSession,
    ingestFloorSessionsPerSec64: floor64.sessionsPerSec,
    ingestFloorServerCpuUsPerSession64: floor64.serverCpuUsPerSession,
    ingestFloorServerMainThreadCpuUsPerSession64: floor64.serverMainThreadCpuUsPerSession,
    ingest64RatioFloor: round(at64.sessionsPerSec / floor64.sessionsPerSec, 2),
    ingest64Note: `${loadSessions} envelopes of one session update; server as its own process (dist/server.js), 64 keep-alive clients (pre-built requests on raw sockets) each waiting for its 200; baselines: 16 clients durable, 64 clients without a data dir, floor = Node http answering a fixed 200; target >= 20,000/s`,
  };
}
