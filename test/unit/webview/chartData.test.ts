import { strict as assert } from 'assert';
import { seriesSummary, timeSeriesOf, utcTickLabel } from '../../../src/webview/chartData';
import { sampleRelease } from './sampleRelease';

describe('webview/chartData', () => {
  it('takes the series of the health-stats period', () => {
    const s = timeSeriesOf(sampleRelease(), '24h', 'sessions')!;
    assert.equal(s.xs.length, 24);
    assert.equal(s.bucket, 'hour');
    assert.equal(s.ys[3], 30);
    assert.equal(seriesSummary(s), 'Sessions per hour, last 24 hours: 2,760 in total, peak 230 in one hour, 24 hours.');
  });

  it('does not add up distinct users across buckets', () => {
    const s = timeSeriesOf(sampleRelease({ stats: { '7d': [[0, 5], [86400, 7]] } }), '7d', 'users')!;
    assert.equal(s.bucket, 'day');
    assert.equal(seriesSummary(s), 'Users per day, last 7 days: peak 7 in one day, 2 days.');
  });

  it('has nothing to draw without points', () => {
    assert.equal(timeSeriesOf(sampleRelease({ stats: {} }), '24h', 'sessions'), null);
  });

  it('labels ticks in UTC', () => {
    const t = Date.UTC(2026, 10, 26, 0, 0) / 1000;
    assert.equal(utcTickLabel(t, 'hour', false), '00:00\nNov 26');
    assert.equal(utcTickLabel(t + 3 * 3600, 'hour', false), '03:00');
    assert.equal(utcTickLabel(t + 3 * 3600, 'hour', true), '03:00\nNov 26');
    assert.equal(utcTickLabel(t, 'day', false), 'Nov 26');
  });
});
