import { strict as assert } from 'assert';
import { DEFAULT_THRESHOLDS } from '../../../src/health/types';
import { statusBarView } from '../../../src/extension/statusBar/statusBarText';
import { chooseTrackedRelease } from '../../../src/extension/statusBar/trackedRelease';
import type { StoreState } from '../../../src/extension/store/storeTypes';
import { release, scope, snapshot } from './releaseFixtures';

describe('extension/statusBar: the tracked release', () => {
  const releases = [
    release({ project: 'web', release: 'web@2', firstSeen: '2026-11-25T00:00:00Z' }),
    release({ project: 'app', release: 'app@1', firstSeen: '2026-11-01T00:00:00Z' }),
    release({ project: 'app', release: 'app@3', hasHealthData: false, firstSeen: '2026-11-26T00:00:00Z' }),
    release({ project: 'app', release: 'app@2', firstSeen: '2026-11-20T00:00:00Z' }),
  ];

  it('by default: the newest release with health data of the first project', () => {
    const t = chooseTrackedRelease(releases, null);
    assert.deepEqual(t.kind === 'release' && [t.release.release, t.pinned], ['app@2', false]);
  });

  it('the first project follows the configured order', () => {
    const t = chooseTrackedRelease(releases, null, ['web']);
    assert.equal(t.kind === 'release' && t.release.release, 'web@2');
  });

  it('a pinned release wins; a pinned release not in the data says so', () => {
    const t = chooseTrackedRelease(releases, 'app@1');
    assert.deepEqual(t.kind === 'release' && [t.release.release, t.pinned], ['app@1', true]);
    assert.deepEqual(chooseTrackedRelease(releases, 'nope'), { kind: 'missing', version: 'nope' });
  });

  it('nothing with health data: none', () => {
    assert.deepEqual(chooseTrackedRelease([release({ hasHealthData: false })], null), { kind: 'none' });
  });
});

describe('extension/statusBar: what the item shows', () => {
  const ready = (r = release()): StoreState => ({ status: 'ready', snapshot: snapshot([r]) });
  const tracked = (r = release()) => ({ kind: 'release' as const, release: r, pinned: false });

  it('hidden while unconfigured', () => {
    assert.equal(statusBarView({ status: 'unconfigured' }, { kind: 'none' }, DEFAULT_THRESHOLDS).visible, false);
  });

  it('`$(pulse) <release>: 40 errored · 99.70% crash-free`, a click opens that release; the tooltip says the scope', () => {
    const v = statusBarView(ready(), tracked(), DEFAULT_THRESHOLDS);
    assert.equal(v.text, '$(pulse) app@1.0.0: 40 errored · 99.70% crash-free');
    assert.match(v.tooltip, /last 24 hours · All environments/);
    const staging = statusBarView({ status: 'ready', snapshot: snapshot([release()], { scope: scope({ environments: ['staging'] }) }) }, tracked(), DEFAULT_THRESHOLDS);
    assert.match(staging.tooltip, /last 24 hours · staging/);
    assert.equal(v.accessibilityLabel, 'app@1.0.0: 40 errored · 99.70% crash-free, health: healthy');
    assert.equal(statusBarView(ready(release({ healthStatus: 'insufficient-data' })), tracked(release({ healthStatus: 'insufficient-data' })), DEFAULT_THRESHOLDS).accessibilityLabel, 'app@1.0.0: 40 errored · 99.70% crash-free, health: insufficient data');
    assert.equal(v.background, null);
    assert.deepEqual(v.command, {
      command: 'releaseHealth.showReleaseHealth', title: 'Show Release Health',
      arguments: [{ source: 'demo', project: 'app', release: 'app@1.0.0' }],
    });
    assert.match(v.tooltip, /\| Errored \\\(handled\\\) \| 40 \| 4\\\.00% \|/);
  });

  it('text, icon and colour tell one thing: the crash-free rate and the status judged on it; never the error background', () => {
    const view = (r: ReturnType<typeof release>) => statusBarView(ready(r), tracked(r), DEFAULT_THRESHOLDS);
    const w = view(release({ healthStatus: 'warning', crashFreeSessions: 99.1, sessionsErrored: 0 }));
    const c = view(release({ healthStatus: 'critical', crashFreeSessions: 97.1, sessionsErrored: 0 }));
    const i = view(release({ healthStatus: 'insufficient-data', totalSessions: 3 }));
    assert.deepEqual([w.text, w.background], ['$(warning) app@1.0.0: 0 errored · 99.10% crash-free', null]);
    assert.deepEqual([c.text, c.background], ['$(error) app@1.0.0: 0 errored · 97.10% crash-free', 'warning']);
    assert.deepEqual([i.text, i.background], ['$(pulse) app@1.0.0: 40 errored · 99.70% crash-free', null]);
    assert.match(c.tooltip, /Critical/);
  });

  it('stale figures (server down, file gone): kept, marked, and a click runs the fix', () => {
    const error = { message: 'Could not reach 127.0.0.1:9000', fixCommand: 'releaseHealth.refresh', fixTitle: 'Refresh' };
    const v = statusBarView({ status: 'error', error, previous: snapshot([release()], { updatedAt: '2026-11-26T14:05:00Z' }) }, tracked(), DEFAULT_THRESHOLDS);
    assert.equal(v.text, '$(history) app@1.0.0: 40 errored · 99.70% crash-free');
    assert.match(v.tooltip.replace(/\\(.)/g, '$1'), /^\*\*Not updated: figures of 2026-11-26 14:05 UTC\*\*/);
    assert.match(v.tooltip, /Could not reach/);
    assert.deepEqual(v.command, { command: 'releaseHealth.refresh', title: 'Refresh' });
    assert.equal(v.background, null);
  });

  it('a release named `$(x)` is not an icon', () => {
    const r = release({ release: '$(x)' });
    assert.equal(statusBarView(ready(r), tracked(r), DEFAULT_THRESHOLDS).text, '$(pulse) \\$(x): 40 errored · 99.70% crash-free');
  });

  it('spins while loading; keeps the figures while reloading', () => {
    assert.equal(statusBarView({ status: 'loading', previous: null }, { kind: 'none' }, DEFAULT_THRESHOLDS).text, '$(sync~spin) Release Health');
    assert.equal(
      statusBarView({ status: 'loading', previous: snapshot([release()]) }, tracked(), DEFAULT_THRESHOLDS).text,
      '$(sync~spin) app@1.0.0: 40 errored · 99.70% crash-free',
    );
  });

  it('on an error: brief text, the click runs the fix', () => {
    const v = statusBarView(
      { status: 'error', error: { message: 'sentry.io rejected the auth token', fixCommand: 'releaseHealth.connect', fixTitle: 'Connect to Sentry…' }, previous: null },
      { kind: 'none' },
      DEFAULT_THRESHOLDS,
    );
    assert.equal(v.text, '$(warning) Release Health');
    assert.equal(v.command?.command, 'releaseHealth.connect');
    assert.match(v.tooltip, /rejected the auth token/);
  });
});
