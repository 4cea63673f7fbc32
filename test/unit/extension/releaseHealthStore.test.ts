import { strict as assert } from 'assert';
import { readSettings, type ReleaseHealthSettings } from '../../../src/extension/settings';
import { sourceSelector } from '../../../src/extension/sources/selectSource';
import { LoadCancelled, SourceError, type HealthSource, type SourceRequest, type SourceResult } from '../../../src/extension/store/healthSource';
import { ReleaseHealthStore } from '../../../src/extension/store/releaseHealthStore';
import type { SourceKind, StoreState } from '../../../src/extension/store/storeTypes';
import { overview, release, scope } from './releaseFixtures';

/** A source whose loads the test resolves by hand. */
class FakeSource implements HealthSource {
  requests: SourceRequest[] = [];
  private pending: Array<{ resolve: (r: SourceResult) => void; reject: (e: unknown) => void }> = [];
  constructor(readonly kind: SourceKind) {}
  load(request: SourceRequest): Promise<SourceResult> {
    this.requests.push(request);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      request.signal.addEventListener('abort', () => reject(new LoadCancelled()));
    });
  }
  resolveNext(result: SourceResult = resultOf(this.kind)): void {
    this.pending.shift()!.resolve(result);
  }
  rejectNext(err: unknown): void {
    this.pending.shift()!.reject(err);
  }
}

function resultOf(kind: SourceKind, releases = [release()]): SourceResult {
  return { overview: overview(releases), scope: scope({ kind }), skipped: null, environments: ['production'] };
}

const tick = () => new Promise((r) => setImmediate(r));

function setup(initial: Record<string, unknown> = { source: 'demo' }) {
  let values: Record<string, unknown> = { ...initial };
  let clock = 1_000_000;
  const sources = { demo: new FakeSource('demo'), file: new FakeSource('file'), sentry: new FakeSource('sentry') };
  const store = new ReleaseHealthStore({
    readSettings: (): ReleaseHealthSettings => readSettings({ get: <T>(k: string) => values[k] as T }),
    selectSource: sourceSelector(sources),
    clock: () => clock,
    log: () => undefined,
  });
  const states: StoreState['status'][] = [];
  store.onDidChange(() => states.push(store.state.status));
  return {
    store, sources, states,
    set: (v: Record<string, unknown>) => (values = { ...values, ...v }),
    advance: (ms: number) => (clock += ms),
  };
}

describe('extension/store: ReleaseHealthStore', () => {
  it('is unconfigured without a source, and does no work', async () => {
    const { store, sources } = setup({});
    await store.reload();
    assert.equal(store.state.status, 'unconfigured');
    assert.equal(store.snapshot, null);
    assert.equal(sources.demo.requests.length, 0);
  });

  it('loads: loading, then ready with the snapshot; findRelease by key', async () => {
    const { store, sources, states } = setup();
    const done = store.reload();
    assert.equal(store.state.status, 'loading');
    await tick();
    assert.equal(sources.demo.requests[0].now, 1000, 'now comes from the clock, in seconds');
    sources.demo.resolveNext();
    await done;
    assert.deepEqual(states, ['loading', 'ready']);
    assert.equal(store.findRelease({ source: 'demo', project: 'app', release: 'app@1.0.0' })?.release, 'app@1.0.0');
    assert.equal(store.findRelease({ source: 'sentry', project: 'app', release: 'app@1.0.0' }), undefined);
    assert.deepEqual(store.availableEnvironments, ['production']);
  });

  it('a new refresh cancels the load in flight; only the newest result counts', async () => {
    const { store, sources } = setup();
    void store.refresh();
    await tick();
    const first = sources.demo.requests[0];
    const second = store.refresh();
    assert.equal(first.signal.aborted, true);
    await tick();
    sources.demo.resolveNext(resultOf('demo', [release({ release: 'late' })])); // the cancelled one, already rejected
    sources.demo.resolveNext(resultOf('demo', [release({ release: 'fresh' })]));
    await second;
    await store.whenIdle();
    assert.equal(store.snapshot?.overview.releases[0].release, 'fresh');
  });

  it('reuses a recent cached result for the same settings; refresh fetches again', async () => {
    const { store, sources, set } = setup();
    const a = store.reload();
    await tick();
    sources.demo.resolveNext();
    await a;
    set({ summaryPeriod: '7d' });
    const b = store.reload();
    await tick();
    sources.demo.resolveNext(resultOf('demo', [release({ release: '7d' })]));
    await b;
    set({ summaryPeriod: '24h' });
    await store.reload();
    assert.equal(store.state.status, 'ready', 'served from the cache at once');
    assert.equal(sources.demo.requests.length, 2);
    const c = store.refresh();
    await tick();
    assert.equal(sources.demo.requests.length, 3);
    sources.demo.resolveNext();
    await c;
  });

  it('a reload for data already on its way joins that load', async () => {
    const { store, sources } = setup();
    const a = store.reload();
    const b = store.reload();
    await tick();
    assert.equal(sources.demo.requests.length, 1);
    sources.demo.resolveNext();
    await Promise.all([a, b]);
    assert.equal(store.state.status, 'ready');
  });

  it('thresholds recompute health status without fetching', async () => {
    const { store, sources, set } = setup();
    const a = store.reload();
    await tick();
    sources.demo.resolveNext(resultOf('demo', [release({ crashFreeSessions: 99.2, totalSessions: 1000, healthStatus: 'warning' })]));
    await a;
    set({ 'thresholds.target': 99, 'thresholds.critical': 95 });
    store.applyThresholds();
    assert.equal(store.snapshot?.overview.releases[0].healthStatus, 'healthy');
    set({ 'thresholds.minimumSessions': 5000 });
    store.applyThresholds();
    assert.equal(store.snapshot?.overview.releases[0].healthStatus, 'insufficient-data');
    assert.equal(sources.demo.requests.length, 1);
  });

  it('errors keep the previous snapshot and carry the fixing action', async () => {
    const { store, sources } = setup();
    const a = store.reload();
    await tick();
    sources.demo.resolveNext();
    await a;
    const b = store.refresh();
    await tick();
    sources.demo.rejectNext(new SourceError({ message: 'token rejected', fixCommand: 'releaseHealth.connect', fixTitle: 'Connect to Sentry…' }));
    await b;
    const s = store.state;
    assert.equal(s.status, 'error');
    if (s.status !== 'error') return;
    assert.equal(s.error.fixCommand, 'releaseHealth.connect');
    assert.ok(s.previous);
    assert.ok(store.snapshot, 'readers still see the last data');
  });

  it('a quiet error (signed out) drops the old data with it', async () => {
    const { store, sources } = setup();
    const a = store.reload();
    await tick();
    sources.demo.resolveNext();
    await a;
    const b = store.refresh();
    await tick();
    sources.demo.rejectNext(new SourceError({ message: 'Not signed in', fixCommand: 'releaseHealth.connect', fixTitle: 'Connect to Sentry…', quiet: true }));
    await b;
    assert.equal(store.state.status, 'error');
    assert.equal(store.snapshot, null);
  });

  it('unexpected exceptions become a retryable error, not a crash', async () => {
    const { store, sources } = setup();
    const a = store.reload();
    await tick();
    sources.demo.rejectNext(new TypeError('boom'));
    await a;
    const s = store.state;
    assert.equal(s.status, 'error');
    if (s.status === 'error') assert.deepEqual([s.error.fixCommand, /boom/.test(s.error.message)], ['releaseHealth.refresh', true]);
  });

  it('switching source does not show the other source\'s data while loading', async () => {
    const { store, sources, set } = setup();
    const a = store.reload();
    await tick();
    sources.demo.resolveNext();
    await a;
    set({ source: 'file', 'file.path': '/x' });
    const b = store.reload();
    const s = store.state;
    assert.equal(s.status, 'loading');
    if (s.status === 'loading') assert.equal(s.previous, null);
    await tick();
    sources.file.resolveNext();
    await b;
  });

  it('whenIdle waits for loads that superseded the one it started with', async () => {
    const { store, sources } = setup();
    void store.refresh();
    const idle = store.whenIdle();
    let settled = false;
    void idle.then(() => (settled = true));
    await tick();
    void store.refresh();
    await tick();
    assert.equal(settled, false);
    sources.demo.resolveNext();
    sources.demo.resolveNext();
    await idle;
    assert.equal(store.state.status, 'ready');
  });

  it('a listener that throws does not stop the others', async () => {
    const { store, sources } = setup();
    let heard = 0;
    store.onDidChange(() => {
      throw new Error('bad listener');
    });
    store.onDidChange(() => heard++);
    const a = store.reload();
    await tick();
    sources.demo.resolveNext();
    await a;
    assert.equal(heard, 2);
  });

  it('loads equal-age figures through the current source, with thresholds, cached until the next refresh', async () => {
    const { store, sources, advance } = setup();
    const first = store.reload();
    await tick();
    sources.demo.resolveNext();
    await first;
    const request = { project: 'web', releases: ['1.0', '2.0'], ageHours: 24 };
    const aged = store.loadEqualAge(request);
    await tick();
    const sent = sources.demo.requests[1];
    assert.deepEqual(sent.equalAge, request);
    assert.equal(sent.force, false);
    const window = { window: { start: 0, end: 3600, granularity: 3600 }, sessions: { total: 1, healthy: 1, errored: 0, crashed: 0, abnormal: 0, unhandled: 0 }, users: { total: 1, healthy: 1, errored: 0, crashed: 0, abnormal: 0, unhandled: 0 }, durationP50: null, durationP90: null, series: { sessions: [1], users: [1] } };
    sources.demo.resolveNext({ ...resultOf('demo'), ageWindows: { 'web\u00001.0': window } });
    const result = await aged;
    assert.equal(result.source, 'demo');
    assert.deepEqual(Object.keys(result.ageWindows), ['web\u00001.0']);
    assert.equal(result.overview.releases[0].healthStatus, store.snapshot!.overview.releases[0].healthStatus, 'thresholds applied as in the store');
    // Cached: the same request within the cache lifetime asks the source nothing.
    await store.loadEqualAge(request);
    assert.equal(sources.demo.requests.length, 2);
    // A refresh makes it stale.
    advance(1000);
    const again = store.refresh();
    await tick();
    sources.demo.resolveNext();
    await again;
    const fresh = store.loadEqualAge(request);
    await tick();
    assert.equal(sources.demo.requests.length, 4);
    sources.demo.rejectNext(new SourceError({ message: 'file gone', fixCommand: 'x', fixTitle: 'y' }));
    await assert.rejects(fresh, /file gone/);
  });
});

