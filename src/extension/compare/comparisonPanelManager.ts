// Keeps one comparison view per (source, project, base, candidate): opening the same comparison
// again reveals it. Every view follows the one store.
import * as vscode from 'vscode';
import { isComparisonSavedState, type ComparisonKey } from '../../webview/protocol';
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
    return this.attach(webviewPanel, key);
  }

  /** Adopts a view VS Code restored after a reload (called by the serializer). */
  restore(webviewPanel: vscode.WebviewPanel, key: ComparisonKey): void {
    if (this.panels.has(comparisonKeyId(key))) {
      webviewPanel.dispose();
      return;
    }
    this.attach(webviewPanel, key);
  }

  private attach(webviewPanel: vscode.WebviewPanel, key: ComparisonKey): ComparisonPanel {
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

/**
 * Restores comparison views after a window reload from the state the page saved (its key);
 * a state without one is a blank tab, closed rather than shown.
 */
export class ComparisonPanelSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(private readonly manager: ComparisonPanelManager) {}

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isComparisonSavedState(state)) {
      webviewPanel.dispose();
      return;
    }
    const { source, project, base, candidate } = state.comparison;
    this.manager.restore(webviewPanel, { source, project, base, candidate });
  }
}

export function registerComparisonPanels(context: vscode.ExtensionContext, store: ReleaseHealthStoreReader, minimumSessions: () => number): ComparisonPanelManager {
  const manager = new ComparisonPanelManager(context.extensionUri, store, minimumSessions);
  context.subscriptions.push(manager, vscode.window.registerWebviewPanelSerializer(COMPARISON_VIEW_TYPE, new ComparisonPanelSerializer(manager)));
  return manager;
}
