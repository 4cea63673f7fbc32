// POST /api/{project_id}/envelope/: envelope parsing, compression, DSN-key auth and what is stored.
import { strict as assert } from 'assert';
import * as http from 'http';
import type { RunningServer } from '../../../src/server/server';
import { aggregates, api, envelopeBody, group, NOW, postEnvelope, sessions, testServer, update } from './helpers';

const T = NOW - 3600;
const q = { field: 'sum(session)', groupBy: 'project', statsPeriod: '1d', interval: '1h' };

describe('server/ingest: envelopes', () => {
  let server: RunningServer;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(async () => server.close());

  const total = async (): Promise<number> => {
    const r = await sessions(server, { field: 'sum(session)', statsPeriod: '1d', interval: '1h' });
    return r.body.groups[0].totals['sum(session)'];
  };

  it('stores session and sessions items, plain and with explicit lengths, and ignores other item types', async () => {
    const body = envelopeBody([
      { type: 'event', payload: { message: 'hello' } },
      { type: 'session', payload: update({ sid: 'a', init: true, started: T, status: 'exited' }), length: true },
      { type: 'attachment', payload: 'line one\nline two', length: true },
      { type: 'sessions', payload: aggregates([{ started: T, exited: 4, crashed: 1 }]) },
    ], { event_id: '9ec79c33ec9942ab8353589fcb2e04dc', sent_at: new Date().toISOString() });
    const r = await postEnvelope(server, 1, body);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { id: '9ec79c33ec9942ab8353589fcb2e04dc' });
    assert.equal(await total(), 6);
  });

  for (const encoding of ['gzip', 'deflate', 'br'] as const) {
    it(`undoes Content-Encoding: ${encoding}`, async () => {
      const body = envelopeBody([{ type: 'session', payload: update({ sid: 'z', init: true, started: T, status: 'exited' }) }]);
      const r = await postEnvelope(server, 1, body, { encoding });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(await total(), 1);
    });
  }

  it('takes the key from X-Sentry-Auth or ?sentry_key; missing is 401, unknown is 403, nothing stored', async () => {
    const body = envelopeBody([{ type: 'session', payload: update({ sid: 'k', init: true, started: T, status: 'exited' }) }]);
    assert.equal((await postEnvelope(server, 1, body, { via: 'query' })).status, 200);
    const missing = await postEnvelope(server, 1, body, { key: null });
    assert.equal(missing.status, 401);
    const unknown = await postEnvelope(server, 1, body, { key: 'not-a-key' });
    assert.equal(unknown.status, 403);
    assert.deepEqual(unknown.body, { detail: 'event submission rejected with_reason: ProjectId' });
    assert.equal(await total(), 1);
  });

  it('answers {} with the CORS headers, and routes a request target not in normal form as the URL it means', async () => {
    const body = envelopeBody([{ type: 'session', payload: update({ sid: 'r', init: true, started: T, status: 'exited' }) }]);
    const plain = await postEnvelope(server, 1, body);
    assert.equal(plain.status, 200);
    assert.deepEqual(plain.body, {});
    assert.equal(plain.headers.get('access-control-allow-origin'), '*');
    assert.equal(plain.headers.get('content-type'), 'application/json');
    // Sent as written (fetch would normalise them): dot segments, a fragment.
    const targets = ['/api/1/./envelope/?sentry_key=testkey', '/api/2/../1/envelope/?sentry_key=testkey', '/api/1/envelope/?sentry_key=testkey#x'];
    for (const target of targets) {
      const r = await rawPost(server, target, body);
      assert.equal(r.status, 200, `${target}: ${r.body}`);
      assert.equal(r.body, '{}');
    }
    assert.equal(await total(), 1 + targets.length);
    // The key in the query is read as URL query: escapes undone.
    assert.equal((await rawPost(server, '/api/1/envelope/?sentry_key=test%6Bey', body)).status, 200);
    assert.equal((await rawPost(server, '/api/1/envelope/?sentry_key=nokey', body)).status, 403);
  });

  it('accepts the key from the envelope header dsn (tunnels)', async () => {
    const body = envelopeBody([{ type: 'session', payload: update({ sid: 't', init: true, started: T, status: 'exited' }) }], { dsn: `http://testkey@127.0.0.1/1` });
    assert.equal((await postEnvelope(server, 1, body, { key: null })).status, 200);
  });

  it('drops invalid session items like relay, and refuses a broken envelope with 400', async () => {
    const body = envelopeBody([
      { type: 'session', payload: '{not json' },
      { type: 'session', payload: { started: new Date(T * 1000).toISOString() } },
      { type: 'sessions', payload: update({ sid: 'x', init: true, started: T }) },
      { type: 'session', payload: update({ sid: 'ok', init: true, started: T, status: 'exited' }) },
    ]);
    assert.equal((await postEnvelope(server, 1, body)).status, 200);
    assert.equal(await total(), 1);
    const broken = await postEnvelope(server, 1, Buffer.from('{"event_id": \n'));
    assert.equal(broken.status, 400);
    const short = await postEnvelope(server, 1, Buffer.from('{}\n{"type":"session","length":500}\n{}\n'));
    assert.equal(short.status, 400);
  });

  it('creates project-ID for an envelope to an undeclared project id', async () => {
    const body = envelopeBody([{ type: 'session', payload: update({ sid: 'n', init: true, started: T, status: 'exited' }) }]);
    assert.equal((await postEnvelope(server, 42, body)).status, 200);
    const projects = await api(server, 'projects');
    const created = projects.body.find((p: any) => p.slug === 'project-42');
    assert.equal(created.id, '42');
    assert.equal(created.hasSessions, true);
    const r = await sessions(server, q);
    assert.equal(group(r.body, { project: 42 }).totals['sum(session)'], 1);
  });

  it('counts errored sessions by session id across updates, as relay’s error set does', async () => {
    const body = envelopeBody([
      { type: 'session', payload: update({ sid: 'e', did: 'u', init: true, started: T, status: 'ok', errors: 1 }) },
      { type: 'session', payload: update({ sid: 'e', did: 'u', started: T, status: 'ok', errors: 2 }) },
      { type: 'session', payload: update({ sid: 'e', did: 'u', started: T, status: 'exited', errors: 2 }) },
    ]);
    await postEnvelope(server, 1, body);
    const r = await sessions(server, { field: 'sum(session)', groupBy: 'session.status', statsPeriod: '1d', interval: '1h' });
    assert.equal(group(r.body, { 'session.status': 'errored' }).totals['sum(session)'], 1);
    assert.equal(group(r.body, { 'session.status': 'healthy' }).totals['sum(session)'], 0);
  });
});

/** POST to a request target exactly as written (fetch and URL would normalise it). */
function rawPost(server: RunningServer, target: string, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    const req = http.request({ hostname, port, path: target, method: 'POST', headers: { 'Content-Type': 'application/x-sentry-envelope' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
