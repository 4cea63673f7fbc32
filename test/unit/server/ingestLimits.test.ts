// Issue 11, points 3, 4, 7 and 11: a request without a valid key costs no memory, projects are
// created only for Sentry's ids and only up to a cap, absurd values are refused, and what an
// acknowledged envelope dropped is counted in the server's log.
import { strict as assert } from 'assert';
import * as http from 'http';
import * as zlib from 'zlib';
import type { RunningServer } from '../../../src/server/server';
import { aggregates, api, envelopeBody, iso, NOW, postEnvelope, sessions, testServer, update } from './helpers';

const T = NOW - 3600;
const one = (sid: string, fields: Partial<Parameters<typeof update>[0]> = {}): Buffer =>
  envelopeBody([{ type: 'session', payload: update({ sid, init: true, started: T, status: 'exited', ...fields }) }]);

/** Posts raw bytes; resolves with the status (or 0 if the server closed the connection first). */
function postRaw(server: RunningServer, path: string, body: Buffer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Length': String(body.length), ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

describe('server/ingest: no memory for requests without a valid key', function () {
  this.timeout(60000);
  // 100 MB of zeros, no newline: a gzip bomb of about 100 KB.
  const bomb = zlib.gzipSync(Buffer.alloc(100 * 1024 * 1024), { level: 9 });
  let server: RunningServer;
  before(async () => {
    server = await testServer({ decodeBudgetBytes: 8 * 1024 * 1024 });
  });
  after(async () => server.close());

  it('answers keyless and wrongly keyed gzip bombs 401/403 while decoding almost nothing', async () => {
    const base = process.memoryUsage().arrayBuffers;
    let peak = base;
    const probe = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 5);
    try {
      const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) =>
        postRaw(server, i % 3 === 2 ? '/api/1/envelope/?sentry_key=wrong' : '/api/1/envelope/', bomb, { 'Content-Encoding': 'gzip' })));
      assert.deepEqual(statuses.filter((s) => s !== 0 && s !== 401 && s !== 403), [], statuses.join(','));
      assert.ok(statuses.includes(401) && statuses.includes(403), statuses.join(','));
    } finally {
      clearInterval(probe);
    }
    const grewMb = (peak - base) / 1048576;
    assert.ok(grewMb < 40, `array buffers grew by ${grewMb.toFixed(0)} MB for 12 refused bombs`);
  });

  it('refuses a keyed envelope beyond the decode budget with 503 and Retry-After, and still takes normal ones', async () => {
    const big = zlib.gzipSync(Buffer.concat([Buffer.from('{}\n{"type":"attachment"}\n'), Buffer.alloc(16 * 1024 * 1024, 0x61), Buffer.from('\n')]));
    const res = await fetch(`${server.url}/api/1/envelope/?sentry_key=testkey`, { method: 'POST', headers: { 'Content-Encoding': 'gzip' }, body: new Uint8Array(big) });
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '1');
    assert.equal((await postEnvelope(server, 1, one('fine'), { encoding: 'gzip' })).status, 200);
  });

  it('still takes the key from the envelope header of a gzipped tunnel envelope', async () => {
    const body = envelopeBody([{ type: 'session', payload: update({ sid: 'tun', init: true, started: T, status: 'exited' }) }], { dsn: 'http://testkey@127.0.0.1/1' });
    assert.equal((await postEnvelope(server, 1, body, { key: null, encoding: 'gzip' })).status, 200);
    const wrong = envelopeBody([{ type: 'session', payload: update({ sid: 'tun2', init: true, started: T }) }], { dsn: 'http://nope@127.0.0.1/1' });
    assert.equal((await postEnvelope(server, 1, wrong, { key: null, encoding: 'gzip' })).status, 403);
  });
});

describe('server/ingest: which projects an envelope may create', () => {
  it('refuses project 0 and ids beyond 2^53, and stops creating projects at the cap with a clear 403', async () => {
    const server = await testServer({ maxAutoProjects: 3 });
    try {
      assert.equal((await postEnvelope(server, 0, one('zero'))).status, 403);
      const huge = await fetch(`${server.url}/api/9007199254740993/envelope/?sentry_key=testkey`, { method: 'POST', body: new Uint8Array(one('huge')) });
      assert.equal(huge.status, 400);
      for (const id of [10, 11, 12]) assert.equal((await postEnvelope(server, id, one(`p${id}`))).status, 200);
      const over = await postEnvelope(server, 13, one('p13'));
      assert.equal(over.status, 403);
      assert.match(over.body.detail, /limit of 3 projects/);
      // Existing projects, declared or created, keep taking data.
      assert.equal((await postEnvelope(server, 12, one('p12b'))).status, 200);
      assert.equal((await postEnvelope(server, 1, one('p1'))).status, 200);
      const projects = await api(server, 'projects');
      assert.deepEqual(projects.body.map((p: any) => p.slug).sort(), ['app', 'project-10', 'project-11', 'project-12']);
    } finally {
      await server.close();
    }
  });

  it('keeps the by.project key of a declared project 0', async () => {
    const server = await testServer({ projects: [{ slug: 'zero', id: 0 }] });
    try {
      assert.equal((await postEnvelope(server, 0, one('z'))).status, 200);
      const r = await sessions(server, { field: 'sum(session)', groupBy: 'project', statsPeriod: '1d', interval: '1h' });
      assert.deepEqual(r.body.groups.map((g: any) => g.by), [{ project: 0 }]);
    } finally {
      await server.close();
    }
  });
});

describe('server/ingest: absurd values and what was dropped', () => {
  let server: RunningServer;
  let lines: string[];
  beforeEach(async () => {
    lines = [];
    server = await testServer({ log: (l) => lines.push(l) });
  });
  afterEach(async () => server.close());

  it('refuses aggregate counts that would wrap and sessions dated far ahead, counted as dropped', async () => {
    const body = envelopeBody([
      { type: 'sessions', payload: aggregates([{ started: T, exited: 2 ** 32 + 5 }, { started: T, exited: 2 }]) },
      { type: 'session', payload: update({ sid: 'future', init: true, started: Date.parse('2100-01-01T00:00:00Z') / 1000, status: 'exited', release: 'r2100' }) },
      { type: 'session', payload: update({ sid: 'tomorrow', init: true, started: NOW + 3600, status: 'exited', release: 'soon' }) },
    ]);
    assert.equal((await postEnvelope(server, 1, body)).status, 200);
    const releases = await api(server, 'releases', { health: '1' });
    assert.deepEqual(releases.body.map((r: any) => r.version).sort(), ['r1', 'soon']);
    const r = await sessions(server, { field: 'sum(session)', groupBy: 'release', statsPeriod: '1d', interval: '1h' });
    const byRelease = Object.fromEntries(r.body.groups.map((g: any) => [g.by.release, g.totals['sum(session)']]));
    assert.equal(byRelease.r1, 2);
    assert.ok(lines.some((l) => /count above/.test(l) && /more than a day in the future/.test(l)), lines.join('\n'));
  });

  it('logs unknown item types and truncated session items of an acknowledged envelope', async () => {
    const body = Buffer.concat([
      envelopeBody([{ type: 'mystery', payload: { a: 1 } }, { type: 'session', payload: update({ sid: 'kept', init: true, started: T, status: 'exited' }) }]),
      Buffer.from(`{"type":"session"}\n{"sid":"cut","init":true,"started":"${iso(T)}","attrs":{"rel`),
    ]);
    const r = await postEnvelope(server, 1, body);
    assert.equal(r.status, 200);
    const text = lines.join('\n');
    assert.match(text, /unknown type "mystery"/);
    assert.match(text, /session item that is not valid JSON \(truncated\?\)/);
  });
});
