// Restores release panels after a window reload: VS Code hands back the state the page saved
// with setState, which holds the release key; the panel re-renders from the store and shows
// "loading" until the store has data.
import * as vscode from 'vscode';
import type { ReleasePanelManager } from './releasePanelManager';
import { savedReleaseKey } from './savedReleaseKey';

export class ReleasePanelSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(private readonly manager: ReleasePanelManager) {}

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const key = savedReleaseKey(state);
    // Without a key there is nothing to show: a blank tab is worse than none.
    if (key === null) {
      webviewPanel.dispose();
      return;
    }
    this.manager.restore(webviewPanel, key);
  }
}
