// Settings changes reach what depends on them: data settings reload (cache first), thresholds
// recompute health status without fetching, the tracked release redraws the status bar, the
// interval restarts polling, the source updates the welcome view's context key.
import * as vscode from 'vscode';
import { settingsImpact, type SettingsImpact } from './settings';

export interface SettingsReactions {
  reload(): void;
  thresholds(): void;
  tracked(): void;
  polling(): void;
  source(): void;
}

export class SettingsWatcher implements vscode.Disposable {
  private batching = 0;
  private pending: SettingsImpact | null = null;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly react: SettingsReactions) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => this.handle(settingsImpact((s) => e.affectsConfiguration(s))));
  }

  /**
   * Runs updates, then reacts once to everything they changed. Returns what it reacted to (null:
   * nothing changed), so a command does only what the watcher did not (one path per reaction).
   */
  async batch(updates: () => Promise<unknown>): Promise<SettingsImpact | null> {
    this.batching++;
    let impact: SettingsImpact | null = null;
    try {
      await updates();
    } finally {
      if (--this.batching === 0 && this.pending) {
        impact = this.pending;
        this.pending = null;
        this.apply(impact);
      }
    }
    return impact;
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private handle(impact: SettingsImpact): void {
    if (this.batching > 0) {
      const p = this.pending;
      this.pending = p
        ? {
            reload: p.reload || impact.reload, thresholds: p.thresholds || impact.thresholds, tracked: p.tracked || impact.tracked,
            polling: p.polling || impact.polling, source: p.source || impact.source,
          }
        : impact;
      return;
    }
    this.apply(impact);
  }

  private apply(impact: SettingsImpact): void {
    if (impact.source) this.react.source();
    if (impact.reload) this.react.reload();
    else if (impact.thresholds) this.react.thresholds();
    if (impact.tracked || impact.thresholds) this.react.tracked();
    if (impact.polling || impact.source) this.react.polling();
  }
}
