import { strict as assert } from 'assert';
import { compareCrashFree, compareReleases } from '../../../src/health/compareReleases';

const Z = 1.959963984540054;
const Z2 = Z * Z;
const close = (a: number | null, b: number, eps = 1e-9) => assert.ok(a !== null && Math.abs(a - b) <= eps * Math.max(1, Math.abs(b)), `${a} !~ ${b}`);

describe('health/compareReleases', () => {
  it('99 % (1000 sessions, 10 crashed) against 97 % (1000, 30): worse, hand-computed', () => {
    const r = compareCrashFree({ total: 1000, crashed: 10 }, { total: 1000, crashed: 30 }, 30);
    close(r.base, 99);
    close(r.candidate, 97);
    close(r.difference, -2);
    // Wilson bounds: B (0.9817..., 0.9945...), C (0.9569..., 0.9790...); Newcombe:
    // low = d − sqrt((p_C − l_C)² + (u_B − p_B)²), high = d + sqrt((u_C − p_C)² + (p_B − l_B)²).
    close(r.differenceInterval![0], -3.330872215398775);
    close(r.differenceInterval![1], -0.7819328386507753);
    // Pooled p̂ = 1960 / 2000 = 0.98; se = sqrt(0.98 · 0.02 · 2/1000) = 0.0062610; z = −3.1944.
    close(r.pValue, 0.0014013015809602077, 1e-12);
    assert.equal(r.verdict, 'worse');
  });

  it('is symmetric: swapping base and candidate mirrors the interval and says better', () => {
    const r = compareCrashFree({ total: 1000, crashed: 30 }, { total: 1000, crashed: 10 }, 30);
    close(r.difference, 2);
    close(r.differenceInterval![0], 0.7819328386507753);
    close(r.differenceInterval![1], 3.330872215398775);
    close(r.pValue, 0.0014013015809602077, 1e-12);
    assert.equal(r.verdict, 'better');
  });

  it('100 % against 100 %: zero difference, interval from the Wilson lower bounds, p = 1, inconclusive', () => {
    const r = compareCrashFree({ total: 200, crashed: 0 }, { total: 100, crashed: 0 }, 30);
    close(r.base, 100);
    close(r.candidate, 100);
    assert.equal(r.difference, 0);
    // p = 1: l = n / (n + z²), u = 1. low = −(1 − l_C) = −z²/(100 + z²); high = 1 − l_B = z²/(200 + z²).
    close(r.differenceInterval![0], (-Z2 / (100 + Z2)) * 100);
    close(r.differenceInterval![1], (Z2 / (200 + Z2)) * 100);
    close(r.differenceInterval![0], -3.699349820698572);
    assert.equal(r.pValue, 1); // pooled p̂ = 1, se = 0
    assert.equal(r.verdict, 'inconclusive');
  });

  it('n = 0: that side and every difference figure null, insufficient-data', () => {
    const r = compareCrashFree({ total: 0, crashed: 0 }, { total: 500, crashed: 5 }, 30);
    assert.equal(r.base, null);
    close(r.candidate, 99);
    assert.equal(r.difference, null);
    assert.equal(r.differenceInterval, null);
    assert.equal(r.pValue, null);
    assert.equal(r.verdict, 'insufficient-data');
    // Even with no minimum sample, nothing to compare is not a verdict.
    const none = compareCrashFree({ total: 0, crashed: 3 }, { total: 0, crashed: 0 }, 0);
    assert.deepEqual(none, { base: null, candidate: null, difference: null, differenceInterval: null, pValue: null, verdict: 'insufficient-data' });
  });

  it('clamps crashes above n: x = max(0, n − crashed)', () => {
    const r = compareCrashFree({ total: 50, crashed: 60 }, { total: 40, crashed: 1 }, 30);
    assert.equal(r.base, 0); // not −20 %, as the crash-free figure itself would read
    close(r.candidate, 97.5);
    close(r.difference, 97.5);
    close(r.differenceInterval![0], 84.90326944891144);
    close(r.differenceInterval![1], 99.55731684973186);
    close(r.pValue, 1.772792438686937e-20, 1e-9);
    assert.equal(r.verdict, 'better');
  });

  it('tiny samples: figures computed, verdict insufficient-data below the minimum, inconclusive without one', () => {
    const r = compareCrashFree({ total: 5, crashed: 1 }, { total: 4, crashed: 0 }, 30);
    close(r.base, 80);
    close(r.candidate, 100);
    close(r.difference, 20);
    close(r.differenceInterval![0], -31.65419385058943);
    close(r.differenceInterval![1], 62.446537023747474);
    close(r.pValue, 0.3427817111479116, 1e-12);
    assert.equal(r.verdict, 'insufficient-data');
    assert.equal(compareCrashFree({ total: 5, crashed: 1 }, { total: 4, crashed: 0 }, 0).verdict, 'inconclusive');
    // Exactly at the minimum is enough.
    assert.equal(compareCrashFree({ total: 30, crashed: 0 }, { total: 29, crashed: 0 }, 30).verdict, 'insufficient-data');
    assert.equal(compareCrashFree({ total: 30, crashed: 0 }, { total: 30, crashed: 0 }, 30).verdict, 'inconclusive');
  });

  it('a small but real drop on large samples: worse, p-value far in the tail stays accurate', () => {
    const r = compareCrashFree({ total: 100000, crashed: 50 }, { total: 100000, crashed: 500 }, 30);
    close(r.differenceInterval![0], -0.49722650051674744, 1e-9);
    close(r.differenceInterval![1], -0.40522400619614257, 1e-9);
    close(r.pValue, 2.799036743905089e-82, 1e-9);
    assert.equal(r.verdict, 'worse');
    const near = compareCrashFree({ total: 10000, crashed: 80 }, { total: 12000, crashed: 130 }, 30);
    close(near.differenceInterval![1], -0.02490077092098448);
    close(near.pValue, 0.0313898988489664, 1e-12);
    assert.equal(near.verdict, 'worse');
  });

  it('compares sessions and users, each block against the minimum with its own n', () => {
    const r = compareReleases(
      { totalSessions: 1000, sessionsCrashed: 10, totalUsers: 20, usersCrashed: 1 },
      { totalSessions: 1000, sessionsCrashed: 30, totalUsers: 400, usersCrashed: 4 },
      { minimumSessions: 30 },
    );
    assert.equal(r.crashFreeSessions.verdict, 'worse');
    assert.equal(r.crashFreeUsers.verdict, 'insufficient-data');
    close(r.crashFreeUsers.base, 95);
    close(r.crashFreeUsers.candidate, 99);
  });
});
