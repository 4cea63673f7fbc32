// What command handlers and views share, built once by activate().
import type * as vscode from 'vscode';
import type { ComparisonPanelManager } from './compare/comparisonPanelManager';
import type { ReleasePanelManager } from './panel/releasePanelManager';
import type { ReleaseHealthLog } from './log';
import type { Notifier } from './notifier';
import type { SentryClient } from './sentry/sentryClient';
import type { TokenStore } from './sentry/tokenStore';
import type { ReleaseHealthSettings } from './settings';
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
  /** Runs several setting updates with one reload after them instead of one per update. */
  settingsBatch<T>(updates: () => Promise<T>): Promise<T>;
}
