import { strict as assert } from 'assert';
import { DEFAULT_THRESHOLDS, type HealthStatus } from '../../../src/health/types';
import { healthStatusLabel, healthStatusAccessible, healthStatusWord } from '../../../src/present/healthStatus';
import { escapeIcons, escapeMarkdown } from '../../../src/present/markdown';
import { printable } from '../../../src/present/printable';
import { releaseDescription, releaseFigures } from '../../../src/present/releaseFigures';
import { releaseTooltipMarkdown, statusSummaryMarkdown } from '../../../src/present/releaseTooltip';
import { statusSummaryRows } from '../../../src/present/statusRows';
import { release } from '../extension/releaseFixtures';

const SCOPE = { scopeLabel: 'Demo data', summaryPeriod: '24h', thresholds: DEFAULT_THRESHOLDS } as const;
const NOW = Date.parse('2026-11-23T00:00:00Z');

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('present: release figures, status words, tooltips', () => {
  it('health status: a label, a word, an accessible form; never the enum value', () => {
    for (const s of ['healthy', 'warning', 'critical', 'insufficient-data'] as HealthStatus[]) {
      for (const text of [healthStatusLabel(s), healthStatusWord(s), healthStatusAccessible(s)]) assert.ok(!text.includes('-'), text);
    }
    assert.equal(healthStatusLabel('insufficient-data'), 'Insufficient data');
    assert.equal(healthStatusWord('insufficient-data'), 'insufficient data');
    assert.equal(healthStatusAccessible('critical'), 'health: critical');
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
    assert.equal(full.find((f) => f.key === 'duration')!.value, 'p50 1m 05s · p90 10m 00s');
    assert.equal(full.find((f) => f.key === 'errored')!.label, 'Errored (handled)');
    assert.deepEqual(full.filter((f) => f.key.startsWith('anomaly')).map((f) => f.value), ['More crashed sessions than started sessions.']);
  });

  it('status summary rows: count and share of sessions and users', () => {
    assert.deepEqual(statusSummaryRows(release()).map((r) => [r.label, r.sessions, r.sessionsShare, r.users, r.usersShare]), [
      ['Healthy', 950, '95.00%', 180, '90.00%'], ['Errored (handled)', 40, '4.00%', 15, '7.50%'], ['Unhandled', 5, '0.50%', 2, '1.00%'],
      ['Crashed', 3, '0.30%', 2, '1.00%'], ['Abnormal', 2, '0.20%', 1, '0.50%'],
    ]);
    assert.deepEqual(statusSummaryRows(release({ totalSessions: 0, totalUsers: 0 })).map((r) => r.sessionsShare), ['—', '—', '—', '—', '—']);
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

    it('invisible characters are shown, so two releases that differ only by one never look alike', () => {
      assert.equal(printable('1.0\u200b'), '1.0\\u200b');
      assert.equal(printable('\ufeff1.0\u00ad\u2060'), '\\ufeff1.0\\u00ad\\u2060');
      assert.notEqual(printable('1.0'), printable('1.0\u200b'));
    });

    it('tooltips escape the release and project names', () => {
      const r = release({ release: HOSTILE, project: '*proj*' });
      for (const md of [
        releaseTooltipMarkdown(r, SCOPE, NOW),
        statusSummaryMarkdown(r, SCOPE),
      ]) {
        assert.ok(md.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'), md);
        assert.ok(md.includes('\\*proj\\*'), md);
      }
    });
  });

  it('the tooltip has a row per figure and the health status', () => {
    const md = releaseTooltipMarkdown(release({ healthStatus: 'warning', crashFreeSessions: 99.2 }), SCOPE, NOW);
    assert.match(md, /Warning \\\(crash\\-free sessions below the 99\\\.5% target\\\) · last 24 hours/);
    // First seen in words and in UTC, never as raw ISO.
    assert.ok(md.includes('First seen 3 days ago \\(2026\\-11\\-20 00\\:00 UTC\\)'), md);
    assert.ok(!md.includes('2026\\-11\\-20T'), md);
    for (const label of ['Sessions', 'Users', 'Crash\\-free sessions', 'Crash\\-free users', 'Errored \\(handled\\)', 'Unhandled', 'Crashed', 'Abnormal', 'Healthy', 'Adoption \\(24 h\\)']) {
      assert.ok(md.includes(`| ${label} |`), label);
    }
  });
});
