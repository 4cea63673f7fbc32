import { strict as assert } from 'assert';
import { seriesBuckets, windowOf } from '../../../src/health/windows';
import { STATS_PERIODS } from '../../../src/health/types';

const t = (s: string) => Date.parse(s) / 1000;

describe('health/windows', () => {
  it('starts a window at the first whole bucket after now - P', () => {
    const now = t('2026-11-26T12:30:00Z');
    assert.equal(windowOf('24h', now).start, t('2026-11-25T13:00:00Z'));
    assert.equal(windowOf('1h', now).start, t('2026-11-26T12:00:00Z'));
    assert.equal(windowOf('48h', now).start, t('2026-11-24T13:00:00Z'));
    assert.equal(windowOf('7d', now).start, t('2026-11-20T00:00:00Z'));
    assert.equal(windowOf('90d', now).start, t('2026-08-29T00:00:00Z'));
    assert.equal(windowOf('24h', now).end, now);
  });

  it('on an aligned now, the bucket at exactly now - P is outside', () => {
    const now = t('2026-11-26T12:00:00Z');
    assert.equal(windowOf('24h', now).start, t('2026-11-25T13:00:00Z'));
    assert.equal(windowOf('7d', t('2026-11-26T00:00:00Z')).start, t('2026-11-20T00:00:00Z'));
  });

  it("matches Sentry's _make_stats example (now 2024-05-10T13:20Z, 24h)", () => {
    const b = seriesBuckets('24h', t('2024-05-10T13:20:00Z'));
    assert.equal(b.length, 24);
    assert.equal(b[0], t('2024-05-09T14:00:00Z'));
    assert.equal(b[23], t('2024-05-10T13:00:00Z'));
  });

  it('has the bucket table of the contract for every period', () => {
    const now = t('2026-11-26T12:30:00Z');
    const expected: Record<string, [number, number]> = {
      '1h': [1, 3600], '24h': [24, 3600], '1d': [24, 3600], '48h': [48, 3600], '2d': [48, 3600],
      '7d': [7, 86400], '14d': [14, 86400], '30d': [30, 86400], '90d': [90, 86400],
    };
    for (const p of STATS_PERIODS) {
      const b = seriesBuckets(p, now);
      const [count, g] = expected[p];
      assert.equal(b.length, count, p);
      assert.equal(b[0], windowOf(p, now).start, p);
      for (let i = 1; i < b.length; i++) assert.equal(b[i] - b[i - 1], g, p);
      assert.ok(b[b.length - 1] <= now && b[b.length - 1] + g > now, `${p}: last bucket holds now`);
    }
  });
});
