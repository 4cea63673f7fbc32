// The client against servers that misbehave on purpose. Every error is also searched for the
// token (message, stack, JSON, util.inspect): it must never be there.
import { strict as assert } from 'assert';
import * as util from 'util';
import { checkConnection, fetchApiOverview, listProjects, type ApiSourceConfig, type RequestLogEntry } from '../../../src/api/fetchApiOverview';
import { SentryApiError, SentryInvalidResponseError, type SentryApiErrorKind } from '../../../src/api/errors';
import { DEFAULT_THRESHOLDS } from '../../../src/health/types';
import { forgetRegions } from '../../../src/api/region';
import { closedPort, json, startFake, type FakeServer, type Handler } from './helpers/fakeServer';

const TOKEN = 'sntryu_SECRET_abcdef0123456789_never_leak';
const ORG = { id: '1', slug: 'acme', name: 'Acme' };
/** What checkConnection gives back for ORG: no region apart from the base URL. */
const CONNECTED = { ...ORG, regionUrl: null };
/** A healthy answer for the connection check's two requests: the organization, then one project. */
function orgOrProjects(res: Parameters<Handler>[1], url: URL): void {
  json(res, 200, url.pathname.endsWith('/projects/') ? [] : ORG);
}
const caught: unknown[] = [];

function leaks(err: unknown): string[] {
  const e = err as Error;
  const texts = [String(e?.message), String(e?.stack), JSON.stringify(e), util.inspect(e, { depth: 8, showHidden: true })];
  return texts.filter((t) => t.includes(TOKEN) || t.includes('SECRET_abcdef'));
}

async function expectError(p: Promise<unknown>, kind: SentryApiErrorKind, message?: RegExp): Promise<SentryApiError> {
  try {
    await p;
  } catch (err) {
    caught.push(err);
    assert.ok(err instanceof SentryApiError, `not a SentryApiError: ${util.inspect(err)}`);
    assert.equal(err.kind, kind, err.message);
    if (message) assert.match(err.message, message);
    assert.ok(!err.message.includes('\n'), 'one line');
    assert.deepEqual(leaks(err), [], 'token leaked');
    return err;
  }
  assert.fail(`expected a ${kind} error`);
}

let server: FakeServer;
before(async () => {
  server = await startFake(() => undefined);
});
after(async () => {
  await server.close();
});
// Each test learns the organization's region afresh, so its request counts do not depend on order.
beforeEach(() => forgetRegions());
function serve(handler: Handler): void {
  server.requests.length = 0;
  server.handler = handler;
}
const cfg = (extra: Partial<ApiSourceConfig> = {}): ApiSourceConfig => ({
  baseUrl: server.url,
  organization: 'acme',
  timeoutMs: 2000,
  retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20, maxRateLimitWaitMs: 3000 },
  ...extra,
});

describe('api: misbehaving servers', () => {
  it('garbage JSON is an invalid response naming the endpoint', async () => {
    serve((_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"id": 1, slug: nope}}');
    });
    await expectError(checkConnection(cfg(), TOKEN), 'invalid-response', /GET \/api\/0\/organizations\/acme\/ with unreadable text \(.*\) instead of JSON/);
  });

  it('an HTML page (a wrong base URL) is an invalid response that points at the base URL', async () => {
    serve((_q, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!DOCTYPE html><html><body>Welcome</body></html>');
    });
    await expectError(checkConnection(cfg(), TOKEN), 'invalid-response', /an HTML page instead of JSON: is http:\/\/127\.0\.0\.1:\d+ the base URL of a Sentry server/);
  });

  it('a truncated JSON body is an invalid response', async () => {
    serve((_q, res) => {
      const text = '{"id": "1", "slug": "ac';
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': text.length });
      res.end(text);
    });
    await expectError(checkConnection(cfg(), TOKEN), 'invalid-response', /instead of JSON/);
  });

  it('a connection cut mid-body is retried, then a network error', async () => {
    serve((_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 1000 });
      res.write('{"id": "1", "sl');
      setTimeout(() => res.socket?.destroy(), 10);
    });
    await expectError(checkConnection(cfg(), TOKEN), 'network', /connection to 127\.0\.0\.1:\d+ was cut during GET \/api\/0\/organizations\/acme\/ \(.*\) after 4 attempts/);
    assert.equal(server.requests.length, 4, 'first try + 3 retries');
  });

  it('a field of the wrong shape names the field', async () => {
    serve((_q, res, url) => json(res, 200, url.pathname.endsWith('/projects/') ? [{ id: '1', slug: 'a' }, { id: 2, name: 'no slug' }] : ORG));
    const err = await expectError(listProjects(cfg(), TOKEN), 'invalid-response', /\[1\]\.slug/);
    assert.ok(err instanceof SentryInvalidResponseError);
    assert.equal(err.field, '[1].slug');
  });

  it('series that do not match the intervals name the group and field', async () => {
    serve((_q, res, url) => {
      if (url.pathname.endsWith('/projects/')) return json(res, 200, [{ id: '1', slug: 'app', name: 'App', platform: null }]);
      if (url.pathname.endsWith('/releases/')) return json(res, 200, []);
      if (url.pathname.endsWith('/acme/')) return json(res, 200, ORG);
      json(res, 200, { intervals: ['2026-11-26T00:00:00Z'], groups: [{ by: { project: 1, release: 'a' }, totals: { 'sum(session)': 1 }, series: { 'sum(session)': [1, 2] } }] });
    });
    const now = Date.parse('2026-11-26T12:30:00Z') / 1000;
    const err = await expectError(
      fetchApiOverview(cfg({ projects: ['app'] }), TOKEN, { now, summaryPeriod: '24h', healthPeriod: '24h', stat: 'sessions', thresholds: DEFAULT_THRESHOLDS }),
      'invalid-response',
      /groups\[0\]\.series\.sum\(session\) has 2 values for 1 intervals/,
    );
    assert.match(err.endpoint, /sessions\/$/);
  });

  it('500s are retried with backoff, then succeed', async () => {
    serve((_q, res, u, n) => (n <= 2 ? json(res, 500, { detail: 'Internal error. Please try again.' }) : orgOrProjects(res, u)));
    assert.deepEqual(await checkConnection(cfg(), TOKEN), CONNECTED);
    assert.equal(server.requests.length, 4, '2 failures, then the organization and its projects');
  });

  it('500s that persist end in a server error after the bounded retries', async () => {
    serve((_q, res) => json(res, 500, { detail: 'Internal error. Your query failed to run.' }));
    await expectError(checkConnection(cfg(), TOKEN), 'server', /failed with 500 .* after 4 attempts: try again later\. Sentry said: "Internal error\. Your query failed to run\."/);
    assert.equal(server.requests.length, 4);
  });

  it('a 502 HTML error page is a server error', async () => {
    serve((_q, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end(`<html><body>Bad gateway ${TOKEN}</body></html>`);
    });
    await expectError(checkConnection(cfg({ retry: { maxRetries: 1, baseDelayMs: 1 } }), TOKEN), 'server', /502 .*HTML error page/);
  });

  it('an answer slower than the timeout is a timeout', async () => {
    serve((_q, res) => {
      setTimeout(() => json(res, 200, ORG), 1500);
    });
    const t0 = Date.now();
    await expectError(checkConnection(cfg({ timeoutMs: 200 }), TOKEN), 'timeout', /did not answer GET \/api\/0\/organizations\/acme\/ within 200 ms: try again, or raise the request timeout/);
    assert.ok(Date.now() - t0 < 1000);
    assert.equal(server.requests.length, 1, 'timeouts are not retried');
  });

  it('a body that trickles in past the timeout is a timeout (the whole request is timed)', async () => {
    serve((_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const text = JSON.stringify(ORG);
      let i = 0;
      const tick = setInterval(() => {
        if (i >= text.length || res.destroyed) {
          clearInterval(tick);
          res.end();
          return;
        }
        res.write(text[i++]);
      }, 40);
    });
    await expectError(checkConnection(cfg({ timeoutMs: 300 }), TOKEN), 'timeout');
  });

  it('429 waits until X-Sentry-Rate-Limit-Reset, then succeeds', async () => {
    serve((_q, res, url, n) => {
      if (n === 1) {
        const reset = Math.ceil(Date.now() / 1000) + 1;
        return json(res, 429, { detail: 'You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds' }, { 'X-Sentry-Rate-Limit-Reset': String(reset) });
      }
      orgOrProjects(res, url);
    });
    const t0 = Date.now();
    const log: RequestLogEntry[] = [];
    assert.deepEqual(await checkConnection(cfg(), TOKEN, { log: (e) => log.push(e) }), CONNECTED);
    assert.ok(Date.now() - t0 >= 500, `waited ${Date.now() - t0} ms`);
    assert.deepEqual(log.map((e) => e.status), [429, 200, 200]);
  });

  it('429 with Retry-After waits that long', async () => {
    serve((_q, res, u, n) => (n === 1 ? json(res, 429, { detail: 'slow down' }, { 'Retry-After': '0.3' }) : orgOrProjects(res, u)));
    const t0 = Date.now();
    await checkConnection(cfg(), TOKEN);
    assert.ok(Date.now() - t0 >= 280);
  });

  it('429 with a reset beyond the bound fails at once and says when to retry', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    serve((_q, res) => json(res, 429, { detail: 'Limit is 40 requests in 1 seconds' }, { 'X-Sentry-Rate-Limit-Reset': String(reset) }));
    const err = await expectError(checkConnection(cfg(), TOKEN), 'rate-limited', /rate-limiting .* \(429\): try again after \d\d:\d\d:\d\d UTC/);
    assert.equal(err.retryAt, reset * 1000);
    assert.equal(server.requests.length, 1);
  });

  it('429 that never ends stops after the bounded retries', async () => {
    serve((_q, res) => json(res, 429, { detail: 'Concurrency limit is 1' }, { 'X-Sentry-Rate-Limit-Reset': String(Math.floor(Date.now() / 1000)) }));
    await expectError(checkConnection(cfg(), TOKEN), 'rate-limited');
    assert.equal(server.requests.length, 4);
  });

  it('400 "Query timeout" is retried', async () => {
    const qt = { detail: 'Query timeout. Please try again. If the problem persists try a smaller date range or fewer projects.' };
    serve((_q, res, u, n) => (n === 1 ? json(res, 400, qt) : orgOrProjects(res, u)));
    assert.deepEqual(await checkConnection(cfg(), TOKEN), CONNECTED);
    assert.equal(server.requests.length, 3);
    serve((_q, res) => json(res, 400, qt));
    await expectError(checkConnection(cfg(), TOKEN), 'query-timeout', /query timed out .* after 4 attempts: try again, or choose a shorter summary period/);
  });

  it('other 400s are bad requests with Sentry\'s reason, not retried', async () => {
    serve((_q, res) => json(res, 400, { detail: 'Invalid groupBy: "issue.id"' }));
    await expectError(checkConnection(cfg(), TOKEN), 'bad-request', /refused GET .* \(400\)\. Sentry said: "Invalid groupBy: \\?"issue\.id\\?""/);
    assert.equal(server.requests.length, 1);
  });

  it('401, 403 and 404 say what to do', async () => {
    serve((_q, res) => json(res, 401, { detail: 'Invalid token' }));
    await expectError(checkConnection(cfg(), TOKEN), 'auth', /rejected the auth token \(401\).*invalid, expired or revoked.*personal token .*org:read and project:read/);
    serve((_q, res) => json(res, 403, { detail: 'You do not have permission to perform this action.' }));
    await expectError(checkConnection(cfg(), TOKEN), 'permission', /\(403, missing scope org:read\)\. It needs the org:read scope, which a personal token \(User Settings › Personal Tokens, sntryu_…\)/);
    serve((_q, res) => json(res, 404, { detail: 'The requested resource does not exist' }));
    await expectError(checkConnection(cfg(), TOKEN), 'not-found', /Organization 'acme' was not found on 127\.0\.0\.1:\d+ \(404/);
    assert.equal(server.requests.length, 1, 'not retried');
  });

  it('a redirect is not followed (the token stays on the configured host)', async () => {
    serve((_q, res) => {
      res.writeHead(301, { Location: 'https://sentry.example.com/api/0/organizations/acme/' });
      res.end();
    });
    await expectError(checkConnection(cfg(), TOKEN), 'config', /redirects .* to https:\/\/sentry\.example\.com: set the base URL/);
  });

  it('a server echoing the token has it redacted from every message', async () => {
    serve((q, res) => json(res, 400, { detail: `bad header ${q.headers.authorization}` }));
    const err = await expectError(checkConnection(cfg(), TOKEN), 'bad-request', /\[redacted\]/);
    assert.ok(!err.message.includes(TOKEN));
  });

  it('an unknown host names the host', async () => {
    await expectError(checkConnection(cfg({ baseUrl: 'http://no-such-sentry.invalid' }), TOKEN), 'network', /Cannot resolve the host no-such-sentry\.invalid/);
  });

  it('a refused connection names host and port', async () => {
    const port = await closedPort();
    await expectError(checkConnection(cfg({ baseUrl: `http://127.0.0.1:${port}/` }), TOKEN), 'network', new RegExp(`Connection refused by 127\\.0\\.0\\.1:${port}`));
  });

  it('cancellation stops a request in flight, a backoff wait, and a refresh not yet started', async () => {
    serve((_q, res) => {
      setTimeout(() => json(res, 200, ORG), 3000);
    });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const t0 = Date.now();
    await expectError(checkConnection(cfg(), TOKEN, { signal: ac.signal }), 'cancelled');
    assert.ok(Date.now() - t0 < 1000);

    serve((_q, res) => json(res, 500, { detail: 'down' }));
    const ac2 = new AbortController();
    setTimeout(() => ac2.abort(), 150);
    await expectError(checkConnection(cfg({ retry: { baseDelayMs: 2000 } }), TOKEN, { signal: ac2.signal }), 'cancelled');
    assert.equal(server.requests.length, 1);

    serve((_q, res) => json(res, 200, ORG));
    const ac3 = new AbortController();
    ac3.abort();
    await expectError(
      fetchApiOverview(cfg(), TOKEN, { now: 1e9, summaryPeriod: '24h', healthPeriod: '24h', stat: 'sessions', thresholds: DEFAULT_THRESHOLDS }, { signal: ac3.signal }),
      'cancelled',
    );
    assert.equal(server.requests.length, 0);
  });

  it('a failing listing surfaces its own error at once and cancels the other requests', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    serve((_q, res, url) => {
      if (url.pathname.endsWith('/acme/')) return json(res, 200, ORG);
      if (url.pathname.endsWith('/projects/')) return json(res, 200, [{ id: '1', slug: 'app' }]);
      if (url.pathname.endsWith('/releases/')) return json(res, 403, { detail: 'You do not have permission to perform this action.' });
      setTimeout(() => json(res, 200, { intervals: [], groups: [] }), 1500);
    });
    const t0 = Date.now();
    const now = Date.parse('2026-11-26T12:30:00Z') / 1000;
    const err = await expectError(
      fetchApiOverview(cfg({ projects: ['app'] }), TOKEN, { now, summaryPeriod: '24h', healthPeriod: '24h', stat: 'sessions', thresholds: DEFAULT_THRESHOLDS }),
      'permission',
    );
    assert.match(err.endpoint, /releases\/$/);
    assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
    await new Promise((r) => setTimeout(r, 50));
    process.off('unhandledRejection', onUnhandled);
    assert.deepEqual(unhandled, []);
  });

  it('follows only the cursor of a Link, on the configured host, and stops on a repeated cursor', async () => {
    serve((_q, res, url) => {
      if (url.pathname.endsWith('/acme/')) return json(res, 200, ORG);
      const cursor = url.searchParams.get('cursor');
      const items = cursor === null ? [{ id: '1', slug: 'a' }] : [{ id: '2', slug: 'b' }];
      json(res, 200, items, { Link: '<https://evil.example/api/0/organizations/acme/projects/?cursor=0:100:0>; rel="previous"; results="false"; cursor="0:0:1", <https://evil.example/steal?cursor=0:100:0>; rel="next"; results="true"; cursor="0:100:0"' });
    });
    const projects = await listProjects(cfg(), TOKEN);
    assert.deepEqual(projects.map((p) => p.slug), ['a', 'b']);
    assert.equal(server.requests.length, 3, 'the organization, then two pages');
    assert.equal(server.requests[2].path, '/api/0/organizations/acme/projects/');
    assert.equal(server.requests[2].query.get('cursor'), '0:100:0');
  });

  it('the request log never holds the token, one entry per attempt', async () => {
    serve((_q, res, u, n) => (n === 1 ? json(res, 503, {}) : orgOrProjects(res, u)));
    const log: RequestLogEntry[] = [];
    await checkConnection(cfg(), TOKEN, { log: (e) => log.push(e) });
    assert.equal(log.length, 3);
    assert.deepEqual(log.map((e) => [e.method, e.path, e.status]), [
      ['GET', '/api/0/organizations/acme/?detailed=0', 503],
      ['GET', '/api/0/organizations/acme/?detailed=0', 200],
      ['GET', '/api/0/organizations/acme/projects/?per_page=1', 200],
    ]);
    assert.ok(log.every((e) => typeof e.ms === 'number' && !JSON.stringify(e).includes(TOKEN)));
    // The header went to the server, though.
    assert.equal(server.requests[0].headers.authorization, `Bearer ${TOKEN}`);
  });

  it('rejects a bad base URL or token before any request', async () => {
    await expectError(checkConnection(cfg({ baseUrl: 'sentry.io' }), TOKEN), 'config', /not a URL/);
    await expectError(checkConnection(cfg({ baseUrl: `https://user:${TOKEN}@sentry.io` }), TOKEN), 'config', /credentials/);
    await expectError(checkConnection(cfg(), ''), 'auth', /No Sentry auth token/);
    await expectError(checkConnection(cfg(), 'abc\ndef'), 'auth', /control characters/);
  });

  it('never leaked the token in any error above', () => {
    if (process.env.SHOW_API_ERRORS) for (const e of caught) console.log((e as Error).message);
    assert.ok(caught.length >= 25, `${caught.length} errors checked`);
    for (const err of caught) assert.deepEqual(leaks(err), []);
  });
});
