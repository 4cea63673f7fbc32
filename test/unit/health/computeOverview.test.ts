import { strict as assert } from 'assert';
import { computeOverview, healthStatusOf } from '../../../src/health/computeOverview';
import { breakdownFromCounters } from '../../../src/health/statusSummary';
import { DEFAULT_THRESHOLDS, type OverviewOptions, type ReleaseInput } from '../../../src/health/types';

const NOW = Date.parse('2026-11-26T12:30:00Z') / 1000;
const options: OverviewOptions = { now: NOW, summaryPeriod: '24h', healthPeriod: '24h', stat: 'sessions', thresholds: DEFAULT_THRESHOLDS };

function release(name: string, firstSeen: number, total: number, crashed: number, project = 'p'): ReleaseInput {
  const sessions = breakdownFromCounters({ total, erroredAll: crashed, crashed, abnormal: 0, unhandled: 0 });
  return {
    project,
    release: name,
    firstSeen,
    hasHealthData: total > 0,
    stats: total > 0
      ? { sessions, users: sessions, sessions24h: total, users24h: total, series: [], durationP50: null, durationP90: null }
      : null,
  };
}

describe('health/computeOverview', () => {
  it('links each release to the previous one with health data, with delta and regression', () => {
    const o = computeOverview(
      {
        releases: [
          release('1.0', 100, 10000, 10), // 99.9
          release('1.1', 200, 0, 0), // no health data: skipped as a predecessor
          release('1.2', 300, 10000, 300), // 97.0, a regression
          release('1.3', 300, 10000, 290), // same first seen: ordered by name after 1.2
        ],
        projects: { p: { sessions24h: 30000, users24h: 30000 } },
      },
      options,
    );
    const by = Object.fromEntries(o.releases.map((r) => [r.release, r]));
    assert.equal(by['1.0'].previousRelease, null);
    assert.equal(by['1.1'].previousRelease, null);
    assert.equal(by['1.2'].previousRelease, '1.0');
    assert.ok(Math.abs(by['1.2'].crashFreeSessionsDelta! - (97 - 99.9)) < 1e-9);
    assert.equal(by['1.2'].regression, true);
    assert.equal(by['1.3'].previousRelease, '1.2');
    assert.equal(by['1.3'].regression, false, 'overlapping intervals are not a regression');
    // Newest first within the project.
    assert.deepEqual(o.releases.map((r) => r.release), ['1.3', '1.2', '1.1', '1.0']);
  });

  it('health status follows target, critical and the minimum sample', () => {
    const t = DEFAULT_THRESHOLDS;
    assert.equal(healthStatusOf(29, 100, t), 'insufficient-data');
    assert.equal(healthStatusOf(30, 97.99, t), 'critical');
    assert.equal(healthStatusOf(30, 98, t), 'warning');
    assert.equal(healthStatusOf(30, 99.49, t), 'warning');
    assert.equal(healthStatusOf(30, 99.5, t), 'healthy');
    assert.equal(healthStatusOf(1000, null, t), 'insufficient-data');
    assert.equal(healthStatusOf(50, 99, { target: 99, critical: 90, minimumSessions: 10 }), 'healthy');
  });

  it('keeps releases of different projects apart', () => {
    const o = computeOverview(
      { releases: [release('1.0', 100, 100, 1, 'a'), release('1.0', 200, 100, 2, 'b')], projects: {} },
      options,
    );
    assert.deepEqual(o.releases.map((r) => [r.project, r.previousRelease]), [['a', null], ['b', null]]);
  });

  it('formats now and the series keys', () => {
    const o = computeOverview({ releases: [release('1.0', 100, 100, 1)], projects: {} }, { ...options, healthPeriod: '7d' });
    assert.equal(o.now, '2026-11-26T12:30:00.000Z');
    assert.deepEqual(Object.keys(o.releases[0].stats), ['7d']);
    assert.equal(o.releases[0].stats['7d'].length, 7);
  });
});
