// Authentication, scopes, project access, organizations and rate limiting of the API (contract §1.1, §1.8, §1.9).
import { strict as assert } from 'assert';
import type { RunningServer } from '../../../src/server/server';
import { api, sessions, testServer, TOKEN } from './helpers';

const RATE_HEADERS = ['x-sentry-rate-limit-limit', 'x-sentry-rate-limit-remaining', 'x-sentry-rate-limit-reset', 'x-sentry-rate-limit-concurrentlimit', 'x-sentry-rate-limit-concurrentremaining'];
const q = { field: 'sum(session)', statsPeriod: '1d', interval: '1h' };

describe('server/api: auth, access and rate limits', () => {
  let server: RunningServer;
  before(async () => {
    server = await testServer({
      projects: [{ slug: 'app', id: 1 }, { slug: 'web', id: 2 }],
      tokens: [
        { token: 'no-org-read', scopes: ['project:read'] },
        { token: 'only-web', projects: ['web'] },
        { token: 'no-projects', projects: [] },
      ],
    });
  });
  after(async () => server.close());

  it('401s a request without credentials or with an unknown token', async () => {
    const none = await sessions(server, q, null);
    assert.equal(none.status, 401);
    assert.deepEqual(none.body, { detail: 'Authentication credentials were not provided.' });
    const bad = await sessions(server, q, 'wrong');
    assert.equal(bad.status, 401);
    assert.equal(typeof bad.body.detail, 'string');
  });

  it('404s an unknown organization with Sentry’s body', async () => {
    const r = await api(server, 'sessions', q, TOKEN, 'other-org');
    assert.equal(r.status, 404);
    assert.deepEqual(r.body, { detail: 'The requested resource does not exist' });
    assert.equal((await api(server, 'projects', {}, TOKEN, '1')).status, 200);
  });

  it('403s a token without the scope, or asking for a project it cannot access', async () => {
    const scope = await sessions(server, q, 'no-org-read');
    assert.equal(scope.status, 403);
    assert.deepEqual(scope.body, { detail: 'You do not have permission to perform this action.' });
    assert.equal((await api(server, 'releases', {}, 'no-org-read')).status, 200);
    const project = await sessions(server, { ...q, project: '1' }, 'only-web');
    assert.equal(project.status, 403);
    assert.deepEqual(project.body, { detail: 'You do not have permission to perform this action.' });
    assert.equal((await sessions(server, { ...q, project: '2' }, 'only-web')).status, 200);
  });

  it('lists every project with hasAccess, as Sentry does; sessions of none at all is "No projects available"', async () => {
    const listed = await api(server, 'projects', {}, 'only-web');
    assert.deepEqual(listed.body.map((p: any) => [p.slug, p.hasAccess]), [['app', false], ['web', true]]);
    const none = await sessions(server, q, 'no-projects');
    assert.equal(none.status, 400);
    assert.deepEqual(none.body, { detail: 'No projects available' });
    const releases = await api(server, 'releases', {}, 'no-projects');
    assert.equal(releases.status, 200);
    assert.deepEqual(releases.body, []);
  });

  it('puts the rate-limit headers on every API response, errors included', async () => {
    for (const r of [await sessions(server, q), await sessions(server, q, null), await api(server, 'projects', {})]) {
      for (const h of RATE_HEADERS) assert.ok(r.headers.get(h) !== null, `${h} missing on ${r.status}`);
    }
  });
});

describe('server/api: 429', () => {
  it('answers 429 with Sentry’s body, the reset time and no Retry-After once the window is used up', async () => {
    const now = Date.parse('2026-11-26T12:00:00.250Z');
    const server = await testServer({ rateLimit: 2, now });
    try {
      const first = await sessions(server, q);
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('x-sentry-rate-limit-limit'), '2');
      assert.equal(first.headers.get('x-sentry-rate-limit-remaining'), '1');
      assert.equal(first.headers.get('x-sentry-rate-limit-reset'), String(Math.floor(now / 1000) + 1));
      assert.equal((await sessions(server, q)).status, 200);
      const limited = await sessions(server, q);
      assert.equal(limited.status, 429);
      assert.deepEqual(limited.body, { detail: 'You are attempting to use this endpoint too frequently. Limit is 2 requests in 1 seconds' });
      assert.equal(limited.headers.get('retry-after'), null);
      assert.equal(limited.headers.get('x-sentry-rate-limit-remaining'), '0');
      // Windows are per endpoint.
      assert.equal((await api(server, 'projects', {})).status, 200);
    } finally {
      await server.close();
    }
  });
});

describe('server/api: organization', () => {
  it('answers the organization details and list (what clients call to check a connection)', async () => {
    const server = await testServer({ org: 'acme', tokens: [{ token: 'no-org-read', scopes: ['project:read'] }] });
    try {
      const details = await api(server, '', {}, TOKEN, 'acme');
      assert.equal(details.status, 200);
      assert.equal(details.body.id, '1');
      assert.equal(details.body.slug, 'acme');
      assert.equal(details.body.name, 'Acme');
      assert.equal((await api(server, '', {}, TOKEN, '1')).body.slug, 'acme');
      assert.equal((await api(server, '', {}, TOKEN, 'sentry')).status, 404);
      assert.equal((await api(server, '', {}, null, 'acme')).status, 401);
      assert.equal((await api(server, '', {}, 'no-org-read', 'acme')).status, 403);
      const list = await fetch(`${server.url}/api/0/organizations/`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      assert.deepEqual(((await list.json()) as Array<{ slug: string }>).map((o) => o.slug), ['acme']);
    } finally {
      await server.close();
    }
  });
});
