// Server ingest at SDK scale (issue 16): the server runs as its own process (dist/server.js, as
// users run it) and this process plays N SDK-like clients, each with its own keep-alive socket,
// posting one session update per envelope and waiting for the answer before the next (as SDK
// transports do). A 200 means the session is fsync'ed (group commit: one fdatasync covers what
// arrived meanwhile). Baselines in the same run: the same durable server with 16 clients, 64
// clients against a server without a data dir (no fsync at all), and the floor: 64 clients
// against a Node http server that answers every request with a fixed 200 (what Node's HTTP layer
// alone costs on this machine).
//
// The clients share the 2 cores with the server, so they are made cheap: every request (HTTP head
// and envelope) is built before the clock starts and written as one buffer to a raw socket; the
// answer is read by its status line and Content-Length only. Real SDKs run on other machines.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

export type IngestTarget = 'durable' | 'memory' | 'floor';

export interface IngestRun {
  clients: number;
  target: IngestTarget;
  sessions: number;
  sessionsPerSec: number;
  /** Frames per fsync, from the server's shutdown line (durable runs). */
  framesPerFsync: number | null;
  /** The server process's CPU time (user + system, all threads) per session. */
  serverCpuUsPerSession: number;
  /**
   * Its main thread's alone (JavaScript, HTTP, socket writes): what bounds one process, since
   * the log's write and fdatasync run on libuv's thread pool.
   */
  serverMainThreadCpuUsPerSession: number;
  /** This (load-generating) process's CPU time per session: what it takes from the server's cores. */
  clientCpuUsPerSession: number;
}

/** CPU seconds a process (or with `thread`, one of its threads) has used (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number, thread?: number): number {
  try {
    const fields = fs.readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

/** RH_INGEST_SERVER=path/to/server.js: another build, to compare two side by side. */
const SERVER = process.env.RH_INGEST_SERVER ?? path.join(__dirname, '..', '..', 'dist', 'server.js');
const KEY = 'benchingestkey';
/** The floor: Node's http server answering a fixed 200 with relay's `{}` after reading the body. */
const FLOOR_SERVER = `
const http = require('http');
const server = http.createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => { res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 2 }); res.end('{}'); });
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => process.stdout.write('listening on http://127.0.0.1:' + server.address().port + '\\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

async function startServerProcess(target: IngestTarget, dataDir: string | null): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const args = target === 'floor'
    ? ['-e', FLOOR_SERVER]
    : [SERVER, '--port', '0', '--project', 'bench=1', '--key', KEY, ...(dataDir ? ['--data', dataDir] : [])];
  // RH_INGEST_PROFILE_DIR=dir: the server writes a V8 CPU profile there (`--cpu-prof`) on exit.
  const profile = process.env.RH_INGEST_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.RH_INGEST_PROFILE_DIR] : [];
  // RH_INGEST_NODE_ARGS="--flag ...": node flags for the server (experiments such as GC sizes).
  const nodeArgs = (process.env.RH_INGEST_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
  const child = spawn(process.execPath, [...profile, ...nodeArgs, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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

function envelope(i: number, startedIso: string): string {
  const payload = JSON.stringify({
    sid: `ingest-${i}`, did: `user-${i % 500}`, init: true, started: startedIso, timestamp: startedIso, status: i % 50 === 0 ? 'crashed' : 'exited',
    errors: i % 50 === 0 ? 1 : 0, duration: 60, attrs: { release: `bench@1.${i % 7}.0`, environment: 'production' },
  });
  return `${JSON.stringify({ sent_at: startedIso })}\n${JSON.stringify({ type: 'session', length: Buffer.byteLength(payload) })}\n${payload}\n`;
}

/** The whole HTTP request as an SDK transport sends it (headers as @sentry/node's http transport). */
function requestBytes(host: string, body: string): Buffer {
  return Buffer.from(
    'POST /api/1/envelope/ HTTP/1.1\r\n'
    + `Host: ${host}\r\n`
    + `X-Sentry-Auth: Sentry sentry_key=${KEY}, sentry_version=7, sentry_client=bench/1.0\r\n`
    + 'Content-Type: application/x-sentry-envelope\r\n'
    + `Content-Length: ${Buffer.byteLength(body)}\r\n`
    + 'Connection: keep-alive\r\n\r\n'
    + body,
    'utf8',
  );
}

/**
 * One SDK-like client: a keep-alive socket that sends a request, waits for the whole answer
 * (status line, headers, Content-Length bytes of body), checks the status, and sends the next.
 */
class Client {
  private readonly socket: net.Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (status: number) => void; reject: (err: Error) => void } | null = null;

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.answer();
    });
    const fail = (err: Error): void => {
      const w = this.waiting;
      this.waiting = null;
      w?.reject(err);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('ingest bench: the server closed the connection')));
  }

  static connect(port: number): Promise<Client> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.off('error', reject);
        resolve(new Client(socket));
      });
      socket.once('error', reject);
    });
  }

  send(request: Buffer): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  private answer(): void {
    const headEnd = this.buffered.indexOf('\r\n\r\n');
    if (headEnd < 0 || this.waiting === null) return;
    const head = this.buffered.toString('latin1', 0, headEnd);
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    const total = headEnd + 4 + (length ? Number(length[1]) : 0);
    if (this.buffered.length < total) return;
    this.buffered = this.buffered.subarray(total);
    const w = this.waiting;
    this.waiting = null;
    w.resolve(Number(head.slice(9, 12)));
  }

  close(): void {
    this.socket.destroy();
  }
}

export async function ingestRun(sessions: number, clients: number, target: IngestTarget): Promise<IngestRun> {
  const dataDir = target === 'durable' ? fs.mkdtempSync(path.join(os.tmpdir(), 'rh-bench-ingest-')) : null;
  const server = await startServerProcess(target, dataDir);
  const sockets: Client[] = [];
  try {
    const { host, port } = new URL(server.url);
    const startedIso = new Date(Date.now() - 3600e3).toISOString();
    const requests = Array.from({ length: sessions }, (_, i) => requestBytes(host, envelope(i, startedIso)));
    for (let c = 0; c < clients; c++) sockets.push(await Client.connect(Number(port)));
    // Warm-up: every socket used once, the server's JIT warm.
    const warmUp = Array.from({ length: clients * 20 }, (_, i) => requestBytes(host, envelope(-1 - i, startedIso)));
    const drive = async (list: Buffer[]): Promise<void> => {
      let next = 0;
      await Promise.all(sockets.map(async (socket) => {
        while (next < list.length) {
          const status = await socket.send(list[next++]);
          if (status !== 200) throw new Error(`ingest bench: HTTP ${status}`);
        }
      }));
    };
    await drive(warmUp);
    const cpu0 = cpuSeconds(server.child.pid!);
    const main0 = cpuSeconds(server.child.pid!, server.child.pid!);
    const own0 = process.cpuUsage();
    const t0 = performance.now();
    await drive(requests);
    const seconds = (performance.now() - t0) / 1000;
    const own = process.cpuUsage(own0);
    const cpu = cpuSeconds(server.child.pid!) - cpu0;
    const mainCpu = cpuSeconds(server.child.pid!, server.child.pid!) - main0;
    for (const s of sockets) s.close();
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    const m = /\(([\d.]+) a fsync\)/.exec(server.stderr());
    return {
      clients, target, sessions,
      sessionsPerSec: Math.round(sessions / seconds),
      framesPerFsync: m ? Number(m[1]) : null,
      serverCpuUsPerSession: Math.round((cpu / sessions) * 1e6),
      serverMainThreadCpuUsPerSession: Math.round((mainCpu / sessions) * 1e6),
      clientCpuUsPerSession: Math.round((own.user + own.system) / sessions),
    };
  } finally {
    for (const s of sockets) s.close();
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
