import { strict as assert } from 'assert';
import { formatCount, formatDelta, formatDuration, formatInterval, formatPercent, formatTime, NO_VALUE, rawValue, share } from '../../../src/webview/format';

describe('webview/format', () => {
  it('shows percentages with two decimals and null as a dash', () => {
    assert.equal(formatPercent(99.7345), '99.73%');
    assert.equal(formatPercent(100), '100.00%');
    assert.equal(formatPercent(-5), '-5.00%');
    assert.equal(formatPercent(null), NO_VALUE);
    assert.equal(NO_VALUE, '—');
  });

  it('shows counts with thousands separators', () => {
    assert.equal(formatCount(0), '0');
    assert.equal(formatCount(1234567), '1,234,567');
    assert.equal(formatCount(null), '—');
  });

  it('shows intervals and deltas', () => {
    assert.equal(formatInterval([99.6123, 99.8249]), '99.61–99.82%');
    assert.equal(formatInterval(null), '—');
    assert.equal(formatDelta(0.1234), '+0.12 pp');
    assert.equal(formatDelta(-1.5), '−1.50 pp');
    assert.equal(formatDelta(-0.001), '±0.00 pp');
    assert.equal(formatDelta(null), '—');
  });

  it('computes shares, null for an empty total', () => {
    assert.equal(share(1, 4), 25);
    assert.equal(share(3, 0), null);
  });

  it('shows durations and times', () => {
    assert.equal(formatDuration(0.85), '850 ms');
    assert.equal(formatDuration(42), '42.0 s');
    assert.equal(formatDuration(185), '3m 05s');
    assert.equal(formatDuration(3725), '1h 02m');
    assert.equal(formatDuration(null), '—');
    assert.equal(formatTime('2026-11-26T14:05:59.000Z'), '2026-11-26 14:05 UTC');
    assert.equal(formatTime('not a time'), '—');
    assert.equal(formatTime(null), '—');
  });

  it('gives raw values as full-precision JSON', () => {
    assert.equal(rawValue(99.19189511950182), '99.19189511950182');
    assert.equal(rawValue(null), 'null');
    assert.equal(rawValue(undefined), 'null');
    assert.equal(rawValue([1.5, 2]), '[1.5,2]');
    assert.equal(rawValue('a"b'), '"a\\"b"');
  });
});
