import { strict as assert } from 'assert';
import { normalizeBaseUrl, readSettings, settingsImpact } from '../../../src/extension/settings';

const reader = (values: Record<string, unknown>) => ({ get: <T>(k: string) => values[k] as T | undefined });

describe('extension/settings', () => {
  it('defaults when nothing is set: not configured, sentry.io, 24h, the contract thresholds', () => {
    const s = readSettings(reader({}));
    assert.equal(s.source, null);
    assert.equal(s.sentry.url, 'https://sentry.io');
    assert.deepEqual(s.sentry.projects, []);
    assert.equal(s.summaryPeriod, '24h');
    assert.equal(s.healthStatsPeriod, '24h');
    assert.equal(s.stat, 'sessions');
    assert.equal(s.release, null);
    assert.deepEqual(s.thresholds, { target: 99.5, critical: 98, minimumSessions: 30 });
    assert.equal(s.refreshIntervalMinutes, 5);
    assert.equal(s.requestTimeoutSeconds, 30);
    assert.deepEqual(s.proxy, { url: null, strictSSL: true });
  });

  it('reads every key', () => {
    const s = readSettings(
      reader({
        source: 'sentry', 'sentry.url': 'https://sentry.example.com/', 'sentry.organization': ' acme ',
        'sentry.projects': ['web', 'web', ' ', 'mobile'], 'file.path': 'data/s.ndjson', environments: ['production'],
        summaryPeriod: '7d', healthStatsPeriod: '14d', stat: 'users', release: 'web@1.2.3',
        'thresholds.target': 99.9, 'thresholds.critical': 99, 'thresholds.minimumSessions': 100,
        refreshIntervalMinutes: 0, requestTimeoutSeconds: 10,
      }),
      reader({ proxy: 'http://proxy:3128', proxyStrictSSL: false }),
    );
    assert.equal(s.source, 'sentry');
    assert.equal(s.sentry.url, 'https://sentry.example.com');
    assert.equal(s.sentry.organization, 'acme');
    assert.deepEqual(s.sentry.projects, ['web', 'mobile']);
    assert.equal(s.filePath, 'data/s.ndjson');
    assert.deepEqual(s.environments, ['production']);
    assert.equal(s.summaryPeriod, '7d');
    assert.equal(s.healthStatsPeriod, '14d');
    assert.equal(s.stat, 'users');
    assert.equal(s.release, 'web@1.2.3');
    assert.deepEqual(s.thresholds, { target: 99.9, critical: 99, minimumSessions: 100 });
    assert.equal(s.refreshIntervalMinutes, 0);
    assert.equal(s.requestTimeoutSeconds, 10);
    assert.deepEqual(s.proxy, { url: 'http://proxy:3128', strictSSL: false });
  });

  it('falls back to defaults for values of the wrong kind', () => {
    const s = readSettings(
      reader({
        source: 'ftp', summaryPeriod: '3w', stat: 'bananas', 'thresholds.target': 'high', 'thresholds.critical': 140,
        'thresholds.minimumSessions': -5, refreshIntervalMinutes: -1, requestTimeoutSeconds: 0, environments: 'production',
      }),
    );
    assert.equal(s.source, null);
    assert.equal(s.summaryPeriod, '24h');
    assert.equal(s.stat, 'sessions');
    assert.deepEqual(s.thresholds, { target: 99.5, critical: 98, minimumSessions: 30 });
    assert.equal(s.refreshIntervalMinutes, 5);
    assert.equal(s.requestTimeoutSeconds, 30);
    assert.deepEqual(s.environments, []);
  });

  it('caps the critical threshold at the target, so warning stays reachable', () => {
    const s = readSettings(reader({ 'thresholds.target': 97, 'thresholds.critical': 98 }));
    assert.deepEqual([s.thresholds.target, s.thresholds.critical], [97, 97]);
  });

  it('normalizes base URLs', () => {
    assert.equal(normalizeBaseUrl(''), 'https://sentry.io');
    assert.equal(normalizeBaseUrl(' https://de.sentry.io/// '), 'https://de.sentry.io');
  });

  describe('settingsImpact', () => {
    const impactOf = (...changed: string[]) =>
      settingsImpact((section) => changed.some((c) => c === section || c.startsWith(`${section}.`)));

    it('data settings and proxy settings reload', () => {
      for (const key of ['releaseHealth.source', 'releaseHealth.summaryPeriod', 'releaseHealth.sentry.projects', 'releaseHealth.environments', 'http.proxy']) {
        assert.equal(impactOf(key).reload, true, key);
      }
    });

    it('thresholds recompute without a reload', () => {
      const i = impactOf('releaseHealth.thresholds.target');
      assert.deepEqual([i.reload, i.thresholds], [false, true]);
    });

    it('the tracked release and the interval touch only the status bar and polling', () => {
      assert.deepEqual(impactOf('releaseHealth.release'), { reload: false, thresholds: false, tracked: true, polling: false, source: false });
      assert.deepEqual(impactOf('releaseHealth.refreshIntervalMinutes'), { reload: false, thresholds: false, tracked: false, polling: true, source: false });
    });

    it('unrelated settings change nothing', () => {
      assert.deepEqual(impactOf('editor.fontSize'), { reload: false, thresholds: false, tracked: false, polling: false, source: false });
    });
  });
});
