// What activate() returns: the handle the in-VS-Code tests use
// (`vscode.extensions.getExtension('release-health.release-health').exports`). Keep it stable.
//
//   store          the one ReleaseHealthStore: `state`, `snapshot`, `findRelease(key)`,
//                  `onDidChange(fn)`, `refresh()` (fetch again, resolves when loaded),
//                  `reload()` (cache first), `whenIdle()` (resolves when no load is running)
//   treeProvider   the "Releases" TreeDataProvider: `getChildren()`, `getTreeItem(node)`
//   statusBarItem  the status bar item (`text`, `backgroundColor`, `tooltip`, `command`)
//   panels         the ReleasePanelManager: `show(key)`, `has(key)`, `openPanels`
//   workspace      the WorkspaceReleaseTracker: `links` (one per folder: match, key), `primary()`,
//                  `onDidChange(fn)`, `whenRead()`
//   comparisons    the ComparisonPanelManager: `show(key)`, `openComparisons` (each with `currentModel`)
//   watch          the ReleaseWatch: `shown` (the notifications raised, in order)
//   secrets        context.secrets (the Sentry token is stored under `releaseHealth.sentryToken:<url>|<org>`)
import type * as vscode from 'vscode';
import type { ComparisonPanelManager } from './compare/comparisonPanelManager';
import type { ReleasePanelManager } from './panel/releasePanelManager';
import type { ReleaseWatch } from './watch/releaseWatch';
import type { ReleaseHealthStore } from './store/releaseHealthStore';
import type { ReleaseTreeProvider } from './tree/releaseTreeProvider';
import type { WorkspaceReleaseTracker } from './workspace/workspaceReleaseTracker';

export interface ReleaseHealthTestApi {
  store: ReleaseHealthStore;
  treeProvider: ReleaseTreeProvider;
  statusBarItem: vscode.StatusBarItem;
  panels: ReleasePanelManager;
  workspace: WorkspaceReleaseTracker;
  comparisons: ComparisonPanelManager;
  watch: ReleaseWatch;
  secrets: vscode.SecretStorage;
  /** Milliseconds activate() took inside the extension host (the benchmark reads it). */
  activationMs: number;
}
