// What command handlers and views share, built once by activate().
import type * as vscode from 'vscode';
import type { ComparisonPanelManager } from './compare/comparisonPanelManager';
import type { ReleasePanelManager } from './panel/releasePanelManager';
import type { ReleaseHealthLog } from './log';
import type { Notifier } from './notifier';
import type { SentryClient } from './sentry/sentryClient';
import type { TokenStore } from './sentry/tokenStore';
import type { ReleaseHealthSettings, SettingsImpact } from './settings';
import type { StatusBarIndicator } from './statusBar/statusBarIndicator';
import type { ReleaseHealthStore } from './store/releaseHealthStore';

export interface ExtensionServices {
  context: vscode.ExtensionContext;
  store: ReleaseHealthStore;
  settings: () => ReleaseHealthSettings;
  tokens: TokenStore;
  sentry: SentryClient;
  log: ReleaseHealthLog;
  output: vscode.LogOutputChannel;
  notifier: Notifier;
  panels: ReleasePanelManager;
  comparisons: ComparisonPanelManager;
  statusBar: StatusBarIndicator;
  releasesView: vscode.TreeView<unknown>;
  /**
   * Writes settings; the settings watcher then reacts once (one reload, not one per update).
   * Commands never reload after it themselves: they wait for the store (`whenIdle`), and act
   * only on what the returned impact says the watcher did not do.
   */
  settingsBatch(updates: () => Promise<unknown>): Promise<SettingsImpact | null>;
}
