// `npm run soak` (issue 11): the server as users run it (dist/server.js, loopback only) takes
// envelopes from 64 SDK-like clients while it is kill -9'ed and restarted at random 20 times;
// between restarts a bit is flipped in a random frame of the log written by an earlier run (a
// closed stretch); during one run 50 keyless gzip bombs arrive together. At the end:
//   - every acknowledged session is in the log exactly once, except those inside a frame the
//     soak itself damaged (known before the flip), and no session is there twice;
//   - the restarted server counts exactly the sessions the log holds, and reported every flip;
//   - the server's peak RSS while the bombs arrived stays under the stated bound.
// Bounded: 20 restarts, a few seconds each; exits non-zero on any failure.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { LOG_FILE } from '../../src/server/store/durableStore';
import { readFrames } from '../../src/server/store/frameScan';
import { decodeEntries, FRAME_DATA } from '../../src/server/store/logRecords';

/** RH_SOAK_SERVER: another build of the server to soak (e.g. an older commit's, for comparison). */
const SERVER = process.env.RH_SOAK_SERVER ?? path.join(__dirname, '..', '..', 'dist', 'server.js');
const KEY = 'soakkey';
const TOKEN = 'soaktoken';
const CLIENTS = 64;
const RESTARTS = 20;
const BOMBS = 50;
/** What the server may grow by (RSS above its level just before the bombs) while they arrive. */
const BOMB_RSS_BOUND_MB = 150;

interface Server {
  child: ChildProcess;
  stderr: () => string;
}

const rand = (lo: number, hi: number): number => lo + Math.random() * (hi - lo);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function start(port: number, dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, [SERVER, '--port', String(port), '--data', dataDir, '--project', 'soak=1', '--key', KEY, '--token', TOKEN], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { child, stderr: () => err };
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function post(agent: http.Agent, port: number, pathAndQuery: string, body: Buffer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathAndQuery, method: 'POST', agent, headers: { 'Content-Length': String(body.length), ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.setTimeout(30_000, () => req.destroy());
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

function envelope(sid: string): Buffer {
  const started = new Date(Date.now() - 60_000).toISOString();
  const payload = JSON.stringify({ sid, did: `user-${sid.length % 97}`, init: true, started, timestamp: started, status: 'exited', errors: 0, duration: 1, attrs: { release: 'soak@1.0.0', environment: 'production' } });
  return Buffer.from(`${JSON.stringify({ sent_at: started })}\n${JSON.stringify({ type: 'session', length: Buffer.byteLength(payload) })}\n${payload}\n`);
}

/** Session ids of one frame's entries. */
function sidsOf(payload: Buffer): string[] {
  const out: string[] = [];
  for (const e of decodeEntries(JSON.parse(payload.toString('utf8')))) {
    if (e.kind === 'session' && e.session.record.kind === 'update' && e.session.record.sid) out.push(e.session.record.sid);
  }
  return out;
}

async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-soak-'));
  const port = await freePort();
  const acked = new Set<string>();
  const destroyed = new Set<string>();
  const flips: Array<{ offset: number; bit: number; sids: number }> = [];
  const failures: string[] = [];
  let sent = 0;
  let stop = false;
  let up = false;
  const started = Date.now();

  // The clients run across restarts: an envelope without its 200 is not acknowledged (and, like
  // an SDK that gives up, not sent again: every session id is sent once).
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const clients = Array.from({ length: CLIENTS }, async (_, c) => {
    let n = 0;
    while (!stop) {
      if (!up) {
        await sleep(20);
        continue;
      }
      const sid = `c${c}-${n++}`;
      sent++;
      const status = await post(agent, port, `/api/1/envelope/?sentry_key=${KEY}`, envelope(sid), { 'Content-Type': 'application/x-sentry-envelope' });
      if (status === 200) acked.add(sid);
      else await sleep(20);
    }
  });

  const bomb = zlib.gzipSync(Buffer.alloc(100 * 1024 * 1024), { level: 9 });
  let bombReport = '';
  let logBytesAtStart = 0;
  let recoveryLines = 0;
  try {
    for (let run = 0; run < RESTARTS; run++) {
      const file = path.join(dataDir, LOG_FILE);
      // A bit flip in a frame an earlier run wrote (the log is closed: no server is running).
      if (run >= 2 && fs.existsSync(file) && run % 2 === 0) {
        const frames: Array<{ offset: number; length: number; sids: string[] }> = [];
        readFrames(file, (f) => {
          if (f.kind === FRAME_DATA && f.offset + 16 + f.payload.length <= logBytesAtStart) frames.push({ offset: f.offset, length: 16 + f.payload.length, sids: sidsOf(f.payload) });
        });
        // Not the last frame: damage with nothing valid after it is a tail, cut as a torn one.
        const victim = frames[Math.floor(Math.random() * (frames.length - 1))];
        if (victim) {
          const fd = fs.openSync(file, 'r+');
          const at = victim.offset + Math.floor(Math.random() * victim.length);
          const byte = Buffer.alloc(1);
          fs.readSync(fd, byte, 0, 1, at);
          const bit = Math.floor(Math.random() * 8);
          byte[0] ^= 1 << bit;
          fs.writeSync(fd, byte, 0, 1, at);
          fs.closeSync(fd);
          for (const s of victim.sids) destroyed.add(s);
          flips.push({ offset: victim.offset, bit: at * 8 + bit, sids: victim.sids.length });
        }
      }
      logBytesAtStart = fs.existsSync(file) ? fs.statSync(file).size : 0;
      const server = await start(port, dataDir);
      up = true;
      if (run === Math.floor(RESTARTS / 2)) {
        await sleep(300);
        const before = rssMb(server.child.pid!);
        let peak = before;
        const probe = setInterval(() => (peak = Math.max(peak, rssMb(server.child.pid!))), 10);
        const bombAgent = new http.Agent({ keepAlive: false });
        const t0 = Date.now();
        const statuses = await Promise.all(Array.from({ length: BOMBS }, () => post(bombAgent, port, '/api/1/envelope/', bomb, { 'Content-Encoding': 'gzip' })));
        clearInterval(probe);
        bombAgent.destroy();
        const counts = statuses.reduce<Record<string, number>>((m, s) => ((m[s] = (m[s] ?? 0) + 1), m), {});
        bombReport = `${BOMBS} keyless gzip bombs (${(bomb.length / 1024).toFixed(0)} KB each, 100 MB decoded) answered ${JSON.stringify(counts)} in ${Date.now() - t0} ms; server RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB (bound: +${BOMB_RSS_BOUND_MB} MB)`;
        if (peak - before > BOMB_RSS_BOUND_MB) failures.push(`bombs: RSS grew by ${(peak - before).toFixed(0)} MB`);
        if (Object.keys(counts).some((s) => s !== '401' && s !== '0')) failures.push(`bombs: answers ${JSON.stringify(counts)}`);
      }
      await sleep(rand(400, 1600));
      server.child.kill('SIGKILL');
      await new Promise((r) => server.child.once('exit', r));
      up = false;
      recoveryLines += (server.stderr().match(/damaged bytes at offset/g) ?? []).length;
      process.stderr.write(`soak: run ${run + 1}/${RESTARTS} killed; ${acked.size} acknowledged of ${sent} sent\n`);
    }
  } finally {
    stop = true;
    await Promise.all(clients);
    agent.destroy();
  }

  // The last start: recovery of the last flips, then the server's own count.
  const last = await start(port, dataDir);
  let serverTotal = -1;
  try {
    serverTotal = await new Promise<number>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: '/api/0/organizations/sentry/sessions/?field=sum(session)&statsPeriod=1d&interval=1d', headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve((JSON.parse(body) as { groups: Array<{ totals: Record<string, number> }> }).groups[0]?.totals['sum(session)'] ?? 0));
      }).on('error', reject);
    });
  } finally {
    last.child.kill('SIGTERM');
    await new Promise((r) => last.child.once('exit', r));
  }
  recoveryLines += (last.stderr().match(/damaged bytes at offset/g) ?? []).length;

  const inLog = new Map<string, number>();
  readFrames(path.join(dataDir, LOG_FILE), (f) => {
    if (f.kind !== FRAME_DATA) return;
    for (const s of sidsOf(f.payload)) inLog.set(s, (inLog.get(s) ?? 0) + 1);
  });
  const twice = [...inLog].filter(([, n]) => n > 1).map(([s]) => s);
  const lost = [...acked].filter((s) => !destroyed.has(s) && !inLog.has(s));
  const resurrected = [...destroyed].filter((s) => inLog.has(s));
  if (twice.length > 0) failures.push(`${twice.length} sessions in the log more than once: ${twice.slice(0, 5).join(', ')}`);
  if (lost.length > 0) failures.push(`${lost.length} acknowledged sessions lost: ${lost.slice(0, 5).join(', ')}`);
  if (resurrected.length > 0) failures.push(`${resurrected.length} sessions of damaged frames still counted`);
  if (serverTotal !== inLog.size) failures.push(`server counts ${serverTotal} sessions, the log holds ${inLog.size}`);
  if (recoveryLines !== flips.length) failures.push(`${flips.length} flips, ${recoveryLines} damage reports in the server's log`);

  const seconds = (Date.now() - started) / 1000;
  const damagedFiles = fs.readdirSync(dataDir).filter((f) => f.includes('.damaged-at-')).length;
  process.stdout.write([
    `soak: ${RESTARTS} kill -9 restarts in ${seconds.toFixed(0)} s, ${CLIENTS} clients`,
    `  sent ${sent} envelopes (one session each), ${acked.size} acknowledged, ${inLog.size} sessions in the log, server counts ${serverTotal}`,
    `  ${flips.length} bit flips in closed frames destroyed ${destroyed.size} sessions (${[...destroyed].filter((s) => acked.has(s)).length} of them acknowledged); ${recoveryLines} damage reports; ${damagedFiles} stretches moved aside`,
    `  acknowledged and lost (outside damaged frames): ${lost.length}; in the log twice: ${twice.length}`,
    `  ${bombReport}`,
    failures.length === 0 ? 'soak: PASSED' : `soak: FAILED\n  ${failures.join('\n  ')}`,
  ].join('\n') + '\n');
  fs.rmSync(dataDir, { recursive: true, force: true });
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
