// The watch: after each refresh, tells the user when the tracked release got worse (rules in
// watchRules.ts), one notification at a time, with "Open", "Compare" and "Don't show again for
// this release". Free of vscode: activate() passes the window's functions in, tests pass fakes.
import type { ReleaseHealth } from '../../health/types';
import type { ReleaseHealthStoreReader, SourceKind } from '../store/storeTypes';
import { WatchRules, type WatchEvent } from './watchRules';
import { t } from '../../present/localize';

/** The notification's buttons, in the user's language. */
export function watchActions(): { open: string; compare: string; mute: string } {
  return { open: t('Open'), compare: t('Compare'), mute: t("Don't show again for this release") };
}

export interface WatchDependencies {
  store: Pick<ReleaseHealthStoreReader, 'state' | 'snapshot' | 'onDidChange'>;
  /** The release the status bar follows, in the given releases. */
  tracked(releases: readonly ReleaseHealth[]): ReleaseHealth | null;
  enabled(): boolean;
  minimumSessions(): number;
  /** The window has focus. */
  focused(): boolean;
  /** A warning notification with buttons; resolves to the chosen one. */
  show(message: string, ...actions: string[]): PromiseLike<string | undefined>;
  open(key: { source: SourceKind; project: string; release: string }): void;
  compare(key: { source: SourceKind; project: string; base: string; candidate: string }): void;
  /** Releases muted with "Don't show again", kept across sessions (workspace state). */
  muted: { get(): string[]; set(ids: string[]): PromiseLike<void> | void };
  log(message: string): void;
}

export class ReleaseWatch {
  private readonly rules = new WatchRules();
  private showing = false;
  private readonly pending: Array<{ event: WatchEvent; source: SourceKind }> = [];
  private readonly subscription: { dispose(): void };
  /** Notifications shown (tests read it). */
  readonly shown: WatchEvent[] = [];

  constructor(private readonly deps: WatchDependencies) {
    this.subscription = deps.store.onDidChange(() => this.check());
  }

  dispose(): void {
    this.subscription.dispose();
    this.pending.length = 0;
  }

  private check(): void {
    const state = this.deps.store.state;
    const snap = this.deps.store.snapshot;
    if (state.status !== 'ready' || !snap) return;
    const event = this.rules.observe(snap, this.deps.tracked(snap.overview.releases), this.deps.minimumSessions());
    if (!event) return;
    this.deps.log(`Watch: ${event.message}`);
    if (!this.deps.enabled() || !this.deps.focused() || this.isMuted(snap.scope.kind, event)) return;
    // One per release in the queue: a newer change of the same release replaces the older one.
    const i = this.pending.findIndex((p) => p.event.project === event.project && p.event.release === event.release);
    if (i >= 0) this.pending.splice(i, 1);
    this.pending.push({ event, source: snap.scope.kind });
    void this.next();
  }

  private muteId(source: SourceKind, e: { project: string; release: string }): string {
    return JSON.stringify([source, e.project, e.release]);
  }

  private isMuted(source: SourceKind, e: WatchEvent): boolean {
    return this.deps.muted.get().includes(this.muteId(source, e));
  }

  private async next(): Promise<void> {
    if (this.showing) return;
    const item = this.pending.shift();
    if (!item) return;
    const { event, source } = item;
    this.showing = true;
    this.shown.push(event);
    try {
      const { open, compare, mute } = watchActions();
      const actions = event.previousRelease !== null ? [open, compare, mute] : [open, mute];
      const choice = await this.deps.show(`Release Health: ${event.message}`, ...actions);
      if (choice === open) this.deps.open({ source, project: event.project, release: event.release });
      else if (choice === compare && event.previousRelease !== null) {
        this.deps.compare({ source, project: event.project, base: event.previousRelease, candidate: event.release });
      } else if (choice === mute) {
        const ids = this.deps.muted.get();
        await this.deps.muted.set([...ids, this.muteId(source, event)]);
      }
    } catch (err) {
      this.deps.log(`Watch notification failed: ${(err as Error)?.message ?? err}`);
    } finally {
      this.showing = false;
    }
    void this.next();
  }
}
