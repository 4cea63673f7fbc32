// One open comparison view: the same webview bundle and CSP as a release panel, in its
// comparison mode. It follows the store (summary window) or, with the equal-age toggle on,
// asks the store for the two releases over their first hours.
import * as vscode from 'vscode';
import { HostMessageType, isWebviewMessage, WebviewMessageType, type ComparisonKey, type ComparisonViewModel, type HostMessage } from '../../webview/protocol';
import { VIEW } from '../../present/ids';
import { createNonce } from '../panel/nonce';
import { buildPanelHtml } from '../panel/panelHtml';
import { panelWebviewOptions } from '../panel/releasePanel';
import type { ReleaseHealthStoreReader } from '../store/storeTypes';
import { buildComparisonModel, commonAgeHours, type EqualAgeState } from './comparisonModel';

export const COMPARISON_VIEW_TYPE = VIEW.comparisonPanel;

/** Shown in the tab; the e2e tests find the view by it. */
export function comparisonTitle(key: ComparisonKey): string {
  return `Compare ${key.candidate} with ${key.base}`;
}

export interface ComparisonPanelHost {
  readonly extensionUri: vscode.Uri;
  readonly store: ReleaseHealthStoreReader;
  minimumSessions(): number;
}

export class ComparisonPanel implements vscode.Disposable {
  private equalAge: EqualAgeState = { status: 'off' };
  private model: ComparisonViewModel;
  private request: AbortController | null = null;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly webviewPanel: vscode.WebviewPanel,
    readonly key: ComparisonKey,
    private readonly host: ComparisonPanelHost,
  ) {
    const webview = webviewPanel.webview;
    webview.options = panelWebviewOptions(host.extensionUri);
    webviewPanel.title = comparisonTitle(key);
    const uri = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(host.extensionUri, ...parts)).toString();
    webview.html = buildPanelHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: uri('dist', 'webview.js'),
      styleUris: [uri('media', 'vendor', 'uPlot.min.css'), uri('media', 'webview.css')],
      translations: vscode.l10n.bundle,
      key: { source: key.source, project: key.project, release: key.candidate },
      comparison: key,
    });
    this.model = this.build();
    this.subscriptions.push(webview.onDidReceiveMessage((m: unknown) => this.handle(m)));
    this.post();
  }

  /** The store changed: repaint; in equal-age mode measure again over the new data. */
  update(): void {
    if (this.equalAge.status !== 'off' && this.host.store.state.status === 'ready') this.loadEqualAge();
    this.model = this.build();
    this.post();
  }

  reveal(): void {
    this.webviewPanel.reveal(undefined, false);
  }

  dispose(): void {
    this.request?.abort();
    for (const d of this.subscriptions.splice(0)) d.dispose();
  }

  /** For tests: what the view shows now. */
  get currentModel(): ComparisonViewModel {
    return this.model;
  }

  setEqualAge(on: boolean): Promise<void> {
    if (!on) {
      this.request?.abort();
      this.equalAge = { status: 'off' };
      this.model = this.build();
      this.post();
      return Promise.resolve();
    }
    return this.loadEqualAge();
  }

  private loadEqualAge(): Promise<void> {
    this.request?.abort();
    const controller = new AbortController();
    this.request = controller;
    const snap = this.host.store.snapshot;
    const find = (v: string) => snap?.overview.releases.find((r) => r.project === this.key.project && r.release === v);
    const now = snap ? Date.parse(snap.overview.now) / 1000 : Date.now() / 1000;
    const ageHours = commonAgeHours(find(this.key.base), find(this.key.candidate), now);
    this.equalAge = { status: 'loading', ageHours };
    this.model = this.build();
    this.post();
    const request = { project: this.key.project, releases: [this.key.base, this.key.candidate], ageHours };
    return this.host.store.loadEqualAge(request, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        this.equalAge = { status: 'ready', ageHours, result };
        this.model = this.build();
        this.post();
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        this.equalAge = { status: 'error', ageHours, message: err instanceof Error ? err.message : String(err) };
        this.model = this.build();
        this.post();
      },
    );
  }

  private build(): ComparisonViewModel {
    return buildComparisonModel({ key: this.key, store: this.host.store, equalAge: this.equalAge, minimumSessions: this.host.minimumSessions() });
  }

  private post(): void {
    const message: HostMessage = { type: HostMessageType.ComparisonState, model: this.model };
    void this.webviewPanel.webview.postMessage(message).then(undefined, () => undefined);
  }

  private handle(message: unknown): void {
    if (!isWebviewMessage(message)) return;
    switch (message.type) {
      case WebviewMessageType.Ready:
        this.post();
        break;
      case WebviewMessageType.SetEqualAge:
        void this.setEqualAge(message.on);
        break;
      case WebviewMessageType.Refresh:
        void vscode.commands.executeCommand('releaseHealth.refresh').then(undefined, () => undefined);
        break;
      default:
        break; // links and fixes belong to release panels
    }
  }
}
