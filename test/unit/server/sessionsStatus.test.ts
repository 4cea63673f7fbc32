// Status groups, rates and totals of GET /sessions/ against real ingest (contract §1.4, §1.6, §4.4).
import { strict as assert } from 'assert';
import type { RunningServer } from '../../../src/server/server';
import { aggregates, group, ingest, NOW, sessions, testServer, update } from './helpers';

const HOUR = 3600;
const T = NOW - 2 * HOUR; // inside the last 24 hours, away from bucket edges

describe('server/sessions: status groups', () => {
  let server: RunningServer;
  afterEach(async () => server?.close());

  it('reproduces the EAP reference test: init 100, crashed 3, errored_preaggr 7, errored_set 4, abnormal 2, unhandled 5', async () => {
    server = await testServer();
    // errored_preaggr 7 and init 100 from one aggregate; crashed/abnormal/unhandled from non-init
    // updates of four sessions, so the errored set has 4 members.
    const docs = [aggregates([{ started: T, exited: 93, errored: 7 }])];
    const terminal: Array<[string, string]> = [
      ['s1', 'crashed'], ['s2', 'crashed'], ['s3', 'crashed'],
      ['s4', 'abnormal'], ['s1', 'abnormal'],
      ['s1', 'unhandled'], ['s2', 'unhandled'], ['s3', 'unhandled'], ['s4', 'unhandled'], ['s2', 'unhandled'],
    ];
    for (const [sid, status] of terminal) docs.push(update({ sid, started: T, status, errors: 1 }));
    await ingest(server, docs);
    const r = await sessions(server, { field: 'sum(session)', groupBy: 'session.status', statsPeriod: '1d', interval: '1h' });
    assert.equal(r.status, 200);
    const value = (s: string): number => group(r.body, { 'session.status': s }).totals['sum(session)'];
    assert.deepEqual(
      { healthy: value('healthy'), errored: value('errored'), crashed: value('crashed'), abnormal: value('abnormal'), unhandled: value('unhandled') },
      { healthy: 89, errored: 6, crashed: 3, abnormal: 2, unhandled: 5 },
    );
    // Groups come in Sentry's enum order.
    assert.deepEqual(r.body.groups.map((g: any) => g.by['session.status']), ['abnormal', 'crashed', 'errored', 'healthy', 'unhandled']);
    const total = await sessions(server, { field: 'sum(session)', statsPeriod: '1d', interval: '1h' });
    assert.equal(total.body.groups[0].totals['sum(session)'], 100);
  });

  it('reproduces the contract §4.4 worked example, sessions and users', async () => {
    server = await testServer();
    await ingest(server, [
      update({ sid: 'S1', did: 'u1', init: true, started: T, status: 'ok' }),
      update({ sid: 'S1', did: 'u1', started: T, status: 'exited', errors: 0 }),
      update({ sid: 'S2', did: 'u2', init: true, started: T, status: 'ok', errors: 1 }),
      update({ sid: 'S2', did: 'u2', started: T, status: 'crashed', errors: 1 }),
      aggregates([{ started: T, exited: 10, errored: 2, crashed: 1 }]),
    ]);
    const r = await sessions(server, { field: ['sum(session)', 'count_unique(user)'], groupBy: 'session.status', statsPeriod: '1d', interval: '1h' });
    const pick = (field: string): Record<string, number> =>
      Object.fromEntries(r.body.groups.map((g: any) => [g.by['session.status'], g.totals[field]]));
    assert.deepEqual(pick('sum(session)'), { abnormal: 0, crashed: 2, errored: 2, healthy: 11, unhandled: 0 });
    assert.deepEqual(pick('count_unique(user)'), { abnormal: 0, crashed: 1, errored: 0, healthy: 1, unhandled: 0 });
    const rates = await sessions(server, {
      field: ['crash_rate(session)', 'crash_free_rate(session)', 'crash_free_rate(user)', 'sum(session)', 'count_unique(user)'],
      statsPeriod: '1d', interval: '1h',
    });
    const t = rates.body.groups[0].totals;
    assert.ok(Math.abs(t['crash_rate(session)'] - 2 / 15) < 1e-12);
    assert.ok(Math.abs(t['crash_free_rate(session)'] - 13 / 15) < 1e-12);
    assert.equal(t['crash_free_rate(user)'], 0.5);
    assert.equal(t['sum(session)'], 15);
    assert.equal(t['count_unique(user)'], 2);
    // Totals and series keep the field order of the request.
    assert.deepEqual(Object.keys(t), ['crash_rate(session)', 'crash_free_rate(session)', 'crash_free_rate(user)', 'sum(session)', 'count_unique(user)']);
  });

  it('gives every status a group (zeros) for each release that has data', async () => {
    server = await testServer();
    await ingest(server, [
      update({ sid: 'a', init: true, started: T, status: 'exited', release: 'r1' }),
      update({ sid: 'b', init: true, started: T, status: 'exited', release: 'r2' }),
    ]);
    const r = await sessions(server, { field: 'sum(session)', groupBy: ['release', 'session.status'], statsPeriod: '1d', interval: '1h' });
    assert.equal(r.body.groups.length, 10);
    assert.equal(group(r.body, { release: 'r1', 'session.status': 'crashed' }).totals['sum(session)'], 0);
    assert.equal(group(r.body, { release: 'r2', 'session.status': 'healthy' }).totals['sum(session)'], 1);
    // `by` keys in Sentry's order: release before session.status.
    assert.deepEqual(Object.keys(r.body.groups[0].by), ['release', 'session.status']);
  });

  it('applies the empty-result rules when there is no data', async () => {
    server = await testServer();
    const base = { field: ['sum(session)', 'crash_free_rate(session)'], statsPeriod: '1d', interval: '6h' };
    const none = await sessions(server, base);
    assert.deepEqual(none.body.groups, [{ by: {}, totals: { 'sum(session)': 0, 'crash_free_rate(session)': null }, series: { 'sum(session)': [0, 0, 0, 0, 0], 'crash_free_rate(session)': [null, null, null, null, null] } }]);
    const byStatus = await sessions(server, { field: 'sum(session)', groupBy: 'session.status', statsPeriod: '1d', interval: '1d' });
    assert.deepEqual(byStatus.body.groups.map((g: any) => [g.by['session.status'], g.totals['sum(session)']]), [
      ['abnormal', 0], ['crashed', 0], ['errored', 0], ['healthy', 0], ['unhandled', 0],
    ]);
    const byRelease = await sessions(server, { field: 'sum(session)', groupBy: 'release', statsPeriod: '1d', interval: '1d' });
    assert.deepEqual(byRelease.body.groups, []);
    assert.equal(byRelease.body.query, '');
  });

  it('counts distinct users over the whole range, not the sum of bucket counts', async () => {
    server = await testServer();
    await ingest(server, [
      update({ sid: 'a', did: 'same-user', init: true, started: T - 3 * HOUR, status: 'exited' }),
      update({ sid: 'b', did: 'same-user', init: true, started: T, status: 'exited' }),
      update({ sid: 'c', did: 'other', init: true, started: T, status: 'exited' }),
    ]);
    const r = await sessions(server, { field: ['count_unique(user)', 'sum(session)'], statsPeriod: '1d', interval: '1h' });
    const g = r.body.groups[0];
    assert.equal(g.totals['count_unique(user)'], 2);
    assert.equal((g.series['count_unique(user)'] as number[]).reduce((a, b) => a + b, 0), 3);
    assert.equal(g.totals['sum(session)'], 3);
    // Minute intervals read the 10-second level: same answer.
    const fine = await sessions(server, { field: 'count_unique(user)', statsPeriod: '6h', interval: '5m' });
    assert.equal(fine.body.groups[0].totals['count_unique(user)'], 2);
  });

  it('classifies a user by the worst tag: one crashed and one clean session is a crashed user', async () => {
    server = await testServer();
    await ingest(server, [
      update({ sid: 'a', did: 'u', init: true, started: T, status: 'exited' }),
      update({ sid: 'b', did: 'u', init: true, started: T, status: 'crashed', errors: 1 }),
    ]);
    const r = await sessions(server, { field: 'count_unique(user)', groupBy: 'session.status', statsPeriod: '1d', interval: '1h' });
    const users = Object.fromEntries(r.body.groups.map((g: any) => [g.by['session.status'], g.totals['count_unique(user)']]));
    assert.deepEqual(users, { abnormal: 0, crashed: 1, errored: 0, healthy: 0, unhandled: 0 });
  });

  it('reports rates as fractions, null without a denominator, and negative when crashes exceed inits', async () => {
    server = await testServer();
    await ingest(server, [
      update({ sid: 'a', init: true, started: T, status: 'exited' }),
      update({ sid: 'b', started: T, status: 'crashed', errors: 1 }),
      update({ sid: 'c', started: T, status: 'crashed', errors: 1 }),
    ]);
    const r = await sessions(server, { field: ['crash_free_rate(session)', 'crash_free_rate(user)'], statsPeriod: '1d', interval: '1h' });
    assert.equal(r.body.groups[0].totals['crash_free_rate(session)'], -1);
    assert.equal(r.body.groups[0].totals['crash_free_rate(user)'], null);
  });

  it('answers durations in milliseconds, only in the healthy group', async () => {
    server = await testServer();
    await ingest(server, [
      update({ sid: 'a', init: true, started: T, status: 'exited', duration: 10 }),
      update({ sid: 'b', init: true, started: T, status: 'exited', duration: 20 }),
      update({ sid: 'c', init: true, started: T, status: 'exited', duration: 40 }),
    ]);
    const r = await sessions(server, { field: ['p50(session.duration)', 'p90(session.duration)'], statsPeriod: '1d', interval: '1h' });
    assert.equal(r.body.groups[0].totals['p50(session.duration)'], 20000);
    assert.equal(r.body.groups[0].totals['p90(session.duration)'], 36000);
    const grouped = await sessions(server, { field: 'p50(session.duration)', groupBy: 'session.status', statsPeriod: '1d', interval: '1h' });
    assert.deepEqual(grouped.body.groups.map((g: any) => [g.by['session.status'], g.totals['p50(session.duration)']]), [
      ['abnormal', null], ['crashed', null], ['errored', null], ['healthy', 20000], ['unhandled', null],
    ]);
    const none = await sessions(server, { field: 'p50(session.duration)', groupBy: 'release', statsPeriod: '1d', interval: '1h', query: 'release:other' });
    assert.deepEqual(none.body.groups, []);
  });

  it('filters by session.status: sums statuses without grouping, keeps only them with grouping, bogus gives no groups', async () => {
    server = await testServer();
    await ingest(server, [aggregates([{ started: T, exited: 6, errored: 2, crashed: 1 }])]);
    const base = { field: 'sum(session)', statsPeriod: '1d', interval: '1h' };
    const sum = await sessions(server, { ...base, query: 'session.status:[healthy, errored]' });
    assert.equal(sum.body.groups[0].totals['sum(session)'], 8);
    const grouped = await sessions(server, { ...base, groupBy: 'session.status', query: '!session.status:[healthy,errored,unhandled]' });
    assert.deepEqual(grouped.body.groups.map((g: any) => g.by['session.status']), ['abnormal', 'crashed']);
    const bogus = await sessions(server, { ...base, query: 'session.status:bogus' });
    assert.equal(bogus.status, 200);
    assert.deepEqual(bogus.body.groups, []);
    const users = await sessions(server, { field: 'count_unique(user)', statsPeriod: '1d', interval: '1h', query: 'session.status:[crashed,errored]' });
    assert.equal(users.status, 400);
    assert.equal(users.body.detail, 'Cannot filter count_unique by multiple session.status unless it is in groupBy');
  });

  it('filters by environment (repeated parameter and query) and by quoted release names with spaces', async () => {
    server = await testServer();
    await ingest(server, [
      update({ sid: 'p', init: true, started: T, status: 'exited', environment: 'production', release: 'app 1.0 (7)' }),
      update({ sid: 's', init: true, started: T, status: 'exited', environment: 'staging', release: 'app 1.0 (7)' }),
      update({ sid: 'd', init: true, started: T, status: 'exited', environment: 'dev', release: 'other' }),
    ]);
    const base = { field: 'sum(session)', groupBy: 'environment', statsPeriod: '1d', interval: '1h' };
    const envs = async (extra: Record<string, string | string[]>): Promise<string[]> =>
      (await sessions(server, { ...base, ...extra })).body.groups.map((g: any) => g.by.environment).sort();
    assert.deepEqual(await envs({ environment: ['production', 'staging'] }), ['production', 'staging']);
    assert.deepEqual(await envs({ query: 'environment:[production,dev]' }), ['dev', 'production']);
    assert.deepEqual(await envs({ environment: 'production', query: 'environment:staging' }), []);
    assert.deepEqual(await envs({ query: 'release:"app 1.0 (7)"' }), ['production', 'staging']);
    assert.deepEqual(await envs({ query: '!release:"app 1.0 (7)"' }), ['dev']);
    assert.deepEqual(await envs({ query: 'release:other OR environment:staging' }), ['dev', 'staging']);
  });
});

describe('server/latency', () => {
  it('adds latencyMs to every API request', async () => {
    const server = await testServer({ latencyMs: 150 });
    try {
      const t0 = Date.now();
      assert.equal((await sessions(server, { field: 'sum(session)', statsPeriod: '1d', interval: '1h' })).status, 200);
      assert.ok(Date.now() - t0 >= 145);
    } finally {
      await server.close();
    }
  });
});
