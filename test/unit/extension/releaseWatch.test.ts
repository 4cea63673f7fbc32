import { strict as assert } from 'assert';
import type { StoreSnapshot, StoreState } from '../../../src/extension/store/storeTypes';
import { ReleaseWatch, watchActions, type WatchDependencies } from '../../../src/extension/watch/releaseWatch';

const { open: OPEN, compare: COMPARE, mute: MUTE } = watchActions();
import { computeOverview } from '../../../src/health/computeOverview';
import { DEFAULT_THRESHOLDS, type ReleaseHealth, type ReleaseInput } from '../../../src/health/types';

const NOW = Date.parse('2026-11-26T12:30:00Z') / 1000;

function input(release: string, firstSeen: number, total: number, crashed: number): ReleaseInput {
  const b = { total, healthy: total - crashed, errored: 0, crashed, abnormal: 0, unhandled: 0 };
  return { project: 'web', release, firstSeen, hasHealthData: true, stats: { sessions: b, users: { ...b }, sessions24h: total, users24h: total, series: [], durationP50: null, durationP90: null } };
}

let refreshes = 0;
function snapshot(candidateCrashes: number, total = 1000, extra: Partial<StoreSnapshot['scope']> = {}): StoreSnapshot {
  const overview = computeOverview(
    { releases: [input('2.2.0', NOW - 86400 * 5, 1000, 2), input('2.3.0', NOW - 3600 * 5, total, candidateCrashes)], projects: {} },
    { now: NOW, summaryPeriod: '24h', healthPeriod: '24h', stat: 'sessions', thresholds: DEFAULT_THRESHOLDS },
  );
  return { scope: { kind: 'file', label: 'sessions.ndjson', organization: null, sentryUrl: null, environments: [], summaryPeriod: '24h', healthPeriod: '24h', ...extra }, overview, skipped: null, updatedAt: new Date(NOW * 1000 + ++refreshes * 1000).toISOString() };
}

class FakeStore {
  state: StoreState = { status: 'unconfigured' };
  private listeners: Array<() => void> = [];
  get snapshot() {
    return this.state.status === 'ready' ? this.state.snapshot : null;
  }
  onDidChange(l: () => void) {
    this.listeners.push(l);
    return { dispose: () => undefined };
  }
  set(s: StoreSnapshot) {
    this.state = { status: 'ready', snapshot: s };
    for (const l of this.listeners) l();
  }
}

function setup(over: Partial<WatchDependencies> = {}) {
  const store = new FakeStore();
  const shown: Array<{ message: string; actions: string[] }> = [];
  const opened: unknown[] = [];
  const compared: unknown[] = [];
  let muted: string[] = [];
  let answer: string | undefined;
  let resolveShow: ((v: string | undefined) => void) | null = null;
  const deps: WatchDependencies = {
    store,
    tracked: (releases: readonly ReleaseHealth[]) => releases.find((r) => r.release === '2.3.0') ?? null,
    enabled: () => true,
    minimumSessions: () => 30,
    focused: () => true,
    show: (message, ...actions) => {
      shown.push({ message, actions });
      return new Promise((resolve) => {
        resolveShow = resolve;
        if (answer !== 'wait') resolve(answer);
      });
    },
    open: (k) => opened.push(k),
    compare: (k) => compared.push(k),
    muted: { get: () => muted, set: (ids) => void (muted = ids) },
    log: () => undefined,
    ...over,
  };
  const watch = new ReleaseWatch(deps);
  return { store, shown, opened, compared, watch, answer: (a: string | undefined) => (answer = a), release: (v: string | undefined) => resolveShow?.(v), muted: () => muted };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('extension/releaseWatch', () => {
  it('says nothing on the first load, then once when the tracked release turns critical', async () => {
    const t = setup();
    t.store.set(snapshot(1)); // 99.9 %: healthy
    await tick();
    assert.equal(t.shown.length, 0, 'nothing on the first load');
    t.store.set(snapshot(1));
    await tick();
    assert.equal(t.shown.length, 0, 'no change, no news');
    t.store.set(snapshot(40)); // 96 %: critical, worse than 2.2.0 and a regression
    await tick();
    assert.equal(t.shown.length, 1);
    assert.match(t.shown[0].message, /2\.3\.0 is now critical \(was healthy\): 96\.00% crash-free sessions; a regression against 2\.2\.0\./);
    assert.deepEqual(t.shown[0].actions, [OPEN, COMPARE, MUTE]);
    t.store.set(snapshot(45)); // still critical
    await tick();
    assert.equal(t.shown.length, 1, 'one per status change');
  });

  it('"Open" opens the panel, "Compare" the comparison with the previous release', async () => {
    const t = setup();
    t.answer(COMPARE);
    t.store.set(snapshot(1));
    t.store.set(snapshot(40));
    await tick();
    assert.deepEqual(t.compared, [{ source: 'file', project: 'web', base: '2.2.0', candidate: '2.3.0' }]);
    t.answer(OPEN);
    t.store.set(snapshot(1));
    t.store.set(snapshot(40));
    await tick();
    assert.deepEqual(t.opened, [{ source: 'file', project: 'web', release: '2.3.0' }]);
  });

  it('"Don\'t show again for this release" mutes it; the setting and focus gate it; one at a time', async () => {
    const t = setup();
    t.answer(MUTE);
    t.store.set(snapshot(1));
    t.store.set(snapshot(40));
    await tick();
    assert.equal(t.muted().length, 1);
    t.store.set(snapshot(1));
    t.store.set(snapshot(40));
    await tick();
    assert.equal(t.shown.length, 1, 'muted');

    let enabled = false;
    const off = setup({ enabled: () => enabled });
    off.store.set(snapshot(1));
    off.store.set(snapshot(40));
    await tick();
    assert.equal(off.shown.length, 0, 'releaseHealth.notifications off');
    const unfocused = setup({ focused: () => false });
    unfocused.store.set(snapshot(1));
    unfocused.store.set(snapshot(40));
    await tick();
    assert.equal(unfocused.shown.length, 0, 'window without focus');
    enabled = true;

    const queued = setup();
    queued.answer('wait');
    queued.store.set(snapshot(1));
    queued.store.set(snapshot(20)); // 98 %: warning
    queued.store.set(snapshot(40)); // critical while the first is open
    await tick();
    assert.equal(queued.shown.length, 1, 'one notification at a time');
    queued.answer(undefined);
    queued.release(undefined);
    await tick();
    await tick();
    assert.equal(queued.shown.length, 2, 'the next after the first closes');
    assert.match(queued.shown[1].message, /is now critical \(was warning\)/);
  });

  it('a new scope starts afresh (no news from switching period or source); thin data judges nothing', async () => {
    const t = setup();
    t.store.set(snapshot(1));
    t.store.set(snapshot(40, 1000, { label: 'other.ndjson' }));
    await tick();
    assert.equal(t.shown.length, 0);
    const thin = setup();
    thin.store.set(snapshot(0, 10)); // insufficient data
    thin.store.set(snapshot(3, 10));
    await tick();
    // Insufficient data is no status to fall from; 3 of 10 crashed is still a regression by the intervals.
    assert.deepEqual(thin.watch.shown.map((e) => e.reasons), [['regression']]);
  });
});
