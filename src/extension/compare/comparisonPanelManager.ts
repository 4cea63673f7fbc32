// Keeps one comparison view per (source, project, base, candidate): opening the same comparison
// again reveals it. Every view follows the one store.
import * as vscode from 'vscode';
import type { ComparisonKey } from '../../webview/protocol';
import { panelWebviewOptions } from '../panel/releasePanel';
import type { ReleaseHealthStoreReader } from '../store/storeTypes';
import { ComparisonPanel, comparisonTitle, COMPARISON_VIEW_TYPE, type ComparisonPanelHost } from './comparisonPanel';

export function comparisonKeyId(k: ComparisonKey): string {
  return JSON.stringify([k.source, k.project, k.base, k.candidate]);
}

export class ComparisonPanelManager implements vscode.Disposable {
  private readonly panels = new Map<string, ComparisonPanel>();
  private readonly storeSubscription: { dispose(): void };
  private readonly host: ComparisonPanelHost;

  constructor(extensionUri: vscode.Uri, store: ReleaseHealthStoreReader, minimumSessions: () => number) {
    this.host = { extensionUri, store, minimumSessions };
    this.storeSubscription = store.onDidChange(() => {
      for (const panel of this.panels.values()) panel.update();
    });
  }

  show(key: ComparisonKey): ComparisonPanel {
    const open = this.panels.get(comparisonKeyId(key));
    if (open) {
      open.reveal();
      return open;
    }
    const webviewPanel = vscode.window.createWebviewPanel(
      COMPARISON_VIEW_TYPE,
      comparisonTitle(key),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      panelWebviewOptions(this.host.extensionUri),
    );
    const id = comparisonKeyId(key);
    const panel = new ComparisonPanel(webviewPanel, { ...key }, this.host);
    this.panels.set(id, panel);
    webviewPanel.onDidDispose(() => {
      panel.dispose();
      if (this.panels.get(id) === panel) this.panels.delete(id);
    });
    return panel;
  }

  get openComparisons(): ComparisonPanel[] {
    return [...this.panels.values()];
  }

  dispose(): void {
    this.storeSubscription.dispose();
    for (const panel of [...this.panels.values()]) panel.webviewPanel.dispose();
    this.panels.clear();
  }
}
