// The one store: picks the source from the settings, loads (a new load cancels the one in
// flight), caches per source/settings/period, applies thresholds, and tells the tree, panels
// and status bar. Free of `vscode` so it is unit-tested with fake sources and a fake clock.
import type { EqualAgeRequest } from '../../health/equalAge';
import type { ReleaseHealth } from '../../health/types';
import type { ReleaseHealthSettings } from '../settings';
import { applyThresholds } from './applyThresholds';
import { LoadCancelled, SourceError, throwIfAborted, type SourceResult, type SourceSelection } from './healthSource';
import { Listeners } from './listeners';
import {
  shownSnapshot,
  type DeploysView,
  type EqualAgeResult,
  type ReleaseHealthStoreReader,
  type ReleaseKey,
  type StoreError,
  type StoreSnapshot,
  type StoreState,
} from './storeTypes';
import { retryFix } from '../../present/commandTitles';
import { t } from '../../present/localize';

export interface StoreDependencies {
  readSettings(): ReleaseHealthSettings;
  /** null when no source is configured. */
  selectSource(settings: ReleaseHealthSettings): SourceSelection | null;
  /** Milliseconds since the epoch. */
  clock(): number;
  log(message: string): void;
}

interface CacheEntry {
  result: SourceResult;
  fetchedAt: number;
}

/** Cached results younger than this are reused when only the view changes (period back and forth). */
export const MIN_CACHE_MS = 60_000;
const MAX_CACHE_ENTRIES = 12;

/** View options a reader may ask for beside the shown ones (agent tools ask for another period). */
export type ScopeOverrides = Partial<Pick<ReleaseHealthSettings, 'summaryPeriod' | 'healthStatsPeriod' | 'stat' | 'environments'>>;

/** What `snapshotFor` throws when no source is configured. */
export class StoreUnconfigured extends Error {
  constructor() {
    super('Release Health has no source configured.');
    this.name = 'StoreUnconfigured';
  }
}

export class ReleaseHealthStore implements ReleaseHealthStoreReader {
  private current: StoreState = { status: 'unconfigured' };
  private currentResult: CacheEntry | null = null;
  /** The cache key of the data the state is about (its snapshot, or its error). */
  private stateKey: string | null = null;
  private readonly cache = new Map<string, CacheEntry>();
  private readonly ageCache = new Map<string, { value: EqualAgeResult; fetchedAt: number }>();
  private inFlight: AbortController | null = null;
  private inFlightKey: string | null = null;
  private loadPromise: Promise<void> = Promise.resolve();
  private readonly listeners = new Listeners();
  private disposed = false;
  /** Deploys by release key, for the current fetch (cleared when a new result arrives). */
  private deploys = new Map<string, DeploysView>();
  private deploysFor: CacheEntry | null = null;

  constructor(private readonly deps: StoreDependencies) {}

  get state(): StoreState {
    return this.current;
  }

  get snapshot(): StoreSnapshot | null {
    return shownSnapshot(this.current);
  }

  /** Environments seen in the latest data, for "Select Environment". */
  get availableEnvironments(): string[] {
    return this.currentResult?.result.environments ?? [];
  }

  findRelease(key: ReleaseKey): ReleaseHealth | undefined {
    const snap = this.snapshot;
    if (!snap || snap.scope.kind !== key.source) return undefined;
    return snap.overview.releases.find((r) => r.project === key.project && r.release === key.release);
  }

  deploysOf(key: ReleaseKey): DeploysView {
    const snap = this.snapshot;
    const entry = this.currentResult;
    if (!snap || !entry || snap.scope.kind !== key.source) return { status: 'none' };
    const record = snap.records?.get(key.release);
    const selection = this.selectionOrNull();
    if (!record || record.deployCount === 0 || !selection?.source.loadDeploys) return { status: 'none' };
    if (this.deploysFor !== entry) {
      this.deploys = new Map();
      this.deploysFor = entry;
    }
    const id = JSON.stringify([key.project, key.release]);
    const known = this.deploys.get(id);
    if (known) return known;
    this.deploys.set(id, { status: 'loading' });
    const controller = new AbortController();
    const forEntry = entry;
    selection.source.loadDeploys(this.deps.readSettings(), key.release, controller.signal).then(
      (deploys) => this.deploysArrived(forEntry, id, { status: 'ready', deploys }),
      (err) => this.deploysArrived(forEntry, id, { status: 'error', message: err instanceof SourceError ? err.storeError.message : String((err as Error)?.message ?? err) }),
    );
    return { status: 'loading' };
  }

  private deploysArrived(entry: CacheEntry, id: string, view: DeploysView): void {
    if (this.disposed || this.deploysFor !== entry) return;
    this.deploys.set(id, view);
    this.setState(this.current);
  }

  private selectionOrNull(): SourceSelection | null {
    try {
      return this.deps.selectSource(this.deps.readSettings());
    } catch {
      return null;
    }
  }

  onDidChange(listener: () => void): { dispose(): void } {
    return this.listeners.add(listener);
  }

  async loadEqualAge(request: EqualAgeRequest, signal?: AbortSignal): Promise<EqualAgeResult> {
    const settings = this.deps.readSettings();
    const selection = this.deps.selectSource(settings);
    if (!selection) throw new Error('No source is configured.');
    const id = `${selection.cacheKey}\u0000${JSON.stringify(request)}`;
    const cached = this.ageCache.get(id);
    // Fresh with the data shown: the same lifetime as a load, and never older than the last refresh.
    const shownAt = this.currentResult?.fetchedAt ?? 0;
    if (cached && cached.fetchedAt >= shownAt && this.deps.clock() - cached.fetchedAt < this.cacheLifetime(settings)) return cached.value;
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await selection.source.load({ settings, now: Math.floor(this.deps.clock() / 1000), signal: controller.signal, force: false, equalAge: request });
      const value: EqualAgeResult = {
        source: selection.source.kind,
        overview: applyThresholds(result.overview, this.deps.readSettings().thresholds),
        ageWindows: result.ageWindows ?? {},
      };
      this.ageCache.set(id, { value, fetchedAt: this.deps.clock() });
      while (this.ageCache.size > MAX_CACHE_ENTRIES) this.ageCache.delete(this.ageCache.keys().next().value as string);
      return value;
    } catch (err) {
      if (err instanceof SourceError) throw new Error(err.storeError.message);
      throw err;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Fetches again, whatever the cache holds (the Refresh command, polling). */
  refresh(): Promise<void> {
    return this.load(true);
  }

  /** After a settings change: reuses a recent cached result for the same settings, else fetches. */
  reload(): Promise<void> {
    return this.load(false);
  }

  /** Resolves once no load is running (the one in flight, and any that superseded it). */
  async whenIdle(): Promise<void> {
    let p: Promise<void>;
    do {
      p = this.loadPromise;
      await p;
    } while (p !== this.loadPromise);
  }

  /**
   * The figures for the current settings with some view options changed. The shown snapshot when
   * it is what is asked for (after the load in flight), else a fresh cached result, else a load
   * beside the shown data that changes nothing on screen. Throws `StoreUnconfigured`, or the
   * source's error (a `SourceError` says how to fix it).
   */
  async snapshotFor(overrides: ScopeOverrides, signal?: AbortSignal): Promise<StoreSnapshot> {
    await this.whenIdle();
    const base = this.deps.readSettings();
    const settings: ReleaseHealthSettings = { ...base };
    for (const [k, v] of Object.entries(overrides)) if (v !== undefined) (settings as unknown as Record<string, unknown>)[k] = v;
    const selection = this.deps.selectSource(settings);
    if (!selection) throw new StoreUnconfigured();
    const s = this.current;
    if (selection.cacheKey === this.stateKey) {
      if (s.status === 'ready') return s.snapshot;
      if (s.status === 'error') throw new SourceError(s.error);
    }
    const cached = this.cache.get(selection.cacheKey);
    if (cached && this.deps.clock() - cached.fetchedAt < this.cacheLifetime(settings)) return this.snapshotOf(cached, settings);
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal?.addEventListener('abort', abort);
    try {
      const result = await selection.source.load({ settings, now: Math.floor(this.deps.clock() / 1000), signal: controller.signal, force: false });
      throwIfAborted(controller.signal);
      const entry = { result, fetchedAt: this.deps.clock() };
      this.remember(selection.cacheKey, entry);
      return this.snapshotOf(entry, settings);
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }

  /** Thresholds changed: recompute health status without fetching. */
  applyThresholds(): void {
    if (!this.currentResult) return;
    const snapshot = this.snapshotOf(this.currentResult, this.deps.readSettings());
    const s = this.current;
    if (s.status === 'ready') this.setState({ status: 'ready', snapshot });
    else if (s.status === 'loading') this.setState({ status: 'loading', previous: snapshot });
    else if (s.status === 'error') this.setState({ status: 'error', error: s.error, previous: snapshot });
  }

  /** Forgets cached results (e.g. after signing out) without changing what is shown. */
  clearCache(): void {
    this.cache.clear();
    this.ageCache.clear();
  }

  dispose(): void {
    this.disposed = true;
    this.inFlight?.abort();
    this.listeners.clear();
  }

  private load(force: boolean): Promise<void> {
    if (this.disposed) return Promise.resolve();
    let settings: ReleaseHealthSettings;
    let selection: SourceSelection | null;
    try {
      settings = this.deps.readSettings();
      selection = this.deps.selectSource(settings);
    } catch (err) {
      this.cancelInFlight();
      this.stateKey = null;
      this.setState({ status: 'error', error: this.errorOf(err), previous: this.snapshot });
      return (this.loadPromise = Promise.resolve());
    }
    if (!selection) {
      this.cancelInFlight();
      this.currentResult = null;
      this.stateKey = null;
      this.setState({ status: 'unconfigured' });
      return (this.loadPromise = Promise.resolve());
    }
    const cached = this.cache.get(selection.cacheKey);
    if (!force && cached && this.deps.clock() - cached.fetchedAt < this.cacheLifetime(settings)) {
      this.cancelInFlight();
      this.currentResult = cached;
      this.stateKey = selection.cacheKey;
      this.setState({ status: 'ready', snapshot: this.snapshotOf(cached, settings) });
      return (this.loadPromise = Promise.resolve());
    }
    // The same data is already on its way (a command reloads, then the settings event does too).
    if (!force && this.inFlight && this.inFlightKey === selection.cacheKey) return this.loadPromise;
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    this.inFlightKey = selection.cacheKey;
    // Keep showing the previous data of the same source while loading; other sources' data would mislead.
    const previous = this.snapshot?.scope.kind === selection.source.kind ? this.snapshot : null;
    this.stateKey = selection.cacheKey;
    this.setState({ status: 'loading', previous });
    this.loadPromise = this.run(selection, settings, controller, force);
    return this.loadPromise;
  }

  private async run(selection: SourceSelection, settings: ReleaseHealthSettings, controller: AbortController, force: boolean): Promise<void> {
    const started = this.deps.clock();
    try {
      // Let the caller (activate, a command) return before any work starts.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (controller.signal.aborted) return;
      const result = await selection.source.load({
        settings,
        now: Math.floor(started / 1000),
        signal: controller.signal,
        force,
      });
      if (controller.signal.aborted || this.disposed) return;
      const entry = { result, fetchedAt: this.deps.clock() };
      this.remember(selection.cacheKey, entry);
      this.currentResult = entry;
      this.setState({ status: 'ready', snapshot: this.snapshotOf(entry, this.deps.readSettings()) });
      this.deps.log(`Loaded ${result.overview.releases.length} releases from ${result.scope.label} in ${this.deps.clock() - started} ms`);
    } catch (err) {
      if (controller.signal.aborted || err instanceof LoadCancelled || this.disposed) return;
      const error = this.errorOf(err);
      this.deps.log(`Load failed: ${error.message}${err instanceof SourceError ? '' : ` (${(err as Error)?.stack ?? err})`}`);
      // A quiet error is a state the user chose (signed out): the old data should go with it.
      this.setState({ status: 'error', error, previous: error.quiet ? null : this.snapshot });
    } finally {
      if (this.inFlight === controller) {
        this.inFlight = null;
        this.inFlightKey = null;
      }
    }
  }

  private cancelInFlight(): void {
    this.inFlight?.abort();
    this.inFlight = null;
    this.inFlightKey = null;
  }

  private cacheLifetime(settings: ReleaseHealthSettings): number {
    return Math.max(MIN_CACHE_MS, settings.refreshIntervalMinutes * 60_000);
  }

  private remember(key: string, entry: CacheEntry): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    while (this.cache.size > MAX_CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
  }

  private snapshotOf(entry: CacheEntry, settings: ReleaseHealthSettings): StoreSnapshot {
    return {
      scope: entry.result.scope,
      overview: applyThresholds(entry.result.overview, settings.thresholds),
      skipped: entry.result.skipped,
      updatedAt: new Date(entry.fetchedAt).toISOString(),
      records: new Map((entry.result.records ?? []).map((r) => [r.version, r])),
    };
  }

  private errorOf(err: unknown): StoreError {
    if (err instanceof SourceError) return err.storeError;
    const message = err instanceof Error ? err.message : String(err);
    return { message: t('Could not load release health: {0}', message), ...retryFix() };
  }

  private setState(state: StoreState): void {
    this.current = state;
    this.listeners.fire((err) => this.deps.log(`A store listener failed: ${(err as Error)?.stack ?? err}`));
  }
}
