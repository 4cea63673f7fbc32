// Keeps one release panel per (source, project, release), keyed by releaseKeyId: "Show Release
// Health" reveals an open one instead of opening a second. All panels follow the one store, also
// across a change of source (panelRebinds).
import * as vscode from 'vscode';
import { VIEW } from '../../present/ids';
import { releaseKeyId, type ReleaseHealthStoreReader, type ReleaseKey } from '../store/storeTypes';
import { isWebUrl } from '../../webview/protocol';
import { panelTitle, panelWebviewOptions, ReleasePanel, type ReleasePanelHost } from './releasePanel';
import { panelRebinds } from './panelRebind';
import { ReleasePanelSerializer } from './releasePanelSerializer';
import type { WorkspaceReleaseReader } from '../workspace/workspaceReleaseTracker';

export const RELEASE_PANEL_VIEW_TYPE = VIEW.releasePanel;

export class ReleasePanelManager implements vscode.Disposable {
  private readonly panels = new Map<string, ReleasePanel>();
  private readonly storeSubscription: { dispose(): void };
  private readonly host: ReleasePanelHost;

  constructor(
    context: vscode.ExtensionContext,
    store: ReleaseHealthStoreReader,
    openExternal: (url: string) => void,
    compareWith: (key: ReleaseKey) => void = () => undefined,
    workspace: WorkspaceReleaseReader | null = null,
  ) {
    this.host = {
      extensionUri: context.extensionUri,
      store,
      workspace,
      // Checked again here: whatever reaches the caller's openExternal is a web link.
      openExternal: (url) => {
        if (isWebUrl(url)) openExternal(url);
      },
      openRelease: (key) => this.show(key),
      compareWith,
    };
    const update = () => {
      this.followSource();
      for (const panel of this.panels.values()) panel.update();
    };
    const onStore = store.onDidChange(update);
    const onWorkspace = workspace?.onDidChange(update);
    this.storeSubscription = { dispose: () => { onStore.dispose(); onWorkspace?.dispose(); } };
  }

  show(key: ReleaseKey): void {
    const open = this.panels.get(releaseKeyId(key));
    if (open) {
      open.reveal();
      return;
    }
    const webviewPanel = vscode.window.createWebviewPanel(
      RELEASE_PANEL_VIEW_TYPE,
      panelTitle(key.release),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      // No retainContextWhenHidden: the page keeps its model with setState and asks again when shown.
      panelWebviewOptions(this.host.extensionUri),
    );
    this.attach(webviewPanel, key);
  }

  /** Adopts a panel VS Code restored after a reload (called by the serializer). */
  restore(webviewPanel: vscode.WebviewPanel, key: ReleaseKey): void {
    if (this.panels.has(releaseKeyId(key))) {
      webviewPanel.dispose();
      return;
    }
    this.attach(webviewPanel, key);
  }

  has(key: ReleaseKey): boolean {
    return this.panels.has(releaseKeyId(key));
  }

  get openPanels(): ReleaseKey[] {
    return [...this.panels.values()].map((p) => ({ ...p.key }));
  }

  dispose(): void {
    this.storeSubscription.dispose();
    for (const panel of [...this.panels.values()]) panel.webviewPanel.dispose();
    this.panels.clear();
  }

  private attach(webviewPanel: vscode.WebviewPanel, key: ReleaseKey): void {
    const panel = new ReleasePanel(webviewPanel, { ...key }, this.host);
    this.panels.set(releaseKeyId(key), panel);
    // The subscription ends with the panel: disposing it there releases the listener.
    const closed = webviewPanel.onDidDispose(() => {
      closed.dispose();
      panel.dispose();
      const id = releaseKeyId(panel.key);
      if (this.panels.get(id) === panel) this.panels.delete(id);
    });
  }

  /** Moves open panels to the current source when it has their release. */
  private followSource(): void {
    const snapshot = this.host.store.snapshot;
    if (!snapshot) return;
    const moves = panelRebinds(this.openPanels, snapshot.scope.kind, (k) => this.host.store.findRelease(k) !== undefined);
    for (const { from, to } of moves) {
      const panel = this.panels.get(releaseKeyId(from));
      if (!panel) continue;
      this.panels.delete(releaseKeyId(from));
      panel.rebind(to);
      this.panels.set(releaseKeyId(to), panel);
    }
  }
}

/** Creates the manager and the serializer that restores panels after a window reload. */
export function registerReleasePanels(context: vscode.ExtensionContext, store: ReleaseHealthStoreReader, compareWith?: (key: ReleaseKey) => void, workspace: WorkspaceReleaseReader | null = null): ReleasePanelManager {
  const manager = new ReleasePanelManager(context, store, (url) => {
    void vscode.env.openExternal(vscode.Uri.parse(url, true));
  }, compareWith, workspace);
  context.subscriptions.push(manager, vscode.window.registerWebviewPanelSerializer(RELEASE_PANEL_VIEW_TYPE, new ReleasePanelSerializer(manager)));
  return manager;
}
