import { strict as assert } from 'assert';
import { wilsonCrashFree } from '../../../src/health/wilson';

const close = (a: number, b: number, eps = 1e-6) => assert.ok(Math.abs(a - b) < eps, `${a} !~ ${b}`);

describe('health/wilson', () => {
  it('gives the Wilson score interval in percent', () => {
    // n = 100, no crashes: low = n / (n + z^2).
    const z2 = 1.959963984540054 ** 2;
    const [lo, hi] = wilsonCrashFree(100, 0)!;
    close(lo, (100 / (100 + z2)) * 100);
    close(hi, 100);
    // n = 1000, 10 crashes: hand-computed.
    const n = 1000, p = 0.99, z = 1.959963984540054;
    const c = (p + z * z / (2 * n)) / (1 + z * z / n);
    const h = (z / (1 + z * z / n)) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
    const [lo2, hi2] = wilsonCrashFree(1000, 10)!;
    close(lo2, (c - h) * 100);
    close(hi2, (c + h) * 100);
    assert.ok(lo2 < 99 && 99 < hi2);
  });

  it('is null on no sessions or more crashes than sessions', () => {
    assert.equal(wilsonCrashFree(0, 0), null);
    assert.equal(wilsonCrashFree(3, 4), null);
  });
});
