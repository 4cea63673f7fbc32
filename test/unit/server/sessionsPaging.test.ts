// Group limits, per_page/cursor pagination, Link headers and orderBy rules of GET /sessions/ (contract §1.7).
import { strict as assert } from 'assert';
import type { RunningServer } from '../../../src/server/server';
import { get, ingest, NOW, sessions, testServer, update, type Reply } from './helpers';

const T = NOW - 5 * 86400;

function links(header: string | null): Array<{ url: string; rel: string; results: string; cursor: string }> {
  return (header ?? '').split(', <').map((part) => {
    const m = /<?([^>]+)>; rel="([^"]+)"; results="([^"]+)"; cursor="([^"]+)"/.exec(part)!;
    return { url: m[1], rel: m[2], results: m[3], cursor: m[4] };
  });
}

describe('server/sessions: group limit, pagination, orderBy', () => {
  let server: RunningServer;
  before(async () => {
    server = await testServer();
    // 120 releases; release rN has N+1 sessions, so ordering by sum(session) is well defined.
    const docs = [];
    for (let n = 0; n < 120; n++) {
      for (let i = 0; i <= n % 7; i++) docs.push(update({ sid: `r${n}-${i}`, init: true, started: T, status: 'exited', release: `r${String(n).padStart(3, '0')}` }));
    }
    await ingest(server, docs);
  });
  after(async () => server.close());

  const daily = { field: 'sum(session)', groupBy: 'release', statsPeriod: '90d', interval: '1d' };

  it('silently truncates to 10000 // intervals groups without per_page (109 for 90 days daily)', async () => {
    const r = await sessions(server, daily);
    assert.equal(r.status, 200);
    assert.equal(r.body.intervals.length, 91);
    assert.equal(r.body.groups.length, 109);
    // Default order: the primary field, descending.
    const values = r.body.groups.map((g: any) => g.totals['sum(session)']);
    assert.deepEqual(values, [...values].sort((a: number, b: number) => b - a));
    const [prev, next] = links(r.headers.get('link'));
    assert.equal(prev.cursor, '0:0:1');
    assert.equal(prev.results, 'false');
    assert.equal(next.cursor, '0:5000:0');
    assert.equal(next.results, 'false');
  });

  it('refuses a per_page that makes intervals x (per_page + 1) exceed 10000, with Sentry’s message', async () => {
    const r = await sessions(server, { ...daily, per_page: '110' });
    assert.equal(r.status, 400);
    assert.equal(
      r.body.detail,
      'Requested intervals (91) of timedelta of 1 day, 0:00:00 with statsPeriod timedelta of 91 days, 0:00:00 is too granular for a per_page of 111 elements. Increase your interval, decrease your statsPeriod, or decrease your per_page parameter.',
    );
    assert.equal((await sessions(server, { ...daily, per_page: '108' })).status, 200);
    const big = await sessions(server, { ...daily, per_page: '5001' });
    assert.equal(big.body.detail, 'Invalid per_page value. Cannot exceed 5000.');
    assert.equal((await sessions(server, { ...daily, per_page: 'x' })).body.detail, 'Invalid per_page parameter.');
    assert.equal((await sessions(server, { ...daily, cursor: 'nope' })).body.detail, 'Invalid cursor parameter.');
  });

  it('pages through every group with per_page, cursor and the Link header', async () => {
    const seen: string[] = [];
    let url: string | null = null;
    let first = true;
    for (let page = 0; page < 10; page++) {
      const r: Reply = first
        ? await sessions(server, { ...daily, statsPeriod: '14d', per_page: '50', orderBy: '-sum(session)' })
        : await get(url!);
      first = false;
      assert.equal(r.status, 200);
      seen.push(...r.body.groups.map((g: any) => g.by.release));
      const [, next] = links(r.headers.get('link'));
      if (next.results === 'false') break;
      assert.ok(next.url.includes('field=sum%28session%29'), next.url);
      assert.ok(!next.url.includes('cursor=0:0') || next.url.endsWith(`cursor=${next.cursor}`));
      url = next.url;
    }
    assert.equal(seen.length, 120);
    assert.equal(new Set(seen).size, 120);
  });

  it('writes Link headers exactly as Sentry: previous then next, query urlencoded by Django', async () => {
    const r = await sessions(server, [['field', 'sum(session)'], ['groupBy', 'release'], ['statsPeriod', '14d'], ['interval', '1d'], ['per_page', '2'], ['field', 'count_unique(user)'], ['cursor', '0:2:0']]);
    const base = `${server.url}/api/0/organizations/sentry/sessions/?field=sum%28session%29&field=count_unique%28user%29&groupBy=release&statsPeriod=14d&interval=1d&per_page=2`;
    assert.equal(
      r.headers.get('link'),
      `<${base}&cursor=0:0:1>; rel="previous"; results="true"; cursor="0:0:1", <${base}&cursor=0:4:0>; rel="next"; results="true"; cursor="0:4:0"`,
    );
  });

  it('orders by orderBy ascending or descending', async () => {
    const asc = await sessions(server, { ...daily, statsPeriod: '14d', per_page: '3', orderBy: 'sum(session)' });
    assert.deepEqual(asc.body.groups.map((g: any) => g.totals['sum(session)']), [1, 1, 1]);
    const desc = await sessions(server, { ...daily, statsPeriod: '14d', per_page: '3', orderBy: '-sum(session)' });
    assert.deepEqual(desc.body.groups.map((g: any) => g.totals['sum(session)']), [7, 7, 7]);
  });

  it('answers Sentry’s orderBy errors', async () => {
    const base = { ...daily, statsPeriod: '14d' };
    const detail = async (p: Record<string, string | string[]>): Promise<string> => (await sessions(server, p)).body.detail;
    assert.equal(await detail({ ...base, orderBy: ['sum(session)', 'count_unique(user)'] }), 'Cannot order by multiple fields');
    assert.equal(await detail({ ...base, orderBy: 'count_unique(user)' }), "'orderBy' must be one of the provided 'fields'");
    assert.equal(await detail({ ...base, groupBy: ['release', 'session.status'], orderBy: 'sum(session)' }), "Cannot use 'orderBy' when grouping by sessions.status");
    assert.equal(await detail({ ...base, orderBy: 'sum(session)', query: 'session.status:healthy' }), 'Cannot order by sum(session) with the current filters');
    assert.equal(await detail({ ...base, field: 'errored_rate(session)', orderBy: '-errored_rate(session)' }), 'Cannot order by -errored_rate(session) with the current filters');
  });

  it('counts status groups against per_page + 1 as Sentry does (5 statuses of 1 pair with per_page=4: one dropped, next page claimed)', async () => {
    const r = await sessions(server, { field: 'sum(session)', groupBy: ['release', 'session.status'], statsPeriod: '14d', interval: '1d', per_page: '4', query: 'release:r006' });
    assert.equal(r.body.groups.length, 4);
    const [, next] = links(r.headers.get('link'));
    assert.equal(next.results, 'true');
    const wide = await sessions(server, { field: 'sum(session)', groupBy: ['release', 'session.status'], statsPeriod: '14d', interval: '1d', per_page: '6', query: 'release:[r006,r013]' });
    assert.equal(wide.body.groups.length, 10);
    assert.equal(links(wide.headers.get('link'))[1].results, 'false');
  });
});
