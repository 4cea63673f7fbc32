import { strict as assert } from 'assert';
import { buildApiOverviewInput, type ApiListing } from '../../../src/api/apiOverviewInput';
import type { SessionsResult } from '../../../src/api/schemas';
import type { SessionsData } from '../../../src/api/sessionsFetch';
import { computeOverview } from '../../../src/health/computeOverview';
import { DEFAULT_THRESHOLDS, type OverviewOptions } from '../../../src/health/types';
import { seriesBuckets } from '../../../src/health/windows';

const NOW = Date.parse('2026-11-26T12:30:00Z') / 1000;
const OPTIONS: OverviewOptions = { now: NOW, summaryPeriod: '24h', healthPeriod: '24h', stat: 'sessions', thresholds: DEFAULT_THRESHOLDS };
const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');
const HOURS = seriesBuckets('24h', NOW).map(iso);

type Counts = Partial<Record<'healthy' | 'errored' | 'crashed' | 'abnormal' | 'unhandled' | 'bogus', number>>;

function totalsPage(rows: Array<{ project: number; release: string; sessions: number; users?: number; p50?: number | null; p90?: number | null; bucket?: number }>): SessionsResult {
  return {
    intervals: HOURS,
    groups: rows.map((r) => ({
      by: { project: r.project, release: r.release },
      totals: { 'sum(session)': r.sessions, 'count_unique(user)': r.users ?? 0, 'p50(session.duration)': r.p50 ?? null, 'p90(session.duration)': r.p90 ?? null },
      series: {
        'sum(session)': HOURS.map((_, i) => (i === (r.bucket ?? 23) ? r.sessions : 0)),
        'count_unique(user)': HOURS.map((_, i) => (i === (r.bucket ?? 23) ? (r.users ?? 0) : 0)),
      },
    })),
  };
}

function statusPage(project: number, release: string, sessions: Counts, users: Counts = {}): SessionsResult {
  const names = new Set([...Object.keys(sessions), ...Object.keys(users)]);
  return {
    intervals: HOURS,
    groups: [...names].map((status) => ({
      by: { project, release, 'session.status': status },
      totals: { 'sum(session)': sessions[status as 'healthy'] ?? 0, 'count_unique(user)': users[status as 'healthy'] ?? 0 },
      series: {},
    })),
  };
}

function data(parts: Partial<SessionsData>): SessionsData {
  return { summaryTotals: [], summaryStatus: [], adoption: [], projectAdoption: [], series: [], hasDataStatus: [], hasDataInit: [], ...parts };
}

const LISTING: ApiListing = {
  projects: [{ id: '1', slug: 'app' }],
  releases: [
    { version: 'r1', dateCreated: '2026-11-20T10:00:00Z', projects: [{ slug: 'app' }, { slug: 'not-configured' }] },
    { version: 'r0', dateCreated: '2026-11-01T10:00:00Z', projects: [{ slug: 'app' }] },
  ],
};

describe('api: adapter (responses → OverviewInput)', () => {
  it('reproduces the contract\'s worked example (§4.4) from status groups', () => {
    const totals = totalsPage([{ project: 1, release: 'r1', sessions: 15, users: 2 }]);
    const d = data({
      summaryTotals: [totals],
      adoption: [totals],
      series: [totals],
      projectAdoption: [{ intervals: HOURS, groups: [{ by: { project: 1 }, totals: { 'sum(session)': 30, 'count_unique(user)': 4 }, series: {} }] }],
      summaryStatus: [statusPage(1, 'r1', { healthy: 11, errored: 2, crashed: 2, abnormal: 0, unhandled: 0 }, { healthy: 1, errored: 0, crashed: 1, abnormal: 0, unhandled: 0 })],
    });
    const o = computeOverview(buildApiOverviewInput(LISTING, d, OPTIONS), OPTIONS);
    const r = o.releases.find((x) => x.release === 'r1')!;
    assert.equal(r.totalSessions, 15);
    assert.equal(r.sessionsHealthy, 11);
    assert.equal(r.sessionsErrored, 2);
    assert.equal(r.sessionsCrashed, 2);
    assert.equal(r.crashFreeSessions, 100 - (2 / 15) * 100);
    assert.equal(r.totalUsers, 2);
    assert.equal(r.usersHealthy, 1);
    assert.equal(r.usersErrored, 0);
    assert.equal(r.crashFreeUsers, 50);
    assert.equal(r.totalSessions24h, 15);
    assert.equal(r.totalProjectSessions24h, 30);
    assert.equal(r.sessionsAdoption, 50);
    assert.equal(r.adoption, 50);
    assert.equal(r.firstSeen, '2026-11-20T10:00:00.000Z', 'the release\'s dateCreated');
    assert.equal(r.stats['24h'][23][1], 15);
    assert.equal(r.durationP50, null);
  });

  it('takes the total from the ungrouped sum: status groups with unhandled exceed it', () => {
    // Sentry's EAP reference: init 100, crashed 3, errored_preaggr 7, errored_set 4, abnormal 2, unhandled 5.
    const d = data({
      summaryTotals: [totalsPage([{ project: 1, release: 'r1', sessions: 100, users: 10, p50: 45_000, p90: 57_500 }])],
      summaryStatus: [statusPage(1, 'r1', { healthy: 89, errored: 6, crashed: 3, abnormal: 2, unhandled: 5, bogus: 1000 })],
    });
    const o = computeOverview(buildApiOverviewInput(LISTING, d, OPTIONS), OPTIONS);
    const r = o.releases.find((x) => x.release === 'r1')!;
    assert.equal(r.totalSessions, 100);
    assert.equal(r.sessionsErrored, 1, 'errored includes unhandled: 6 - 5');
    assert.equal(r.sessionsUnhandled, 5);
    assert.equal(r.sessionsHealthy + r.sessionsErrored + r.sessionsUnhandled + r.sessionsCrashed + r.sessionsAbnormal, 100);
    assert.equal(r.unhandledSessionRate, 8);
    assert.equal(r.durationP50, 45, 'ms → s');
    assert.equal(r.durationP90, 57.5);
    assert.deepEqual(r.anomalies, [], 'unknown status ignored');
  });

  it('a missing unhandled group (older servers) is 0', () => {
    const d = data({
      summaryTotals: [totalsPage([{ project: 1, release: 'r1', sessions: 10 }])],
      summaryStatus: [statusPage(1, 'r1', { healthy: 8, errored: 1, crashed: 1, abnormal: 0 })],
    });
    const [input] = buildApiOverviewInput(LISTING, d, OPTIONS).releases.filter((r) => r.release === 'r1');
    assert.deepEqual(input.stats!.sessions, { total: 10, healthy: 8, errored: 1, crashed: 1, abnormal: 0, unhandled: 0 });
  });

  it('step 1: init in the summary window, or a counter in the 90-day status groups', () => {
    const d = data({
      hasDataStatus: [
        statusPage(1, 'r0', { healthy: 0, errored: 0, crashed: 2, abnormal: 0, unhandled: 0 }),
        statusPage(1, 'errored-only', { healthy: 0, errored: 3, crashed: 0, abnormal: 0, unhandled: 0 }),
        statusPage(1, 'errored-with-init', { healthy: 0, errored: 3, crashed: 0, abnormal: 0, unhandled: 0 }),
        statusPage(1, 'zeros', { healthy: 0, errored: 0, crashed: 0, abnormal: 0, unhandled: 0 }),
      ],
      hasDataInit: [totalsPage([{ project: 1, release: 'errored-with-init', sessions: 3 }, { project: 1, release: 'errored-only', sessions: 0 }])],
    });
    const input = buildApiOverviewInput(LISTING, d, OPTIONS);
    const has = Object.fromEntries(input.releases.map((r) => [r.release, r.hasHealthData]));
    assert.deepEqual(has, { r1: false, r0: true, 'errored-only': false, 'errored-with-init': true, zeros: false });
    const r0 = input.releases.find((r) => r.release === 'r0')!;
    assert.deepEqual(r0.stats!.sessions, { total: 0, healthy: 0, errored: 0, crashed: 0, abnormal: 0, unhandled: 0 }, 'no data in the summary window');
    assert.equal(input.releases.find((r) => r.release === 'r1')!.stats, null);
  });

  it('adds releases seen only in session data, first seen at their first bucket; ignores other projects', () => {
    const d = data({
      summaryTotals: [totalsPage([{ project: 1, release: 'only-in-sessions', sessions: 4, bucket: 20 }, { project: 99, release: 'elsewhere', sessions: 9 }])],
    });
    const input = buildApiOverviewInput(LISTING, d, OPTIONS);
    const r = input.releases.find((x) => x.release === 'only-in-sessions')!;
    assert.equal(r.project, 'app');
    assert.equal(r.firstSeen, seriesBuckets('24h', NOW)[20]);
    assert.equal(r.hasHealthData, true);
    assert.ok(!input.releases.some((x) => x.release === 'elsewhere'));
    assert.deepEqual(input.releases.map((x) => x.release).sort(), ['only-in-sessions', 'r0', 'r1']);
  });

  it('series values land on their bucket by timestamp; users for stat=users', () => {
    const opts: OverviewOptions = { ...OPTIONS, stat: 'users' };
    const page = totalsPage([{ project: 1, release: 'r1', sessions: 12, users: 5, bucket: 3 }]);
    const input = buildApiOverviewInput(LISTING, data({ summaryTotals: [page], series: [page] }), opts);
    const r = input.releases.find((x) => x.release === 'r1')!;
    assert.equal(r.stats!.series[3], 5);
    assert.equal(r.stats!.series.reduce((a, b) => a + b, 0), 5);
  });
});
