import { strict as assert } from 'assert';
import { checkConnection, fetchApiOverview, listProjects, type RequestLogEntry } from '../../../src/api/fetchApiOverview';
import { SentryApiError } from '../../../src/api/errors';
import { DEFAULT_THRESHOLDS, type OverviewOptions } from '../../../src/health/types';
import { forgetRegions } from '../../../src/api/region';
import { startFake, type FakeServer } from './helpers/fakeServer';
import { sentrySim, type SimOptions, type SimRecord } from './helpers/sentrySim';

const TOKEN = 'sntryu_test_token_0123456789abcdef';
const NOW = Date.parse('2026-11-26T12:30:00Z') / 1000;
const HOUR = 3600;
const DAY = 86400;
const OPTIONS: OverviewOptions = { now: NOW, summaryPeriod: '24h', healthPeriod: '24h', stat: 'sessions', thresholds: DEFAULT_THRESHOLDS };

function release(i: number): string {
  return `app@1.${i}.0`;
}

/** n releases of project `app`, each with sessions two hours ago. */
function simWith(n: number, extra: Partial<SimOptions> = {}): SimOptions {
  const records: SimRecord[] = [];
  for (let i = 0; i < n; i++) {
    records.push({ project: 'app', release: release(i), environment: 'production', t: NOW - 2 * HOUR, init: 100 + i, erroredAll: 5, crashed: 1, users: 40, usersErrored: 3, usersCrashed: 1 });
  }
  return {
    token: TOKEN,
    now: NOW,
    projects: [{ id: '11', slug: 'app', platform: 'javascript' }, { id: '12', slug: 'other' }],
    releases: Array.from({ length: n }, (_, i) => ({ version: release(i), dateCreated: new Date((NOW - 10 * DAY + i * 60) * 1000).toISOString(), projects: ['app'] })),
    records,
    ...extra,
  };
}

async function withSim<T>(sim: SimOptions, fn: (server: FakeServer) => Promise<T>): Promise<T> {
  const server = await startFake(sentrySim(sim));
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

// Servers come and go on reused ports: each test learns the organization's region afresh.
beforeEach(() => forgetRegions());

const config = (server: FakeServer, projects: string[] = ['app']) => ({ baseUrl: server.url, organization: 'acme', projects, retry: { baseDelayMs: 5 } });

describe('api: fetchApiOverview against a simulated Sentry', () => {
  it('computes the figures from status groups and ungrouped totals', async () => {
    await withSim(simWith(3), async (server) => {
      const o = await fetchApiOverview(config(server), TOKEN, OPTIONS);
      assert.equal(o.releases.length, 3);
      const r = o.releases.find((x) => x.release === release(2))!;
      assert.equal(r.hasHealthData, true);
      assert.equal(r.totalSessions, 102);
      assert.equal(r.sessionsCrashed, 1);
      assert.equal(r.sessionsErrored, 4);
      assert.equal(r.sessionsHealthy, 97);
      assert.equal(r.totalUsers, 40);
      assert.equal(r.usersCrashed, 1);
      assert.equal(r.crashFreeSessions, 100 - (1 / 102) * 100);
      assert.equal(r.totalSessions24h, 102);
      assert.equal(r.totalProjectSessions24h, 303);
      assert.equal(r.firstSeen, new Date((NOW - 10 * DAY + 120) * 1000).toISOString());
      assert.equal(r.previousRelease, release(1));
      const buckets = r.stats['24h'];
      assert.equal(buckets.length, 24);
      assert.equal(buckets.reduce((s, [, v]) => s + v, 0), 102);
      assert.deepEqual(o.projects, [{ id: '11', slug: 'app', name: 'APP', platform: 'javascript', hasAccess: true }]);
    });
  });

  it('keeps request counts flat until a page is full (10, 100, 1000 releases)', async () => {
    const counts: Record<number, { total: number; sessions: number }> = {};
    for (const n of [10, 100, 1000]) {
      const sim = simWith(n);
      const handler = sentrySim(sim);
      const server = await startFake(handler);
      try {
        const o = await fetchApiOverview(config(server), TOKEN, OPTIONS);
        assert.equal(o.releases.length, n);
        assert.ok(o.releases.every((r) => r.hasHealthData && r.totalSessions >= 100 && r.sessionsCrashed === 1), 'no release lost');
        assert.equal(o.requests, server.requests.length);
        counts[n] = { total: o.requests, sessions: handler.sessionsRequests() };
      } finally {
        await server.close();
      }
    }
    // organization 1 (its region) + projects 1 + releases ceil(n/100) + sessions: TOT(S) +
    // project TOT(A) + status probes H and S.
    assert.deepEqual(counts[10], { total: 7, sessions: 4 });
    assert.deepEqual(counts[100], { total: 7, sessions: 4 });
    // 1000 pairs, hourly summary: TOT(S) 3 pages of 399 pairs; project TOT(A) 1; status(H) probe 1
    // (cut at 109 pairs, but every pair has init in S, so nothing more to ask); status(S) probe 1,
    // cut at 399 pairs, then the 601 others in 3 release-list chunks (URL length bound, ~270 versions).
    assert.deepEqual(counts[1000], { total: 1 + 1 + 10 + 9, sessions: 9 });
  });
});

describe('api: step 1 and group limits', () => {
  // 300 old releases (sessions 30 days ago: no init in the summary window), 3 crash-only ones,
  // 1 whose only 90-day data is an errored session without init, 2 older than 90 days, and one
  // that appears only in session data (not listed).
  function oldReleasesSim(): SimOptions {
    const records: SimRecord[] = [];
    const releases: SimOptions['releases'] = [];
    const listed = (v: string, created: number) => releases.push({ version: v, dateCreated: new Date(created * 1000).toISOString(), projects: ['app'] });
    for (let i = 0; i < 300; i++) {
      listed(`old@${i}`, NOW - 40 * DAY);
      records.push({ project: 'app', release: `old@${i}`, t: NOW - 30 * DAY, init: 10, erroredAll: 1, crashed: 1, users: 5, usersErrored: 1, usersCrashed: 1 });
    }
    for (let i = 0; i < 3; i++) {
      listed(`crash-only@${i}`, NOW - 20 * DAY);
      records.push({ project: 'app', release: `crash-only@${i}`, t: NOW - 3 * HOUR, init: 0, erroredAll: 2, crashed: 2 });
    }
    listed('errored-only@1', NOW - 20 * DAY);
    records.push({ project: 'app', release: 'errored-only@1', t: NOW - 5 * DAY, init: 0, erroredAll: 1 });
    for (let i = 0; i < 2; i++) {
      listed(`ancient@${i}`, NOW - 200 * DAY);
      records.push({ project: 'app', release: `ancient@${i}`, t: NOW - 120 * DAY, init: 50 });
    }
    listed('current@1', NOW - 2 * DAY);
    records.push({ project: 'app', release: 'current@1', t: NOW - HOUR, init: 40, users: 20, durationMs: 45_500 });
    records.push({ project: 'app', release: 'unlisted@9', t: NOW - 6 * HOUR, init: 7, users: 3 });
    return { token: TOKEN, now: NOW, projects: [{ id: '11', slug: 'app' }], releases, records };
  }

  it('finds health data past the group limit without losing a release', async () => {
    const handler = sentrySim(oldReleasesSim());
    const server = await startFake(handler);
    try {
      const o = await fetchApiOverview(config(server), TOKEN, OPTIONS);
      const by = new Map(o.releases.map((r) => [r.release, r]));
      // The two ancient releases (created 200 days ago, no sessions in 90 days) are outside the listing's period.
      assert.equal(o.releases.length, 300 + 3 + 1 + 1 + 1);
      for (let i = 0; i < 300; i++) {
        const r = by.get(`old@${i}`)!;
        assert.equal(r.hasHealthData, true, `old@${i}`);
        assert.equal(r.totalSessions, 0);
      }
      for (let i = 0; i < 3; i++) {
        const r = by.get(`crash-only@${i}`)!;
        assert.equal(r.hasHealthData, true);
        assert.equal(r.sessionsCrashed, 2);
        assert.equal(r.crashFreeSessions, null);
      }
      assert.equal(by.get('errored-only@1')!.hasHealthData, false, 'an errored session without init is not a counter');
      assert.equal(by.get('ancient@0'), undefined);
      const cur = by.get('current@1')!;
      assert.equal(cur.totalSessions, 40);
      assert.equal(cur.durationP50, 45.5);
      const un = by.get('unlisted@9')!;
      assert.equal(un.hasHealthData, true);
      assert.equal(un.totalSessions, 7);
      assert.equal(un.firstSeen, new Date(Math.floor((NOW - 6 * HOUR) / HOUR) * HOUR * 1000).toISOString(), 'first bucket with data');
      // The 90-day status probe holds 108 pairs; the ~200 others are asked for by release list.
      const statusH = server.requests.filter((q) => q.query.getAll('groupBy').includes('session.status') && q.query.get('interval') === '1d');
      assert.ok(statusH.length >= 2, `status(H) requests: ${statusH.length}`);
      assert.ok(statusH.slice(1).every((q) => (q.query.get('query') ?? '').startsWith('release:[')));
      // The errored-only pair's init is checked by an ungrouped 90-day query restricted to it.
      assert.ok(server.requests.some((q) => q.query.get('query') === 'release:["errored-only@1"]' && !q.query.getAll('groupBy').includes('session.status')));
    } finally {
      await server.close();
    }
  });

  it('sends the environment filter with every query and pages through listings', async () => {
    const sim = simWith(250);
    sim.records.push({ project: 'app', release: release(0), environment: 'staging', t: NOW - HOUR, init: 1000, crashed: 500 });
    await withSim(sim, async (server) => {
      const o = await fetchApiOverview({ ...config(server), environments: ['production'] }, TOKEN, OPTIONS);
      const r0 = o.releases.find((r) => r.release === release(0))!;
      assert.equal(r0.totalSessions, 100, 'staging excluded');
      const data = server.requests.filter((q) => /sessions|releases/.test(q.path));
      assert.ok(data.every((q) => q.query.getAll('environment').join() === 'production'));
      assert.equal(server.requests.filter((q) => q.path.endsWith('/releases/')).length, 3, '250 releases: 3 pages of 100');
      assert.equal(o.releases.length, 250);
    });
  });

  it('merges the summary and has-data queries for a 90d summary, and fetches a 48h series apart', async () => {
    await withSim(simWith(5), async (server) => {
      const o = await fetchApiOverview(config(server), TOKEN, { ...OPTIONS, summaryPeriod: '90d', healthPeriod: '48h', stat: 'users' });
      const r = o.releases.find((x) => x.release === release(4))!;
      assert.equal(r.totalSessions, 104);
      assert.equal(r.stats['48h'].length, 48);
      assert.equal(r.stats['48h'].reduce((s, [, v]) => s + v, 0), 40, 'users per bucket');
      const sessions = server.requests.filter((q) => q.path.endsWith('/sessions/'));
      // TOT(90d) + TOT(24h) + project TOT(24h) + TOT(48h) + one status query for 90d.
      assert.equal(sessions.length, 5);
    });
  });

  it('reads an older server without the unhandled status as 0 unhandled', async () => {
    const sim = simWith(1, {});
    sim.records[0].unhandled = 3;
    sim.fourStatuses = true;
    await withSim(sim, async (server) => {
      const o = await fetchApiOverview(config(server), TOKEN, OPTIONS);
      assert.equal(o.releases[0].sessionsUnhandled, 0);
      assert.equal(o.releases[0].sessionsErrored, 4);
    });
  });

  it('reads every project when none is configured', async () => {
    const sim = simWith(2);
    sim.records.push({ project: 'other', release: 'o@1', t: NOW - HOUR, init: 3 });
    await withSim(sim, async (server) => {
      const o = await fetchApiOverview(config(server, []), TOKEN, OPTIONS);
      assert.deepEqual(o.releases.map((r) => `${r.project}/${r.release}`).sort(), ['app/app@1.0.0', 'app/app@1.1.0', 'other/o@1']);
      assert.deepEqual(o.projects.map((p) => p.slug), ['app', 'other']);
      const data = server.requests.filter((q) => /sessions|releases/.test(q.path));
      assert.ok(data.every((q) => q.query.getAll('project').join() === '-1'), 'all projects: project=-1, not every id');
    });
  });
});

describe('api: connection helpers', () => {
  it('checkConnection reads the organization (not detailed) and one project, and names the organization', async () => {
    await withSim(simWith(1), async (server) => {
      const log: RequestLogEntry[] = [];
      const org = await checkConnection(config(server), TOKEN, { log: (e) => log.push(e) });
      assert.deepEqual(org, { id: '1', slug: 'acme', name: 'Acme Inc.', regionUrl: null });
      assert.equal(server.requests.length, 2);
      assert.deepEqual(log.map((e) => [e.path, e.status]), [
        ['/api/0/organizations/acme/?detailed=0', 200],
        ['/api/0/organizations/acme/projects/?per_page=1', 200],
      ]);
    });
  });

  it('listProjects lists every project', async () => {
    await withSim(simWith(1), async (server) => {
      const projects = await listProjects(config(server), TOKEN);
      assert.deepEqual(projects.map((p) => p.slug), ['app', 'other']);
    });
  });

  it('names a configured project that does not exist', async () => {
    await withSim(simWith(1), async (server) => {
      await assert.rejects(fetchApiOverview(config(server, ['app', 'nope']), TOKEN, OPTIONS), (err: unknown) => {
        assert.ok(err instanceof SentryApiError);
        assert.equal(err.kind, 'not-found');
        assert.match(err.message, /'nope' not found in organization 'acme'/);
        return true;
      });
    });
  });
});
