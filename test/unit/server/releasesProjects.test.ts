// GET /releases/ and GET /projects/: shapes, ordering, filters and OffsetPaginator links (contract §2.1, §2.4).
import { strict as assert } from 'assert';
import type { RunningServer } from '../../../src/server/server';
import { api, get, ingest, NOW, testServer, update } from './helpers';

const DAY = 86400;

describe('server/releases and projects', () => {
  let server: RunningServer;
  before(async () => {
    server = await testServer({ projects: [{ slug: 'app', id: 1, platform: 'node' }, { slug: 'web', id: 2 }] });
    const docs = [];
    // 105 releases of app, first seen one hour apart; web@1.0 in project 2, staging only.
    for (let i = 0; i < 105; i++) {
      docs.push(update({ sid: `s${i}`, init: true, started: NOW - 10 * DAY + i * 3600, status: 'exited', release: `app@1.0.${i}` }));
    }
    await ingest(server, docs, 1);
    await ingest(server, [update({ sid: 'w', init: true, started: NOW - 20 * DAY, status: 'exited', release: 'web@1.0', environment: 'staging' })], 2);
    // A later, earlier-started session moves app@1.0.0's first seen back.
    await ingest(server, [update({ sid: 'early', init: true, started: NOW - 30 * DAY, status: 'exited', release: 'app@1.0.0' })], 1);
  });
  after(async () => server.close());

  it('lists releases newest first with Sentry’s release object, dateCreated = first session seen', async () => {
    const r = await api(server, 'releases', { project: '1', per_page: '3' });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.map((x: any) => x.version), ['app@1.0.104', 'app@1.0.103', 'app@1.0.102']);
    const first = r.body[0];
    assert.equal(first.shortVersion, 'app@1.0.104');
    assert.equal(typeof first.id, 'number');
    assert.equal(first.dateCreated, new Date((NOW - 10 * DAY + 104 * 3600) * 1000).toISOString().replace('.000Z', 'Z'));
    assert.deepEqual(first.projects, [{ id: 1, slug: 'app', name: 'App', newGroups: 0, platform: 'node', platforms: ['node'], hasHealthData: false }]);
    assert.equal(first.versionInfo.package, 'app');
    assert.equal(first.versionInfo.version.patch, 104);
    const all = await api(server, 'releases', { project: '-1', per_page: '100', cursor: '100:1:0' });
    assert.deepEqual(all.body.map((x: any) => x.version), ['app@1.0.4', 'app@1.0.3', 'app@1.0.2', 'app@1.0.1', 'web@1.0', 'app@1.0.0']);
  });

  it('pages with per_page ≤ 100 and OffsetPaginator cursors (limit:page:is_prev)', async () => {
    const tooMany = await api(server, 'releases', { per_page: '101' });
    assert.equal(tooMany.status, 400);
    assert.deepEqual(tooMany.body, { detail: 'Invalid per_page value. Cannot exceed 100.' });
    const page1 = await api(server, 'releases', { project: '1' });
    assert.equal(page1.body.length, 100);
    const link = page1.headers.get('link')!;
    const base = `${server.url}/api/0/organizations/sentry/releases/?project=1`;
    assert.equal(link, `<${base}&cursor=100:-1:1>; rel="previous"; results="false"; cursor="100:-1:1", <${base}&cursor=100:1:0>; rel="next"; results="true"; cursor="100:1:0"`);
    const page2 = await get(`${base}&cursor=100:1:0`);
    assert.equal(page2.body.length, 5);
    assert.ok(page2.headers.get('link')!.endsWith('rel="next"; results="false"; cursor="100:2:0"'));
    const versions = new Set([...page1.body, ...page2.body].map((x: any) => x.version));
    assert.equal(versions.size, 105);
  });

  it('filters releases by project, environment and query; rejects bad sort, status and periods', async () => {
    assert.deepEqual((await api(server, 'releases', { project: '2' })).body.map((x: any) => x.version), ['web@1.0']);
    assert.deepEqual((await api(server, 'releases', { environment: 'staging' })).body.map((x: any) => x.version), ['web@1.0']);
    assert.deepEqual((await api(server, 'releases', { query: '1.0.10' })).body.map((x: any) => x.version).slice(0, 2), ['app@1.0.104', 'app@1.0.103']);
    assert.equal((await api(server, 'releases', { sort: 'nope' })).body.detail, 'invalid sort');
    assert.equal((await api(server, 'releases', { sort: 'sessions' })).body.detail, 'sorting by crash statistics requires flattening (flatten=1)');
    assert.equal((await api(server, 'releases', { status: 'gone' })).body.detail, 'invalid value for status');
    assert.equal((await api(server, 'releases', { summaryStatsPeriod: '3d' })).body.detail, "Invalid summaryStatsPeriod. Valid choices are '1h', '24h', '1d', '48h', '2d', '7d', '14d', '30d', '90d'");
    assert.equal((await api(server, 'releases', { project: '3' })).status, 403);
  });

  it('lists projects by slug with string ids and Sentry’s summary fields', async () => {
    const r = await api(server, 'projects');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.map((p: any) => [p.id, p.slug, p.name, p.platform, p.hasSessions]), [['1', 'app', 'App', 'node', true], ['2', 'web', 'Web', null, true]]);
    assert.match(r.body[0].dateCreated, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.deepEqual(r.body[1].environments, ['staging']);
    const paged = await api(server, 'projects', { per_page: '1' });
    assert.deepEqual(paged.body.map((p: any) => p.slug), ['app']);
    assert.ok(paged.headers.get('link')!.includes('rel="next"; results="true"; cursor="1:1:0"'));
  });
});

describe('server/demo', () => {
  it('seeds the deterministic demo dataset: three projects with platforms, releases, sessions', async () => {
    const server = await testServer({ demo: { sessions: 3000 }, projects: [] });
    try {
      assert.deepEqual(server.projects().map((p) => [p.slug, p.platform]), [['desktop', 'electron'], ['mobile-app', 'react-native'], ['web-frontend', 'javascript']]);
      const releases = await api(server, 'releases', { per_page: '100' });
      assert.ok(releases.body.some((r: any) => r.version === 'mobile-app@2.4.1'));
      assert.ok(server.demoLines > 3000);
    } finally {
      await server.close();
    }
  });
});
