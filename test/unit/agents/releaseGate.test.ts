import { strict as assert } from 'assert';
import { checkReleaseGate, gateRequestOf, gateText } from '../../../src/agents/releaseGate';
import { DEFAULT_THRESHOLDS } from '../../../src/health/types';
import { release } from '../extension/releaseFixtures';

describe('agents/releaseGate', () => {
  it('defaults: crash-free sessions at the target, the minimum sample of the thresholds', () => {
    assert.deepEqual(gateRequestOf({}, DEFAULT_THRESHOLDS), { crashFreeSessions: 99.5, crashFreeUsers: null, minSessions: 30 });
    assert.deepEqual(gateRequestOf({ crashFreeUsers: 98 }, DEFAULT_THRESHOLDS), { crashFreeSessions: null, crashFreeUsers: 98, minSessions: 30 });
    assert.deepEqual(gateRequestOf({ crashFreeSessions: 99, minSessions: 0 }, { target: 90, minimumSessions: 10 }), { crashFreeSessions: 99, crashFreeUsers: null, minSessions: 0 });
  });

  it('passes at the threshold and fails just below it', () => {
    const r = release({ crashFreeSessions: 99.5, crashFreeUsers: 98.99 });
    const pass = checkReleaseGate(r, { crashFreeSessions: 99.5, crashFreeUsers: null, minSessions: 30 });
    assert.equal(pass.outcome, 'pass');
    assert.deepEqual(pass.checks, [{ figure: 'crashFreeSessions', threshold: 99.5, value: 99.5, passed: true }]);
    const fail = checkReleaseGate(r, { crashFreeSessions: 99.5, crashFreeUsers: 99, minSessions: 30 });
    assert.equal(fail.outcome, 'fail');
    assert.equal(fail.reason, 'crash-free users 98.99% is below 99%');
    assert.equal(gateText(fail), 'Gate for "app" "app@1.0.0": FAIL: crash-free users 98.99% is below 99%.');
  });

  it('says insufficient-data below the minimum sample, even when the rate would fail', () => {
    const r = release({ totalSessions: 29, crashFreeSessions: 50 });
    const g = checkReleaseGate(r, { crashFreeSessions: 99, crashFreeUsers: null, minSessions: 30 });
    assert.equal(g.outcome, 'insufficient-data');
    assert.equal(g.reason, 'it has 29 sessions, fewer than the minimum of 30');
    assert.equal(checkReleaseGate(r, { crashFreeSessions: 99, crashFreeUsers: null, minSessions: 29 }).outcome, 'fail');
  });

  it('insufficient-data without health data, or when a checked rate has no denominator', () => {
    const none = checkReleaseGate(release({ hasHealthData: false, totalSessions: 0, crashFreeSessions: null }), { crashFreeSessions: 99, crashFreeUsers: null, minSessions: 0 });
    assert.equal(none.outcome, 'insufficient-data');
    assert.equal(none.reason, 'it has no sessions in the last 90 days');
    const noUsers = checkReleaseGate(release({ totalUsers: 0, crashFreeUsers: null }), { crashFreeSessions: 99, crashFreeUsers: 99, minSessions: 30 });
    assert.equal(noUsers.outcome, 'insufficient-data');
    assert.deepEqual(noUsers.checks.map((c) => c.passed), [true, null]);
  });

  it('reports the figures the verdict rests on', () => {
    const g = checkReleaseGate(release(), { crashFreeSessions: 99, crashFreeUsers: null, minSessions: 30 });
    assert.deepEqual(g.figures, {
      totalSessions: 1000, sessionsCrashed: 3, totalUsers: 200, usersCrashed: 2, crashFreeSessions: 99.7, crashFreeUsers: 99,
      crashFreeSessionsInterval: [99.4, 99.85], crashFreeUsersInterval: [96.4, 99.7], healthStatus: 'healthy',
    });
    assert.equal(g.minSessions, 30);
  });
});
