// The local server where our contract had pictured Sentry differently (issue 9): organization
// tokens (only org:ci), `detailed` on the organization, no order among ties, the search
// parser's one escape, 404 for an unknown environment and the listing's date filter.
import { strict as assert } from 'assert';
import { parseCliArgs } from '../../../src/server/cliArgs';
import type { RunningServer } from '../../../src/server/server';
import { api, ingest, NOW, sessions, testServer, update } from './helpers';

const ORG_TOKEN = 'sntrys_organization_token_for_ci';
const HOUR = 3600;
const DAY = 86400;

describe('server/api: Sentry as it is (issue 9)', function () {
  this.timeout(30_000);
  let server: RunningServer;
  before(async () => {
    server = await testServer({ orgTokens: [ORG_TOKEN], shuffleTies: true });
    const docs: Array<Record<string, unknown>> = [];
    // 60 releases with one session each in the last day: every count ties.
    for (let i = 0; i < 60; i++) docs.push(update({ sid: `s${i}`, init: true, started: NOW - 2 * HOUR, status: 'exited', release: `tie@${i}` }));
    docs.push(update({ sid: 'b1', init: true, started: NOW - HOUR, status: 'exited', release: 'win\\build@1' }));
    docs.push(update({ sid: 'o1', init: true, started: NOW - 120 * DAY, status: 'exited', release: 'old@1' }));
    await ingest(server, docs);
  });
  after(() => server.close());

  it('gives an organization token (org:ci only) the organization and releases, and 403 on projects and sessions', async () => {
    const org = await api(server, '', {}, ORG_TOKEN);
    assert.equal(org.status, 200);
    assert.equal(org.body.projects, undefined, 'the plain serializer without org:read');
    assert.equal((await api(server, 'releases', {}, ORG_TOKEN)).status, 200);
    const projects = await api(server, 'projects', {}, ORG_TOKEN);
    assert.equal(projects.status, 403);
    assert.deepEqual(projects.body, { detail: 'You do not have permission to perform this action.' });
    assert.equal((await sessions(server, { field: 'sum(session)', statsPeriod: '1d', interval: '1h' }, ORG_TOKEN)).status, 403);
  });

  it('serializes every project and team of the organization unless detailed=0', async () => {
    const detailed = await api(server, '', {});
    assert.deepEqual(detailed.body.projects.map((p: any) => p.slug), ['app']);
    assert.deepEqual(detailed.body.teams, []);
    const plain = await api(server, '', { detailed: '0' });
    assert.equal(plain.body.projects, undefined);
    assert.equal(plain.body.teams, undefined);
    assert.equal(plain.body.links.regionUrl, server.url);
  });

  it('keeps no order among groups with equal values', async () => {
    const q = { field: 'sum(session)', groupBy: 'release', orderBy: '-sum(session)', statsPeriod: '1d', interval: '1h', per_page: '10' };
    const orders = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const r = await sessions(server, q);
      assert.equal(r.status, 200);
      orders.add(r.body.groups.map((g: any) => g.by.release).join());
    }
    assert.ok(orders.size > 1, 'the first page of 60 tied releases came back the same every time');
  });

  it('undoes only \\" in a quoted search value, as Sentry\'s parser does', async () => {
    const q = { field: 'sum(session)', groupBy: 'release', statsPeriod: '1d', interval: '1h' };
    const single = await sessions(server, { ...q, query: 'release:["win\\build@1"]' });
    assert.deepEqual(single.body.groups.map((g: any) => g.by.release), ['win\\build@1']);
    const doubled = await sessions(server, { ...q, query: 'release:["win\\\\build@1"]' });
    assert.deepEqual(doubled.body.groups, [], 'a doubled backslash stays doubled');
  });

  it('404s an environment the organization does not have, on sessions and releases', async () => {
    for (const endpoint of ['sessions', 'releases']) {
      const r = await api(server, endpoint, { field: 'sum(session)', statsPeriod: '1d', interval: '1h', environment: ['production', 'nope'] });
      assert.equal(r.status, 404, endpoint);
      assert.deepEqual(r.body, { detail: 'The requested resource does not exist' });
    }
  });

  it('filters the releases listing by date when a period is given', async () => {
    const all = await api(server, 'releases', { per_page: '100' });
    assert.ok(all.body.some((r: any) => r.version === 'old@1'));
    const recent = await api(server, 'releases', { statsPeriod: '90d', per_page: '100' });
    assert.equal(recent.status, 200);
    assert.ok(!recent.body.some((r: any) => r.version === 'old@1'));
    assert.equal(recent.body.length, 61);
  });

  it('takes organization tokens and tie shuffling on the command line', () => {
    const o = parseCliArgs(['--org-token', 'sntrys_a', '--org-token', 'sntrys_b', '--shuffle-ties'])!;
    assert.deepEqual(o.orgTokens, ['sntrys_a', 'sntrys_b']);
    assert.equal(o.shuffleTies, true);
  });
});
