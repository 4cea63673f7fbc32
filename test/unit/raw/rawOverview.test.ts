// Each rule of ../shared/docs/health-pipeline.md, pinned on raw session data with hand-computed values.
import { strict as assert } from 'assert';
import { aggregate, DAY, HOUR, NOW, only, run, runText, session, update } from '../fixtures/sessionLines';

describe('raw overview: the contract, rule by rule', () => {
  it('the worked example', async () => {
    const o = await run([
      update({ sid: 'S1', did: 'u1', init: true, status: 'ok' }),
      update({ sid: 'S1', did: 'u1', status: 'exited', errors: 0 }),
      update({ sid: 'S2', did: 'u2', init: true, status: 'ok', errors: 1 }),
      update({ sid: 'S2', did: 'u2', status: 'crashed', errors: 1 }),
      aggregate([{ exited: 10, errored: 2, crashed: 1 }]),
    ]);
    const r = only(o);
    assert.equal(r.hasHealthData, true);
    assert.equal(r.totalSessions, 15);
    assert.equal(r.sessionsHealthy, 11);
    assert.equal(r.sessionsErrored, 2);
    assert.equal(r.sessionsCrashed, 2);
    assert.equal(r.sessionsAbnormal, 0);
    assert.equal(r.sessionsUnhandled, 0);
    assert.equal(r.crashFreeSessions, 100 - (2 / 15) * 100);
    assert.equal(r.totalUsers, 2);
    assert.equal(r.usersCrashed, 1);
    assert.equal(r.crashFreeUsers, 50);
    assert.equal(r.usersHealthy, 1);
    assert.equal(r.usersErrored, 0);
    assert.equal(r.sessionsHealthy + r.sessionsErrored + r.sessionsUnhandled + r.sessionsCrashed + r.sessionsAbnormal, 15);
    assert.equal(r.unhandledSessionRate, (2 / 15) * 100);
    assert.deepEqual(r.anomalies, []);
  });

  it('no data: an empty file lists nothing', async () => {
    const o = await runText('');
    assert.deepEqual(o.releases, []);
    assert.deepEqual(o.skipped, { count: 0, samples: [] });
  });

  it('data only older than 90 days: listed, no health data, nothing computed', async () => {
    const o = await run(session({ sid: 'a', did: 'u', status: 'crashed', errors: 1, started: NOW - 100 * DAY }));
    const r = only(o);
    assert.equal(r.hasHealthData, false);
    assert.equal(r.totalSessions, 0);
    assert.equal(r.totalUsers, 0);
    assert.equal(r.crashFreeSessions, null);
    assert.equal(r.healthStatus, 'insufficient-data');
    assert.equal(r.firstSeen, new Date((NOW - 100 * DAY) * 1000).toISOString());
  });

  it('90-day fallback: no sessions in the summary window but some within 90 days', async () => {
    const o = await run(session({ sid: 'a', did: 'u', status: 'exited', started: NOW - 30 * DAY }));
    const r = only(o);
    assert.equal(r.hasHealthData, true);
    assert.equal(r.totalSessions, 0);
    assert.equal(r.crashFreeSessions, null);
  });

  it('only non-init ok updates are not health data', async () => {
    const o = await run([update({ sid: 'a', did: 'u1', status: 'ok' }), update({ sid: 'b', did: 'u2', status: 'exited' })]);
    const r = only(o);
    assert.equal(r.hasHealthData, false);
    assert.equal(r.totalSessions, 0);
  });

  it('crashes without init: crash-free below zero, with its anomaly note', async () => {
    const o = await run([
      update({ sid: 'a', did: 'u1', init: true, status: 'ok' }),
      update({ sid: 'b', did: 'u2', status: 'crashed', errors: 1 }),
      update({ sid: 'c', did: 'u3', status: 'crashed', errors: 1 }),
      update({ sid: 'd', status: 'crashed', errors: 1 }),
    ]);
    const r = only(o);
    assert.equal(r.hasHealthData, true);
    assert.equal(r.totalSessions, 1);
    assert.equal(r.sessionsCrashed, 3);
    assert.equal(r.crashFreeSessions, 100 - 300);
    assert.equal(r.crashFreeSessionsInterval, null);
    assert.equal(r.sessionsHealthy, 0);
    assert.equal(r.sessionsErrored, 0);
    assert.ok(r.anomalies.some((a) => a.includes('below zero')), r.anomalies.join());
    // Users: u1 healthy, u2 and u3 crashed.
    assert.equal(r.totalUsers, 3);
    assert.equal(r.usersCrashed, 2);
    assert.equal(r.usersHealthy, 1);
    assert.equal(r.crashFreeUsers, 100 - (2 / 3) * 100);
  });

  it('a crash alone with no init in 90 days still counts as health data', async () => {
    const r = only(await run([update({ sid: 'x', status: 'crashed', errors: 1 })]));
    assert.equal(r.hasHealthData, true);
    assert.equal(r.sessionsCrashed, 1);
    assert.equal(r.crashFreeSessions, null);
  });

  it('aggregates without did count sessions but no users', async () => {
    const r = only(await run([aggregate([{ exited: 5, errored: 1, abnormal: 1, crashed: 2, unhandled: 1 }])]));
    assert.equal(r.totalSessions, 10);
    assert.equal(r.sessionsCrashed, 2);
    assert.equal(r.sessionsAbnormal, 1);
    assert.equal(r.sessionsUnhandled, 1);
    // erroredAll = preaggr 5; errored = max(0, 5 - 2 - 1 - 1) = 1; healthy = 10 - 5.
    assert.equal(r.sessionsErrored, 1);
    assert.equal(r.sessionsHealthy, 5);
    assert.equal(r.totalUsers, 0);
    assert.equal(r.crashFreeUsers, null);
  });

  it('aggregates with did join users and, with errors, the status user sets', async () => {
    const r = only(
      await run([
        aggregate([
          { did: 'u1', exited: 3 },
          { did: 'u2', exited: 1, errored: 1 },
          { did: 'u3', crashed: 1 },
          { did: 'u4', abnormal: 1 },
          { did: 'u5', unhandled: 2 },
        ]),
      ]),
    );
    assert.equal(r.totalSessions, 9);
    assert.equal(r.totalUsers, 5);
    assert.equal(r.usersCrashed, 1);
    assert.equal(r.usersAbnormal, 1);
    assert.equal(r.usersUnhandled, 1);
    // errored users {u2..u5} = 4; handled only: 4 - 1 - 1 - 1 = 1 (u2).
    assert.equal(r.usersErrored, 1);
    assert.equal(r.usersHealthy, 1);
    assert.equal(r.crashFreeUsers, 80);
  });

  it('a user is healthy only if none of its updates had an error', async () => {
    const r = only(
      await run([
        ...session({ sid: 'a', did: 'u1', status: 'exited' }),
        ...session({ sid: 'b', did: 'u1', status: 'crashed', errors: 1 }),
        ...session({ sid: 'c', did: 'u2', status: 'exited' }),
      ]),
    );
    assert.equal(r.totalUsers, 2);
    assert.equal(r.usersCrashed, 1);
    assert.equal(r.usersHealthy, 1);
  });

  it('an empty did and the nil UUID mean no user', async () => {
    const r = only(
      await run([
        update({ sid: 'a', did: '', init: true }),
        update({ sid: 'b', did: '00000000-0000-0000-0000-000000000000', init: true }),
      ]),
    );
    assert.equal(r.totalSessions, 2);
    assert.equal(r.totalUsers, 0);
  });

  it('the errored set counts each session once, whatever its updates', async () => {
    const r = only(
      await run([
        update({ sid: 'a', init: true, errors: 1 }),
        update({ sid: 'a', errors: 2 }),
        update({ sid: 'a', status: 'errored', errors: 3 }),
        update({ sid: 'b', init: true }),
      ]),
    );
    assert.equal(r.totalSessions, 2);
    assert.equal(r.sessionsErrored, 1);
    assert.equal(r.sessionsHealthy, 1);
  });

  it('unhandled sessions are errors but not handled errors', async () => {
    const r = only(
      await run([
        ...session({ sid: 'a', did: 'u1', status: 'unhandled', errors: 1 }),
        ...session({ sid: 'b', did: 'u2', status: 'exited', errors: 1 }),
        ...session({ sid: 'c', did: 'u3', status: 'exited' }),
      ]),
    );
    assert.equal(r.totalSessions, 3);
    assert.equal(r.sessionsUnhandled, 1);
    assert.equal(r.sessionsErrored, 1);
    assert.equal(r.sessionsHealthy, 1);
    assert.equal(r.unhandledSessionRate, (1 / 3) * 100);
    assert.equal(r.usersUnhandled, 1);
    assert.equal(r.usersErrored, 1);
    assert.equal(r.unhandledUserRate, (1 / 3) * 100);
  });

  it('the environment filter applies to every figure', async () => {
    const lines = [
      ...session({ sid: 'a', did: 'u1', status: 'crashed', errors: 1, environment: 'production' }),
      ...session({ sid: 'b', did: 'u2', status: 'exited', environment: 'staging' }),
      ...session({ sid: 'c', did: 'u3', status: 'exited', release: 'r2', environment: 'staging' }),
    ];
    const prod = await run(lines, { environments: ['production'] });
    assert.deepEqual(prod.releases.map((r) => r.release), ['r1']);
    const r = only(prod);
    assert.equal(r.totalSessions, 1);
    assert.equal(r.sessionsCrashed, 1);
    assert.equal(r.totalProjectSessions24h, 1);
    assert.equal(r.adoption, 100);
    const all = await run(lines);
    assert.equal(only(all).totalSessions, 2);
    assert.equal(only(all).totalProjectSessions24h, 3);
    const both = await run(lines, { environments: ['production', 'staging'] });
    assert.equal(only(both).totalSessions, 2);
  });

  it('window edges: now - P is out, the first whole bucket after it is in, now is out', async () => {
    // NOW = 12:30; 24h window starts at 13:00 yesterday.
    const edge = NOW - DAY; // 12:30 yesterday
    const w = NOW - DAY + 30 * 60; // 13:00 yesterday
    const o = await run([
      update({ sid: 'a', init: true, started: edge, release: 'at-now-minus-p' }),
      update({ sid: 'b', init: true, started: w - 1, release: 'just-before-w' }),
      update({ sid: 'c', init: true, started: w, release: 'at-w' }),
      update({ sid: 'd', init: true, started: NOW - 0.001, release: 'just-before-now' }),
      update({ sid: 'e', init: true, started: NOW, release: 'at-now' }),
    ]);
    const byName = Object.fromEntries(o.releases.map((r) => [r.release, r]));
    assert.equal(byName['at-now-minus-p'].totalSessions, 0);
    assert.equal(byName['at-now-minus-p'].hasHealthData, true, 'within 90 days');
    assert.equal(byName['just-before-w'].totalSessions, 0);
    assert.equal(byName['at-w'].totalSessions, 1);
    assert.equal(byName['just-before-now'].totalSessions, 1);
    assert.equal(byName['at-now'], undefined, 'lines at or after now are ignored');
  });

  it('has-data window edge: 90 days, day-aligned', async () => {
    // 90d window starts at 2026-08-29T00:00Z for NOW 2026-11-26T12:30Z.
    const w = Date.parse('2026-08-29T00:00:00Z') / 1000;
    const o = await run([
      update({ sid: 'a', init: true, started: w - 1, release: 'before' }),
      update({ sid: 'b', init: true, started: w, release: 'at' }),
    ]);
    assert.equal(only(o, 'before').hasHealthData, false);
    assert.equal(only(o, 'at').hasHealthData, true);
  });

  it('series: init per bucket for sessions, distinct users per bucket for users, empty buckets 0', async () => {
    const lines = [
      ...session({ sid: 'a', did: 'u1', status: 'exited', started: NOW - 10 * 60 }), // 12:20 → bucket 12:00
      ...session({ sid: 'b', did: 'u1', status: 'exited', started: NOW - 20 * 60 }), // 12:10 → bucket 12:00
      ...session({ sid: 'c', did: 'u2', status: 'exited', started: NOW - 2 * HOUR }), // 10:30 → bucket 10:00
    ];
    const s = only(await run(lines)).stats['24h'];
    assert.equal(s.length, 24);
    assert.deepEqual(s[23], [Date.parse('2026-11-26T12:00:00Z') / 1000, 2]);
    assert.deepEqual(s[21], [Date.parse('2026-11-26T10:00:00Z') / 1000, 1]);
    assert.equal(s.filter(([, v]) => v === 0).length, 22);
    const u = only(await run(lines, { stat: 'users' })).stats['24h'];
    assert.equal(u[23][1], 1);
    assert.equal(u[21][1], 1);
    const d = only(await run(lines, { healthPeriod: '7d', stat: 'users' })).stats['7d'];
    assert.equal(d.length, 7);
    assert.deepEqual(d[6], [Date.parse('2026-11-26T00:00:00Z') / 1000, 2]);
  });

  it('sets are unions over the window, not sums of per-bucket sizes', async () => {
    const r = only(
      await run([
        ...session({ sid: 'a', did: 'u1', status: 'exited', started: NOW - 1 * HOUR }),
        ...session({ sid: 'b', did: 'u1', status: 'exited', started: NOW - 5 * HOUR }),
        ...session({ sid: 'c', did: 'u1', status: 'exited', started: NOW - 9 * HOUR }),
      ]),
    );
    assert.equal(r.totalSessions, 3);
    assert.equal(r.totalUsers, 1);
  });

  it('summary period 7d uses a day-aligned window', async () => {
    const o = await run(
      [
        update({ sid: 'a', init: true, started: Date.parse('2026-11-19T23:59:59Z') / 1000 }),
        update({ sid: 'b', init: true, started: Date.parse('2026-11-20T00:00:00Z') / 1000 }),
      ],
      { summaryPeriod: '7d' },
    );
    assert.equal(only(o).totalSessions, 1);
  });

  it('adoption over 24 h within the project', async () => {
    const o = await run([
      ...session({ sid: 'a', did: 'u1', status: 'exited', release: 'A' }),
      ...session({ sid: 'b', did: 'u1', status: 'exited', release: 'A' }),
      ...session({ sid: 'c', did: 'u1', status: 'crashed', errors: 1, release: 'B' }),
      ...session({ sid: 'd', did: 'u9', status: 'exited', release: 'C', project: 'other' }),
    ]);
    const a = only(o, 'A');
    assert.equal(a.totalSessions24h, 2);
    assert.equal(a.totalProjectSessions24h, 3);
    assert.equal(a.totalUsers24h, 1);
    assert.equal(a.totalProjectUsers24h, 1);
    assert.equal(a.adoption, 100);
    assert.equal(a.sessionsAdoption, (2 / 3) * 100);
    assert.equal(only(o, 'B').sessionsAdoption, (1 / 3) * 100);
    assert.equal(only(o, 'C', 'other').totalProjectSessions24h, 1);
  });

  it('durations: exited durations in the summary window, p50 and p90', async () => {
    const r = only(
      await run([
        update({ sid: 'a', status: 'exited', duration: 10 }),
        update({ sid: 'b', status: 'exited', duration: 20 }),
        update({ sid: 'c', status: 'exited', duration: 30 }),
        update({ sid: 'd', status: 'exited', duration: 40 }),
        update({ sid: 'e', status: 'crashed', errors: 1, duration: 999 }),
        update({ sid: 'f', status: 'exited', duration: 500, started: NOW - 3 * DAY }),
      ]),
    );
    assert.equal(r.durationP50, 25);
    assert.equal(r.durationP90, 37);
    const none = only(await run([update({ sid: 'a', init: true })]));
    assert.equal(none.durationP50, null);
  });

  it('the project of lines without one is --project (default "default")', async () => {
    const o = await run([update({ sid: 'a', init: true }), update({ sid: 'b', init: true, project: 'ios' })], { defaultProject: 'web' });
    assert.deepEqual(o.releases.map((r) => r.project).sort(), ['ios', 'web']);
  });

  it('release names with spaces, unicode and HTML are kept exactly', async () => {
    const names = ['my app 1.0 (build 7)', 'приложение@2.0 🚀', '<img src=x onerror=alert(1)>', 'a"b\\c'];
    const o = await run(names.map((n, i) => update({ sid: `s${i}`, init: true, release: n })));
    assert.deepEqual(o.releases.map((r) => r.release).sort(), [...names].sort());
    assert.ok(o.releases.every((r) => r.totalSessions === 1));
  });

  it('times as Unix seconds are accepted like ISO strings', async () => {
    const r = only(await run([{ sid: 'a', init: true, started: NOW - HOUR, attrs: { release: 'r1' } }]));
    assert.equal(r.totalSessions, 1);
  });
});
