import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, resetSettings, setSetting, waitForData, waitUntil, type ReleaseHealthTestApi, type ReleaseKey } from './helpers';

const VIEW_TYPE = 'releaseHealth.releasePanel';

function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(VIEW_TYPE));
}

describe('release panel', () => {
  let api: ReleaseHealthTestApi;
  let key: ReleaseKey;
  before(async () => {
    api = await extensionApi();
    await closeAllEditors();
    await setSetting('source', 'demo');
    const snapshot = await waitForData(api, 'demo');
    const r = snapshot.overview.releases.find((x) => x.hasHealthData);
    assert.ok(r, 'the demo data has a release with health data');
    key = { source: 'demo', project: r.project, release: r.release };
  });
  after(async () => {
    await closeAllEditors();
    await resetSettings(['source']);
  });

  it('Show Release Health with a release argument opens one panel for it', async () => {
    assert.strictEqual(api.panels.has(key), false);
    await vscode.commands.executeCommand('releaseHealth.showReleaseHealth', key);
    await waitUntil('the panel to open', () => api.panels.has(key));
    const tab = await waitUntil('a webview tab of the release panel', () => panelTabs()[0]);
    assert.ok(tab.label.includes(key.release), `tab '${tab.label}' names the release ${key.release}`);
    assert.deepStrictEqual(api.panels.openPanels, [key]);
  });

  it('showing the same release again reveals it instead of opening a second one', async () => {
    await vscode.commands.executeCommand('releaseHealth.showReleaseHealth', { project: key.project, release: key.release });
    assert.strictEqual(api.panels.openPanels.length, 1);
    assert.strictEqual(panelTabs().length, 1);
  });

  it('closing the tab forgets the panel', async () => {
    const tab = panelTabs()[0];
    assert.ok(tab);
    await vscode.window.tabGroups.close(tab);
    await waitUntil('the panel to be forgotten', () => !api.panels.has(key));
    assert.deepStrictEqual(api.panels.openPanels, []);
  });

  it('registers a serializer so VS Code restores panels after a reload', () => {
    // VS Code allows one serializer per view type: registering a second one fails when the
    // extension registered its own. (The restore itself is exercised by the e2e layer, which reloads the page.)
    let registration: vscode.Disposable | undefined;
    assert.throws(() => {
      registration = vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, { deserializeWebviewPanel: async () => undefined });
    }, /already registered|serializer/i);
    registration?.dispose();
  });
});
