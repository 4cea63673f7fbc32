// The API client's release-management reads: the listing's lastCommit/lastDeploy, `/commits/`
// (paged) and `/deploys/`, and clear errors for shapes it cannot use.
import { strict as assert } from 'assert';
import { fetchReleaseCommits, fetchReleaseDeploys, fetchReleaseRecords, toReleaseRecord } from '../../../src/api/releaseRecords';
import { SentryInvalidResponseError } from '../../../src/api/errors';
import { json, startFake, type FakeServer } from './helpers/fakeServer';

const commit = (id: string) => ({ id, message: `m ${id}`, dateCreated: '2026-11-20T10:00:00Z', author: { name: 'Jane', email: 'j@x' }, repository: { name: 'origin' } });
const deploy = { id: '1', environment: 'production', dateStarted: null, dateFinished: '2026-11-21T10:00:00Z', name: 'rollout', url: null };

describe('api: release records (commits, deploys)', () => {
  let fake: FakeServer;
  const config = () => ({ baseUrl: fake.url, organization: 'acme', retry: { maxRetries: 0 } });
  afterEach(() => fake?.close());

  it('reads the listing\'s lastCommit and lastDeploy, then commit lists of releases with several commits', async () => {
    fake = await startFake((_req, res, url) => {
      if (url.pathname === '/api/0/organizations/acme/projects/') return json(res, 200, [{ id: '1', slug: 'web' }, { id: '2', slug: 'api' }]);
      if (url.pathname === '/api/0/organizations/acme/releases/') {
        return json(res, 200, [
          { version: 'web@2', dateCreated: '2026-11-22T00:00:00Z', projects: [{ slug: 'web' }], commitCount: 1, lastCommit: commit('c9'), deployCount: 0, lastDeploy: null },
          { version: 'web@1', dateCreated: '2026-11-20T00:00:00Z', projects: [{ slug: 'web' }], commitCount: 3, lastCommit: commit('c3'), deployCount: 1, lastDeploy: deploy },
          { version: 'old', projects: [{ slug: 'web' }] },
        ]);
      }
      if (url.pathname === '/api/0/organizations/acme/releases/web%401/commits/') {
        if (!url.searchParams.get('cursor')) return json(res, 200, [commit('c3'), commit('c2')], { Link: `<${fake.url}${url.pathname}?cursor=0:100:0>; rel="next"; results="true"; cursor="0:100:0"` });
        return json(res, 200, [commit('c1')], { Link: `<${fake.url}${url.pathname}?cursor=0:200:0>; rel="next"; results="false"; cursor="0:200:0"` });
      }
      json(res, 404, { detail: 'nope' });
    });
    const records = await fetchReleaseRecords(config(), 'tok', { projects: ['web'], commitLists: 10 });
    assert.deepEqual(records.projects, ['web']);
    assert.deepEqual(Object.fromEntries(records.commits), { 'web@2': ['c9'], 'web@1': ['c3', 'c2', 'c1'] });
    const web1 = records.releases.find((r) => r.version === 'web@1')!;
    assert.deepEqual(web1.lastDeploy, { environment: 'production', dateFinished: '2026-11-21T10:00:00Z', dateStarted: null, name: 'rollout', url: null });
    assert.equal(web1.dateCreated, Date.parse('2026-11-20T00:00:00Z') / 1000);
    assert.deepEqual(records.releases.find((r) => r.version === 'old'), {
      version: 'old', projects: ['web'], dateCreated: null, dateReleased: null, commitCount: 0, lastCommit: null, deployCount: 0, lastDeploy: null,
    });
    const releaseQuery = fake.requests.find((r) => r.path.endsWith('/releases/'))!;
    assert.deepEqual(releaseQuery.query.getAll('project'), ['1']);
  });

  it('deploys and commits of one release; a hostile version is encoded in the path', async () => {
    fake = await startFake((_req, res, url) => {
      if (url.pathname.endsWith('/deploys/')) return json(res, 200, [deploy]);
      if (url.pathname.endsWith('/commits/')) return json(res, 200, [commit('abc')]);
      json(res, 404, {});
    });
    const version = 'a b/c?d#e';
    assert.deepEqual((await fetchReleaseDeploys(config(), 'tok', version)).map((d) => d.environment), ['production']);
    assert.deepEqual((await fetchReleaseCommits(config(), 'tok', version))[0], { id: 'abc', message: 'm abc', dateCreated: '2026-11-20T10:00:00Z', authorName: 'Jane', authorEmail: 'j@x' });
    assert.ok(fake.requests.every((r) => r.path.startsWith('/api/0/organizations/acme/releases/a%20b%2Fc%3Fd%23e/')), fake.requests.map((r) => r.path).join());
  });

  it('a malformed deploy list is a clear invalid-response error naming the field', async () => {
    fake = await startFake((_req, res) => json(res, 200, [{ environment: 42 }]));
    await assert.rejects(fetchReleaseDeploys(config(), 'tok', 'web@1'), (err: unknown) => {
      assert.ok(err instanceof SentryInvalidResponseError);
      assert.match((err as Error).message, /\[0\]\.environment/);
      return true;
    });
  });

  it('toReleaseRecord: counts default from what is present', () => {
    const r = toReleaseRecord({ version: 'x', lastCommit: { id: 'c' }, lastDeploy: { environment: 'prod' } });
    assert.deepEqual([r.commitCount, r.deployCount, r.lastDeploy?.dateFinished], [1, 1, null]);
  });
});
