import { strict as assert } from 'assert';
import { ageKey, equalAgeWindow, isAgeHours, withAgeWindows } from '../../../src/health/equalAge';
import type { OverviewInput } from '../../../src/health/types';

const H = 3600;
const NOW = Date.parse('2026-11-26T12:30:00Z') / 1000;

describe('health/equalAge', () => {
  it('starts at the hour holding the first session and ends at t0 + age or now', () => {
    const first = NOW - 10 * 86400 + 25 * 60; // 02-12:55 → bucket 12:00
    const w = equalAgeWindow(first, 24, NOW);
    assert.equal(w.start, Math.floor(first / H) * H);
    assert.equal(w.start % H, 0);
    assert.equal(w.end, w.start + 24 * H);
    // A release younger than the age: the window ends at now, not in the future.
    const young = equalAgeWindow(NOW - 5 * H, 24, NOW);
    assert.equal(young.start, Math.floor((NOW - 5 * H) / H) * H);
    assert.equal(young.end, NOW);
  });

  it('accepts whole hours from 1 to 90 days', () => {
    assert.ok(isAgeHours(1) && isAgeHours(24) && isAgeHours(2160));
    assert.ok(!isAgeHours(0) && !isAgeHours(-3) && !isAgeHours(1.5) && !isAgeHours(2161) && !isAgeHours(Number.NaN));
  });

  it('replaces only the named releases\' summary figures; a release without a first session gets none', () => {
    const stats = {
      sessions: { total: 100, healthy: 90, errored: 5, crashed: 5, abnormal: 0, unhandled: 0 },
      users: { total: 10, healthy: 9, errored: 0, crashed: 1, abnormal: 0, unhandled: 0 },
      sessions24h: 7, users24h: 3, series: [1, 2], durationP50: 4, durationP90: 9,
    };
    const input: OverviewInput = {
      releases: ['a', 'b', 'c'].map((release) => ({ project: 'p', release, firstSeen: 0, hasHealthData: true, stats })),
      projects: { p: { sessions24h: 7, users24h: 3 } },
    };
    const win = {
      window: { start: 0, end: H, granularity: H },
      sessions: { total: 40, healthy: 38, errored: 0, crashed: 2, abnormal: 0, unhandled: 0 },
      users: { total: 4, healthy: 4, errored: 0, crashed: 0, abnormal: 0, unhandled: 0 },
      durationP50: null, durationP90: null, series: { sessions: [40], users: [4] },
    };
    const out = withAgeWindows(input, new Map([[ageKey('p', 'a'), win], [ageKey('p', 'b'), null]]));
    assert.deepEqual(out.releases[0].stats!.sessions, win.sessions);
    assert.equal(out.releases[0].stats!.sessions24h, 7, 'adoption stays on its own window');
    assert.deepEqual(out.releases[0].stats!.series, [1, 2]);
    assert.equal(out.releases[1].stats!.sessions.total, 0);
    assert.equal(out.releases[2].stats, stats, 'others untouched');
  });
});
