// The status bar item: the tracked release's crash-free sessions, with its health status's icon.
import * as vscode from 'vscode';
import { VIEW } from '../../present/ids';
import type { ReleaseHealthSettings } from '../settings';
import type { ReleaseHealthStoreReader } from '../store/storeTypes';
import { statusBarView } from './statusBarText';
import { chooseTrackedRelease, type TrackedRelease } from './trackedRelease';
import { workspaceTracked } from '../workspace/workspaceLinks';
import type { WorkspaceReleaseReader } from '../workspace/workspaceReleaseTracker';

export class StatusBarIndicator implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly store: ReleaseHealthStoreReader,
    private readonly settings: () => ReleaseHealthSettings,
    private readonly workspace: WorkspaceReleaseReader | null = null,
  ) {
    this.item = vscode.window.createStatusBarItem(VIEW.statusBarItem, vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('Release Health');
    const onStore = store.onDidChange(() => this.update());
    const onWorkspace = workspace?.onDidChange(() => this.update());
    this.subscription = { dispose: () => { onStore.dispose(); onWorkspace?.dispose(); } };
    this.update();
  }

  /** The release the item follows now (for "Show Release Health" from the status bar). */
  tracked(): TrackedRelease {
    const snapshot = this.store.snapshot;
    if (!snapshot) return { kind: 'none' };
    const s = this.settings();
    return chooseTrackedRelease(snapshot.overview.releases, s.release, s.sentry.projects, workspaceTracked(this.workspace));
  }

  update(): void {
    const view = statusBarView(this.store.state, this.tracked(), this.settings().thresholds);
    if (!view.visible) {
      this.item.hide();
      return;
    }
    this.item.text = view.text;
    const tooltip = new vscode.MarkdownString(view.tooltip);
    tooltip.supportHtml = false;
    tooltip.isTrusted = false;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = view.background === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.command = view.command ?? undefined;
    // Screen readers get the words, not the icon syntax.
    this.item.accessibilityInformation = { label: view.accessibilityLabel ?? view.text.replace(/(^|[^\\])\$\([^)]*\)\s*/g, '$1').replace(/\\\$\(/g, '$(') };
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
