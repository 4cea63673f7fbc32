import { strict as assert } from 'assert';
import { buildPanelModel, type PanelStoreView } from '../../../../src/extension/panel/panelModel';
import { sentryReleaseUrl } from '../../../../src/present/sentryLinks';
import type { ReleaseKey, StoreSnapshot, StoreState } from '../../../../src/extension/store/storeTypes';
import type { ReleaseHealth } from '../../../../src/health/types';
import { sampleRelease } from '../../webview/sampleRelease';

const KEY: ReleaseKey = { source: 'sentry', project: 'mobile-app', release: 'mobile-app@2.5.0' };

function snapshot(kind: 'sentry' | 'demo', releases: ReleaseHealth[]): StoreSnapshot {
  return {
    scope: { kind, label: kind === 'sentry' ? 'sentry.io / acme' : 'Demo data', organization: kind === 'sentry' ? 'acme' : null, sentryUrl: kind === 'sentry' ? 'https://sentry.io/' : null, environments: ['production'], summaryPeriod: '24h', healthPeriod: '7d' },
    overview: { now: '2026-11-26T12:00:00.000Z', summaryPeriod: '24h', healthPeriod: '7d', stat: 'users', releases },
    skipped: null,
    updatedAt: '2026-11-26T11:59:00.000Z',
  };
}

function storeWith(state: StoreState): PanelStoreView {
  const snap = state.status === 'ready' ? state.snapshot : state.status === 'unconfigured' ? null : state.previous;
  return {
    state,
    snapshot: snap,
    findRelease: (k) => (snap && snap.scope.kind === k.source ? snap.overview.releases.find((r) => r.project === k.project && r.release === k.release) : undefined),
  };
}

describe('extension/panel/panelModel', () => {
  const release = sampleRelease();

  it('maps a ready store to the release figures, scope and Sentry links', () => {
    const m = buildPanelModel(KEY, storeWith({ status: 'ready', snapshot: snapshot('sentry', [release]) }));
    assert.equal(m.phase, 'ready');
    assert.equal(m.health, release);
    assert.deepEqual(m.scope, {
      sourceKind: 'sentry', sourceLabel: 'sentry.io / acme', organization: 'acme', project: 'mobile-app', environments: ['production'],
      summaryPeriod: '24h', healthPeriod: '7d', stat: 'users', updatedAt: '2026-11-26T11:59:00.000Z',
    });
    assert.equal(m.links.openInSentry, 'https://sentry.io/organizations/acme/releases/mobile-app%402.5.0/');
    assert.equal(m.links.previousReleaseInSentry, 'https://sentry.io/organizations/acme/releases/mobile-app%402.4.1/');
  });

  it('scopes Sentry links to the project when its id is known, as "Open in Sentry" does', () => {
    const snap = snapshot('sentry', [release]);
    snap.scope.projectIds = { 'mobile-app': '42' };
    const m = buildPanelModel(KEY, storeWith({ status: 'ready', snapshot: snap }));
    assert.equal(m.links.openInSentry, 'https://sentry.io/organizations/acme/releases/mobile-app%402.5.0/?project=42');
    assert.equal(m.links.previousReleaseInSentry, 'https://sentry.io/organizations/acme/releases/mobile-app%402.4.1/?project=42');
  });

  it('is loading with no figures until the store has data (a restored panel)', () => {
    const m = buildPanelModel(KEY, storeWith({ status: 'loading', previous: null }));
    assert.equal(m.phase, 'loading');
    assert.equal(m.health, null);
    assert.equal(m.scope, null);
  });

  it('keeps the previous figures while refreshing and after an error', () => {
    const snap = snapshot('sentry', [release]);
    assert.equal(buildPanelModel(KEY, storeWith({ status: 'loading', previous: snap })).health, release);
    const m = buildPanelModel(KEY, storeWith({ status: 'error', error: { message: 'Bad token', fixCommand: 'releaseHealth.connect', fixTitle: 'Sign in again' }, previous: snap }));
    assert.equal(m.phase, 'error');
    assert.deepEqual(m.error, { message: 'Bad token', fixTitle: 'Sign in again' });
    assert.equal(m.health, release);
  });

  it('shows nothing of another source, and no Sentry links for demo data', () => {
    const other = buildPanelModel(KEY, storeWith({ status: 'ready', snapshot: snapshot('demo', [release]) }));
    assert.equal(other.health, null);
    assert.equal(other.scope, null);
    const demo = buildPanelModel({ ...KEY, source: 'demo' }, storeWith({ status: 'ready', snapshot: snapshot('demo', [release]) }));
    assert.equal(demo.health, release);
    assert.deepEqual(demo.links, { openInSentry: null, previousReleaseInSentry: null });
  });

  it('is unconfigured without a source', () => {
    assert.equal(buildPanelModel(KEY, storeWith({ status: 'unconfigured' })).phase, 'unconfigured');
  });

  it('builds Sentry release links only on web URLs', () => {
    assert.equal(sentryReleaseUrl('https://sentry.example.com/sub///', 'a b', '1.0+build/x'), 'https://sentry.example.com/sub/organizations/a%20b/releases/1.0%2Bbuild%2Fx/');
    assert.equal(sentryReleaseUrl('javascript:alert(1)', 'a', 'r'), null);
    assert.equal(sentryReleaseUrl('nope', 'a', 'r'), null);
  });
});
