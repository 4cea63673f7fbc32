// Refreshes every `releaseHealth.refreshIntervalMinutes` while the window is focused; after
// focus returns, refreshes at once if a refresh fell due meanwhile. Never while unconfigured.
import * as vscode from 'vscode';

export class RefreshPoller implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private lastRefresh = Date.now();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly intervalMinutes: () => number,
    private readonly configured: () => boolean,
    private readonly refresh: () => Promise<void>,
  ) {
    this.subscription = vscode.window.onDidChangeWindowState((s) => {
      if (s.focused && this.due()) void this.tick();
      this.restart();
    });
    this.restart();
  }

  /** Called after any load, so polling counts from the latest data. */
  noteRefreshed(): void {
    this.lastRefresh = Date.now();
  }

  restart(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    const minutes = this.intervalMinutes();
    if (minutes <= 0 || !this.configured() || !vscode.window.state.focused) return;
    this.timer = setInterval(() => void this.tick(), minutes * 60_000);
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscription.dispose();
  }

  private due(): boolean {
    const minutes = this.intervalMinutes();
    return minutes > 0 && this.configured() && Date.now() - this.lastRefresh >= minutes * 60_000;
  }

  private async tick(): Promise<void> {
    if (!vscode.window.state.focused || !this.configured()) return;
    this.lastRefresh = Date.now();
    try {
      await this.refresh();
    } catch {
      // The store reports load errors itself.
    }
  }
}
