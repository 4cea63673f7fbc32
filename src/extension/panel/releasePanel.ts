// One open release panel: sets up its webview (options, HTML with a fresh nonce), posts the
// model whenever the store changes or the page asks, and carries out the page's vetted requests.
import * as vscode from 'vscode';
import { HostMessageType, type HostMessage, type PanelModel } from '../../webview/protocol';
import type { ReleaseHealthStoreReader, ReleaseKey } from '../store/storeTypes';
import { createNonce } from './nonce';
import { buildPanelHtml } from './panelHtml';
import { buildPanelModel } from './panelModel';
import type { WorkspaceReleaseReader } from '../workspace/workspaceReleaseTracker';
import { panelRequestOf, type PanelRequest } from './webviewRequests';
import { COMMAND } from '../../present/ids';
import { printable } from '../../present/printable';

/** What a panel needs from its manager. */
export interface ReleasePanelHost {
  readonly extensionUri: vscode.Uri;
  readonly store: ReleaseHealthStoreReader;
  /** The workspace folders' releases (marks the panel of the one holding HEAD). */
  readonly workspace: WorkspaceReleaseReader | null;
  openExternal(url: string): void;
  openRelease(key: ReleaseKey): void;
  /** "Compare with…": ask for the base release, then open the comparison view. */
  compareWith(key: ReleaseKey): void;
}

/** Shown by VS Code in the tab and used by the e2e tests to find the panel. */
export function panelTitle(release: string): string {
  return vscode.l10n.t('Release Health: {0}', printable(release));
}

/** The panel may load only the bundle and the style sheets. */
export function panelWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export class ReleasePanel implements vscode.Disposable {
  private model: PanelModel;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly webviewPanel: vscode.WebviewPanel,
    private currentKey: ReleaseKey,
    private readonly host: ReleasePanelHost,
  ) {
    const key = currentKey;
    this.model = buildPanelModel(key, host.store, host.workspace?.links);
    const webview = webviewPanel.webview;
    webview.options = panelWebviewOptions(host.extensionUri);
    webviewPanel.title = panelTitle(key.release);
    webviewPanel.iconPath = {
      light: vscode.Uri.joinPath(host.extensionUri, 'media', 'release-panel-light.svg'),
      dark: vscode.Uri.joinPath(host.extensionUri, 'media', 'release-panel-dark.svg'),
    };
    // The HTML carries the model, so the page renders without a message; it still posts "ready"
    // and gets the current model then, in case the store changed while the page loaded.
    webview.html = this.html(webview);
    this.subscriptions.push(webview.onDidReceiveMessage((m: unknown) => this.handle(m)));
  }

  get key(): ReleaseKey {
    return this.currentKey;
  }

  /** Follows the same release in another source (the page saves the new key with its model). */
  rebind(key: ReleaseKey): void {
    this.currentKey = { ...key };
    this.update();
  }

  /** Re-reads the store and sends the new model; the page re-renders without reloading. */
  update(): void {
    this.model = buildPanelModel(this.key, this.host.store, this.host.workspace?.links);
    this.post();
  }

  reveal(): void {
    this.webviewPanel.reveal(undefined, false);
  }

  dispose(): void {
    for (const d of this.subscriptions.splice(0)) d.dispose();
  }

  private html(webview: vscode.Webview): string {
    const uri = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.host.extensionUri, ...parts)).toString();
    return buildPanelHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: uri('dist', 'webview.js'),
      styleUris: [uri('media', 'vendor', 'uPlot.min.css'), uri('media', 'webview.css')],
      translations: vscode.l10n.bundle,
      key: this.key,
      model: this.model,
    });
  }

  private post(): void {
    const message: HostMessage = { type: HostMessageType.State, model: this.model };
    // A hidden page drops messages; it asks again with "ready" when shown.
    void this.webviewPanel.webview.postMessage(message).then(undefined, () => undefined);
  }

  private handle(message: unknown): void {
    const request = panelRequestOf(message, this.model);
    if (request) this.perform(request);
  }

  private perform(request: PanelRequest): void {
    switch (request.kind) {
      case 'sendState':
        this.update();
        break;
      case 'openExternal':
        this.host.openExternal(request.url);
        break;
      case 'openRelease':
        this.host.openRelease(request.key);
        break;
      case 'compareWith':
        this.host.compareWith(this.key);
        break;
      case 'refresh':
        void vscode.commands.executeCommand(COMMAND.refresh).then(undefined, () => undefined);
        break;
      case 'runFix': {
        // The command comes from the store's error, never from the page.
        const state = this.host.store.state;
        if (state.status === 'error') void vscode.commands.executeCommand(state.error.fixCommand).then(undefined, () => undefined);
        break;
      }
    }
  }
}
