import { strict as assert } from 'assert';
import {
  countOf, formatCount, formatDelta, formatDuration, formatInterval, formatPercent, formatShare, NO_VALUE, sessionsCount, usersCount, sessionsAndUsers, share,
} from '../../../src/present/numbers';
import { formatAge, formatTime, formatTimeWithAge } from '../../../src/present/time';
import { rawValue } from '../../../src/webview/figure';

describe('present/numbers and time', () => {
  it('shows percentages with two decimals and no value as one mark', () => {
    assert.equal(formatPercent(99.7345), '99.73%');
    assert.equal(formatPercent(100), '100.00%');
    assert.equal(formatPercent(-5), '-5.00%');
    assert.equal(formatPercent(-0.001), '0.00%');
    assert.equal(formatPercent(null), NO_VALUE);
    assert.equal(formatPercent(Number.NaN), NO_VALUE);
    assert.equal(NO_VALUE, '—');
  });

  it('shows counts with thousands separators, and nouns in the right number', () => {
    assert.equal(formatCount(0), '0');
    assert.equal(formatCount(1234567), '1,234,567');
    assert.equal(formatCount(null), '—');
    const releases = (n: number) => countOf(n, (c) => `${c} release`, (c) => `${c} releases`);
    assert.equal(releases(1), '1 release');
    assert.equal(releases(0), '0 releases');
    assert.equal(releases(1234), '1,234 releases');
    assert.equal(sessionsCount(1), '1 session');
    assert.equal(usersCount(2), '2 users');
    assert.equal(sessionsAndUsers(1, 1), '1 session · 1 user');
    assert.equal(sessionsAndUsers(12, 4), '12 sessions · 4 users');
  });

  it('shows intervals and deltas', () => {
    assert.equal(formatInterval([99.6123, 99.8249]), '99.61–99.82%');
    assert.equal(formatInterval(null), '—');
    assert.equal(formatDelta(0.1234), '+0.12 pp');
    assert.equal(formatDelta(-1.5), '−1.50 pp');
    assert.equal(formatDelta(-0.001), '±0.00 pp');
    assert.equal(formatDelta(null), '—');
  });

  it('computes shares (a number), spelled as a percentage; no value for an empty total', () => {
    assert.equal(share(1, 4), 25);
    assert.equal(share(3, 0), null);
    assert.equal(formatShare(1, 4), '25.00%');
    assert.equal(formatShare(3, 0), '—');
  });

  it('shows durations one way', () => {
    assert.equal(formatDuration(0.85), '850 ms');
    assert.equal(formatDuration(42), '42.0 s');
    assert.equal(formatDuration(59.96), '1m 00s');
    assert.equal(formatDuration(185), '3m 05s');
    assert.equal(formatDuration(3725), '1h 02m');
    assert.equal(formatDuration(null), '—');
  });

  it('shows times in UTC and how long ago, never raw ISO', () => {
    const now = Date.parse('2026-11-30T16:00:00Z');
    assert.equal(formatTime('2026-11-26T14:05:59.000Z'), '2026-11-26 14:05 UTC');
    assert.equal(formatTime('not a time'), '—');
    assert.equal(formatTime(null), '—');
    assert.equal(formatAge('2026-11-30T15:59:30Z', now), 'just now');
    assert.equal(formatAge('2026-11-30T15:55:00Z', now), '5 min ago');
    assert.equal(formatAge('2026-11-30T14:00:00Z', now), '2 h ago');
    assert.equal(formatAge('2026-11-28T15:00:00Z', now), '2 days ago');
    assert.equal(formatAge('2026-11-30T16:03:00Z', now), 'in 3 min');
    assert.equal(formatTimeWithAge('2026-11-30T14:00:00Z', now), '2 h ago (2026-11-30 14:00 UTC)');
    assert.equal(formatTimeWithAge(null, now), '—');
  });

  it('gives raw values as full-precision JSON', () => {
    assert.equal(rawValue(99.19189511950182), '99.19189511950182');
    assert.equal(rawValue(null), 'null');
    assert.equal(rawValue(undefined), 'null');
    assert.equal(rawValue([1.5, 2]), '[1.5,2]');
    assert.equal(rawValue('a"b'), '"a\\"b"');
  });
});
