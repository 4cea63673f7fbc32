import { strict as assert } from 'assert';
import { escapeIcons, escapeMarkdown, printable } from '../../../src/extension/format/escape';
import { formatCount, formatDelta, formatDuration, formatPercent } from '../../../src/extension/format/numbers';
import { releaseDescription, releaseFigures, statusSummaryRows } from '../../../src/extension/format/releaseFigures';
import { releaseTooltipMarkdown, statusSummaryMarkdown } from '../../../src/extension/format/releaseTooltip';
import { DEFAULT_THRESHOLDS } from '../../../src/health/types';
import { release } from './releaseFixtures';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('extension/format', () => {
  it('numbers: two decimals like the CLI, grouped counts, signed deltas, durations', () => {
    assert.equal(formatPercent(99.7312), '99.73%');
    assert.equal(formatPercent(null), '—');
    assert.equal(formatCount(1234567), '1,234,567');
    assert.equal(formatDelta(0.123), '+0.12 pp');
    assert.equal(formatDelta(-1.5), '−1.50 pp');
    assert.equal(formatDelta(0.001), '±0.00 pp');
    assert.equal(formatDuration(42), '42s');
    assert.equal(formatDuration(125), '2m 5s');
    assert.equal(formatDuration(3 * 3600 + 120), '3h 2m');
  });

  it('release description: `99.73% crash-free`, short enough for the default side bar width', () => {
    assert.equal(releaseDescription(release({ crashFreeSessions: 99.7312, sessionsErrored: 12 })), '99.73% crash-free');
    assert.equal(releaseDescription(release({ crashFreeSessions: null, sessionsErrored: 0 })), 'no sessions');
    // Beside the longest demo release name, within the ~32 characters a 300 px side bar shows at its indent.
    assert.ok(`mobile-app@2.4.1 ${releaseDescription(release({ crashFreeSessions: 97.1 }))}`.length <= 34);
    assert.equal(releaseDescription(release({ hasHealthData: false })), 'no health data (90 days)');
  });

  it('figures: every figure in order; durations only when known; change with the regression mark; notes', () => {
    const plain = releaseFigures(release());
    assert.deepEqual(plain.map((f) => f.key), [
      'sessions', 'users', 'crashFreeSessions', 'crashFreeUsers', 'errored', 'unhandled', 'crashed', 'abnormal', 'healthy', 'adoption',
    ]);
    assert.equal(plain.find((f) => f.key === 'crashFreeSessions')!.value, '99.70% (99.40–99.85%)');
    assert.equal(plain.find((f) => f.key === 'errored')!.value, '40 sessions · 15 users (4.00%)');
    assert.equal(plain.find((f) => f.key === 'adoption')!.value, '66.67% of users · 50.00% of sessions');

    const full = releaseFigures(
      release({
        durationP50: 65, durationP90: 600, previousRelease: 'app@0.9.0', crashFreeSessionsDelta: -1.25, regression: true,
        anomalies: ['More crashed sessions than started sessions.'],
      }),
    );
    const change = full.find((f) => f.key === 'change')!;
    assert.equal(change.label, 'Change vs app@0.9.0');
    assert.equal(change.value, '−1.25 pp crash-free sessions · regression');
    assert.equal(change.alarming, true);
    assert.equal(full.find((f) => f.key === 'duration')!.value, 'p50 1m 5s · p90 10m 0s');
    assert.deepEqual(full.filter((f) => f.key.startsWith('anomaly')).map((f) => f.value), ['More crashed sessions than started sessions.']);
  });

  it('status summary rows: count and share of sessions', () => {
    assert.deepEqual(statusSummaryRows(release()).map((r) => [r.status, r.count, r.share]), [
      ['Healthy', 950, '95.00%'], ['Errored', 40, '4.00%'], ['Unhandled', 5, '0.50%'], ['Crashed', 3, '0.30%'], ['Abnormal', 2, '0.20%'],
    ]);
  });

  describe('escaping release names', () => {
    it('Markdown: no HTML, no links, no emphasis, no icons survive', () => {
      const md = escapeMarkdown(`${HOSTILE} [x](command:evil) *b* $(zap) a|b`);
      assert.ok(!/(^|[^\\])</.test(md), md);
      assert.ok(!/(^|[^\\])\[/.test(md), md);
      assert.ok(!/(^|[^\\])\*/.test(md), md);
      assert.ok(!/(^|[^\\])\$/.test(md), md);
      assert.ok(!/(^|[^\\])\|/.test(md), md);
    });

    it('icons: `$(x)` shows as text in the status bar', () => {
      assert.equal(escapeIcons('$(x) v1'), '\\$(x) v1');
      assert.equal(escapeIcons('cost$5 (beta)'), 'cost$5 (beta)');
    });

    it('control characters become visible escapes', () => {
      assert.equal(printable('a\nb\u0007'), 'a\\u000ab\\u0007');
    });

    it('tooltips escape the release and project names', () => {
      const r = release({ release: HOSTILE, project: '*proj*' });
      for (const md of [
        releaseTooltipMarkdown(r, 'Demo data', '24h', DEFAULT_THRESHOLDS),
        statusSummaryMarkdown(r, 'Demo data', '24h', DEFAULT_THRESHOLDS),
      ]) {
        assert.ok(md.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'), md);
        assert.ok(md.includes('\\*proj\\*'), md);
      }
    });
  });

  it('the tooltip has a row per figure and the health status', () => {
    const md = releaseTooltipMarkdown(release({ healthStatus: 'warning', crashFreeSessions: 99.2 }), 'Demo data', '24h', DEFAULT_THRESHOLDS);
    assert.match(md, /Warning \\\(crash\\-free sessions below the 99\\\.5% target\\\)/);
    for (const label of ['Sessions', 'Users', 'Crash\\-free sessions', 'Crash\\-free users', 'Errored', 'Unhandled', 'Crashed', 'Abnormal', 'Healthy', 'Adoption \\(24 h\\)']) {
      assert.ok(md.includes(`| ${label} |`), label);
    }
  });
});
