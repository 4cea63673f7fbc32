// Time range, interval and parameter errors of GET /sessions/, with Sentry's exact messages (contract §1.2, §1.5).
import { strict as assert } from 'assert';
import type { RunningServer } from '../../../src/server/server';
import { NOW_MS, sessions, testServer } from './helpers';

describe('server/sessions: parameters, intervals and alignment', () => {
  let server: RunningServer;
  before(async () => {
    server = await testServer();
  });
  after(async () => server.close());

  const detail = async (params: Record<string, string | string[]>): Promise<string> => {
    const r = await sessions(server, params);
    assert.equal(r.status, 400, JSON.stringify(r.body));
    return r.body.detail;
  };

  it('refuses intervals that are not multiples of 10 s, longer than a day, or do not divide a day', async () => {
    const f = { field: 'sum(session)', statsPeriod: '1d' };
    assert.equal(await detail({ ...f, interval: '15s' }), 'The interval has to be a multiple of the minimum interval of ten seconds.');
    assert.equal(await detail({ ...f, interval: '0' }), 'The interval has to be a multiple of the minimum interval of ten seconds.');
    assert.equal(await detail({ ...f, interval: '2d' }), 'The interval has to be less than one day.');
    assert.equal(await detail({ ...f, interval: '90d' }), 'The interval has to be less than one day.');
    assert.equal(await detail({ ...f, interval: '7m' }), 'The interval should divide one day without a remainder.');
    assert.equal(await detail({ ...f, interval: '59m' }), 'The interval should divide one day without a remainder.');
  });

  it('refuses more than 1000 buckets: the default 90 days at the default 1 hour', async () => {
    assert.equal(await detail({ field: 'sum(session)' }), 'Your interval and date range would create too many results. Use a larger interval, or a smaller date range.');
    const ok = await sessions(server, { field: 'sum(session)', interval: '1d' });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.intervals.length, 91);
  });

  it('aligns as the worked examples of Sentry’s tests (now = 12:27:28)', async () => {
    const d = '2026-11-26';
    const day = await sessions(server, { field: 'sum(session)', statsPeriod: '1d', interval: '1d' });
    assert.equal(day.body.start, '2026-11-25T00:00:00Z');
    assert.equal(day.body.end, '2026-11-27T00:00:00Z');
    assert.deepEqual(day.body.intervals, ['2026-11-25T00:00:00Z', `${d}T00:00:00Z`]);
    const six = await sessions(server, { field: 'sum(session)', statsPeriod: '1d', interval: '6h' });
    assert.deepEqual(six.body.intervals, ['2026-11-25T12:00:00Z', '2026-11-25T18:00:00Z', `${d}T00:00:00Z`, `${d}T06:00:00Z`, `${d}T12:00:00Z`]);
    assert.equal(six.body.end, `${d}T18:00:00Z`);
    const tenSeconds = await sessions(server, { field: 'sum(session)', statsPeriod: '1m', interval: '10s' });
    assert.equal(tenSeconds.body.intervals.length, 7);
    assert.equal(tenSeconds.body.start, `${d}T12:26:20Z`);
    assert.equal(tenSeconds.body.end, `${d}T12:27:30Z`);
    assert.equal(tenSeconds.body.groups[0].series['sum(session)'].length, 7);
  });

  it('aligns 30m at 10m intervals at 12:37 to 12:00..12:30', async () => {
    const later = await testServer({ now: NOW_MS + 10 * 60 * 1000 - 28 * 1000 });
    try {
      const r = await sessions(later, { field: 'sum(session)', statsPeriod: '30m', interval: '10m' });
      assert.deepEqual(r.body.intervals, ['2026-11-26T12:00:00Z', '2026-11-26T12:10:00Z', '2026-11-26T12:20:00Z', '2026-11-26T12:30:00Z']);
    } finally {
      await later.close();
    }
  });

  it('takes start and end, aligned down to the interval, and clamps a future start to now', async () => {
    const r = await sessions(server, { field: 'sum(session)', start: '2026-11-20T10:30:00Z', end: '2026-11-21T00:00:00', interval: '1h' });
    assert.equal(r.status, 200);
    assert.equal(r.body.start, '2026-11-20T10:00:00Z');
    assert.equal(r.body.end, '2026-11-21T00:00:00Z');
    assert.equal(r.body.intervals.length, 14);
    const future = await sessions(server, { field: 'sum(session)', start: '2026-11-26T20:00:00Z', end: '2026-11-26T23:00:00Z', interval: '1h' });
    assert.equal(future.body.start, '2026-11-26T12:00:00Z');
  });

  it('answers Sentry’s messages for bad dates and periods', async () => {
    assert.equal(await detail({ field: 'sum(session)', statsPeriod: 'abc' }), "Invalid statsPeriod: 'abc'");
    assert.equal(await detail({ field: 'sum(session)', start: '2026-11-20T00:00:00Z' }), 'start and end are both required');
    assert.equal(await detail({ field: 'sum(session)', start: '2026-11-21T00:00:00Z', end: '2026-11-20T00:00:00Z', interval: '1h' }), 'start must be before end');
    assert.equal(await detail({ field: 'sum(session)', start: 'yesterday', end: '2026-11-20T00:00:00Z' }), 'yesterday is not a valid ISO8601 date query');
  });

  it('checks fields and groupBy, and reports the date error before the field error as Sentry does', async () => {
    assert.equal(await detail({ statsPeriod: '1d', interval: '1h' }), 'Request is missing a "field"');
    assert.equal(await detail({ field: 'sum(sessions)', statsPeriod: '1d', interval: '1h' }), 'Invalid field: "sum(sessions)"');
    assert.equal(await detail({ field: 'sum(session)', groupBy: 'issue.id', statsPeriod: '1d', interval: '1h' }), 'Invalid groupBy: "issue.id"');
    assert.equal(await detail({ statsPeriod: 'x' }), "Invalid statsPeriod: 'x'");
  });

  it('refuses rate fields grouped or filtered by session.status', async () => {
    const base = { field: 'crash_free_rate(session)', statsPeriod: '1d', interval: '1h' };
    assert.equal(await detail({ ...base, groupBy: 'session.status' }), 'Cannot group field crash_free_rate(session) by session.status');
    assert.equal(await detail({ ...base, query: 'session.status:crashed' }), 'Cannot filter field crash_free_rate(session) by session.status');
  });

  it('reads the query: unknown keys, free text, wildcards and status inside OR are 400s', async () => {
    const base = { field: 'sum(session)', statsPeriod: '1d', interval: '1h' };
    assert.equal(await detail({ ...base, query: 'issue:foo' }), 'Invalid search filter: issue');
    assert.equal(await detail({ ...base, query: 'release:foo-bar@1.2.3 (123)' }), 'Invalid search filter: message');
    assert.equal(await detail({ ...base, query: 'release:foo@*' }), 'Invalid condition: wildcard search is not supported');
    assert.equal(await detail({ ...base, query: 'session.status:healthy OR release:foo' }), 'Unable to parse condition with session.status');
    assert.equal(await detail({ ...base, query: 'project:nope' }), 'Invalid query. Project(s) nope do not exist or are not actively selected.');
    const ok = await sessions(server, { ...base, query: 'release:["a b (1)", c] environment:production' });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.query, 'release:["a b (1)", c] environment:production');
  });

  it('checks project parameters: numbers only, unknown ids are 403', async () => {
    assert.equal(await detail({ field: 'sum(session)', statsPeriod: '1d', interval: '1h', project: 'app' }), 'Invalid project parameter. Values must be numbers.');
    const unknown = await sessions(server, { field: 'sum(session)', statsPeriod: '1d', interval: '1h', project: '999' });
    assert.equal(unknown.status, 403);
    assert.deepEqual(unknown.body, { detail: 'You do not have permission to perform this action.' });
    const all = await sessions(server, { field: 'sum(session)', statsPeriod: '1d', interval: '1h', project: '-1' });
    assert.equal(all.status, 200);
  });

  it('404s an environment nobody has sent', async () => {
    const r = await sessions(server, { field: 'sum(session)', statsPeriod: '1d', interval: '1h', environment: 'nowhere' });
    assert.equal(r.status, 404);
    assert.deepEqual(r.body, { detail: 'The requested resource does not exist' });
  });
});
