// Issue 11, points 8 and 9: hostile requests get 4xx, not 500s; client aborts are not internal
// errors; slow clients are cut; guessed tokens are rate limited like any other traffic.
import { strict as assert } from 'assert';
import * as net from 'net';
import type { RunningServer } from '../../../src/server/server';
import { api, sessions, testServer } from './helpers';

describe('server/http: hostile requests', function () {
  this.timeout(30000);
  let server: RunningServer;
  let lines: string[];
  beforeEach(async () => {
    lines = [];
    server = await testServer({ log: (l) => lines.push(l), requestTimeoutMs: 1000, headersTimeoutMs: 1000, rateLimit: 20 });
  });
  afterEach(async () => server.close());

  it('answers 7,000 nested parentheses with 400, not a stack overflow', async () => {
    // Parentheses unescaped, so that 7,000 levels fit Node's 16 KB header limit.
    const url = `${server.url}/api/0/organizations/sentry/sessions/?field=sum(session)&statsPeriod=1d&interval=1h&query=${'('.repeat(7000)}release:a${')'.repeat(7000)}`;
    const res = await fetch(url, { headers: { Authorization: 'Bearer test-token' } });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { detail: string }).detail, /nested/);
    assert.deepEqual(lines.filter((l) => /internal error/.test(l)), []);
    const ok = await sessions(server, { field: 'sum(session)', statsPeriod: '1d', interval: '1h', query: '((release:a OR release:b))' });
    assert.equal(ok.status, 200);
  });

  it('answers a bad percent-escape in the organization slug after authentication (401, then 404)', async () => {
    const anon = await fetch(`${server.url}/api/0/organizations/%E0%A4%A/sessions/`);
    assert.equal(anon.status, 401);
    const authed = await api(server, 'releases', {}, undefined, '%E0%A4%A');
    assert.equal(authed.status, 404);
    assert.deepEqual(lines.filter((l) => /internal error/.test(l)), []);
  });

  it('does not log a client that hangs up mid-body as an internal error', async () => {
    await new Promise<void>((resolve) => {
      const s = net.connect(server.port, '127.0.0.1', () => {
        s.write('POST /api/1/envelope/?sentry_key=testkey HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{}\n{"type":"session"}\n');
        setTimeout(() => {
          s.destroy();
          resolve();
        }, 100);
      });
    });
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(lines.filter((l) => /internal error/.test(l)), []);
  });

  it('closes connections that send their body too slowly, and still serves new clients', async () => {
    const sockets = await Promise.all(Array.from({ length: 50 }, () => new Promise<net.Socket>((resolve) => {
      const s = net.connect(server.port, '127.0.0.1', () => {
        s.write('POST /api/1/envelope/?sentry_key=testkey HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{');
        resolve(s);
      });
      s.resume();
      s.on('error', () => undefined);
    })));
    const closed = sockets.map((s) => new Promise<void>((resolve) => s.once('close', () => resolve())));
    const deadline = new Promise<string>((r) => setTimeout(() => r('still open'), 5000));
    assert.equal(await Promise.race([Promise.all(closed).then(() => 'closed'), deadline]), 'closed');
    assert.equal((await sessions(server, { field: 'sum(session)', statsPeriod: '1d', interval: '1h' })).status, 200);
  });

  it('serves a new client when slow connections fill the connection cap (the oldest are closed)', async () => {
    const capped = await testServer({ maxConnections: 20, requestTimeoutMs: 60_000, headersTimeoutMs: 60_000 });
    const sockets: net.Socket[] = [];
    try {
      for (let i = 0; i < 40; i++) {
        sockets.push(await new Promise<net.Socket>((resolve) => {
          const s = net.connect(capped.port, '127.0.0.1', () => {
            s.write('POST /api/1/envelope/?sentry_key=testkey HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{');
            resolve(s);
          });
          s.resume();
          s.on('error', () => undefined);
        }));
      }
      const reply = await Promise.race([
        sessions(capped, { field: 'sum(session)', statsPeriod: '1d', interval: '1h' }).then((r) => r.status),
        new Promise<string>((r) => setTimeout(() => r('locked out'), 3000)),
      ]);
      assert.equal(reply, 200);
    } finally {
      for (const s of sockets) s.destroy();
      await capped.close();
    }
  });

  it('rate limits guessed tokens by address: a new guess is not a new caller', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await api(server, 'projects', {}, `guess-${i}`)).status);
    assert.ok(statuses.includes(429), statuses.join(','));
    // The real token is its own caller and is not slowed by the guesses.
    assert.equal((await api(server, 'projects')).status, 200);
  });
});
