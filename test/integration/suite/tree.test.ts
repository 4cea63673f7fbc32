import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { generateDemoNdjson } from '../../../src/demo/demoDataset';
import { extensionApi, resetSettings, setSetting, waitForData, waitUntil, type ReleaseHealthTestApi } from './helpers';

type Node = Parameters<ReleaseHealthTestApi['treeProvider']['getTreeItem']>[0];

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

describe('release tree', () => {
  let api: ReleaseHealthTestApi;
  before(async () => {
    api = await extensionApi();
    await resetSettings(['source', 'release']);
  });
  after(() => resetSettings(['source', 'file.path']));

  it('is empty until a source is configured (the welcome view shows)', async () => {
    await waitUntil('the store to be unconfigured', () => api.store.state.status === 'unconfigured');
    assert.deepStrictEqual(await api.treeProvider.getChildren(), []);
  });

  it('"Explore with Demo Data" shows the demo data: projects, then their releases, then figures', async () => {
    await vscode.commands.executeCommand('releaseHealth.exploreDemo');
    assert.strictEqual(vscode.workspace.getConfiguration('releaseHealth').get('source'), 'demo');
    const snapshot = await waitForData(api, 'demo');
    const releases = snapshot.overview.releases;
    assert.ok(releases.length > 0, 'the demo dataset has releases');

    const [scopeRow, ...roots] = (await api.treeProvider.getChildren()) as Node[];
    // First the scope: what every figure below covers, announced as such.
    const scopeItem = api.treeProvider.getTreeItem(scopeRow);
    assert.strictEqual(labelOf(scopeItem), 'Last 24 hours · All environments');
    assert.strictEqual(scopeItem.description, 'Demo data');
    assert.strictEqual(scopeItem.command?.command, 'releaseHealth.selectPeriod');
    assert.strictEqual(scopeItem.accessibilityInformation?.label, 'Scope: Last 24 hours · All environments, Demo data');
    assert.ok(roots.length > 0, 'the tree has project nodes');
    assert.ok(roots.every((n) => n.kind === 'project'), `roots after the scope are projects: ${roots.map((n) => n.kind).join(', ')}`);
    const projectLabels = roots.map((n) => labelOf(api.treeProvider.getTreeItem(n)));
    assert.deepStrictEqual([...projectLabels].sort(), [...new Set(releases.map((r) => r.project))].sort());

    // Every release of the data appears exactly once under its project (possibly in the "no health data" group).
    const shown: string[] = [];
    let figures = 0;
    for (const project of roots) {
      const projectLabel = labelOf(api.treeProvider.getTreeItem(project));
      for (const child of (await api.treeProvider.getChildren(project)) as Node[]) {
        const group = child.kind === 'noHealthData' ? ((await api.treeProvider.getChildren(child)) as Node[]) : [child];
        for (const rel of group) {
          assert.strictEqual(rel.kind, 'release');
          const item = api.treeProvider.getTreeItem(rel);
          shown.push(`${projectLabel}/${labelOf(item)}`);
          // A click opens the release's panel; a screen reader hears the status in words.
          assert.strictEqual(item.command?.command, 'releaseHealth.showReleaseHealth');
          assert.doesNotMatch(item.accessibilityInformation?.label ?? '', /insufficient-data/);
          if (item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
            const figs = (await api.treeProvider.getChildren(rel)) as Node[];
            assert.ok(figs.length > 0, `release ${labelOf(item)} with health data has figures`);
            for (const f of figs) {
              const fi = api.treeProvider.getTreeItem(f);
              // Announced as "Sessions: 1,234", never the bare value.
              assert.strictEqual(fi.accessibilityInformation?.label, `${labelOf(fi)}: ${fi.description}`);
            }
            figures += figs.length;
          }
        }
      }
    }
    assert.deepStrictEqual(shown.sort(), releases.map((r) => `${r.project}/${r.release}`).sort());
    assert.ok(figures > 0, 'some release shows its figures');
  });

  it('a release item shows its crash-free sessions in its description and tooltip', async () => {
    const snapshot = await waitForData(api, 'demo');
    const r = snapshot.overview.releases.find((x) => x.hasHealthData && x.totalSessions > 0 && x.crashFreeSessions !== null);
    assert.ok(r, 'the demo data has a release with sessions');
    const roots = (await api.treeProvider.getChildren()) as Node[];
    const project = roots.find((n) => n.kind === 'project' && labelOf(api.treeProvider.getTreeItem(n)) === r.project)!;
    const rel = ((await api.treeProvider.getChildren(project)) as Node[]).find(
      (n) => n.kind === 'release' && labelOf(api.treeProvider.getTreeItem(n)) === r.release,
    );
    assert.ok(rel, `release ${r.release} is shown under ${r.project}`);
    const item = api.treeProvider.getTreeItem(rel);
    const pct = `${r.crashFreeSessions!.toFixed(2)}%`;
    assert.ok(String(item.description).includes(pct), `description '${item.description}' shows ${pct}`);
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
    assert.ok(tooltip.includes(pct.replace('.', '\\.')) || tooltip.includes(pct), `tooltip shows ${pct}: ${tooltip.slice(0, 300)}`);
  });

  it('the session file gone: tree and status bar keep the figures and both say they are not updated', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-stale-'));
    const file = path.join(dir, 'sessions.ndjson');
    fs.writeFileSync(file, generateDemoNdjson({ now: Math.floor(Date.now() / 1000), sessions: 600 }));
    try {
      await setSetting('file.path', file);
      await setSetting('source', 'file');
      await waitForData(api, 'file');
      await waitUntil(`the status bar to show a release (now '${api.statusBarItem.text}')`, () => /crash-free$/.test(api.statusBarItem.text));
      fs.rmSync(file);
      await vscode.commands.executeCommand('releaseHealth.refresh');
      await waitUntil('the load to fail with the old figures kept', () => api.store.state.status === 'error' && api.store.state.previous !== null);
      const [error, scopeRow, ...rest] = (await api.treeProvider.getChildren()) as Node[];
      assert.match(labelOf(api.treeProvider.getTreeItem(error)), /Session file not found/);
      assert.match(String(api.treeProvider.getTreeItem(scopeRow).description), /^Not updated: figures of \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
      assert.ok(rest.some((n) => n.kind === 'project'), 'the old releases are still shown');
      await waitUntil(`the status bar to mark its figures stale (now '${api.statusBarItem.text}')`, () => /^\$\(history\) .+: [\d,]+ errored · \d+\.\d\d% crash-free$/.test(api.statusBarItem.text));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
