import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi } from './helpers';

const COMMANDS = [
  'releaseHealth.showReleaseHealth',
  'releaseHealth.refresh',
  'releaseHealth.connect',
  'releaseHealth.signOut',
  'releaseHealth.exploreDemo',
  'releaseHealth.selectProjects',
  'releaseHealth.selectEnvironment',
  'releaseHealth.selectPeriod',
  'releaseHealth.selectChartPeriod',
  'releaseHealth.trackRelease',
  'releaseHealth.showLog',
  'releaseHealth.openInSentry',
  'releaseHealth.copyVersion',
  'releaseHealth.openSettings',
];

describe('activation', () => {
  it('activates and returns the test API', async () => {
    const api = await extensionApi();
    assert.strictEqual(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    for (const key of ['store', 'treeProvider', 'statusBarItem', 'panels', 'secrets'] as const) {
      assert.ok(api[key], `test API has no ${key}`);
    }
    assert.strictEqual(typeof api.treeProvider.getChildren, 'function');
    assert.strictEqual(typeof api.secrets.store, 'function');
  });

  it('times activate() in the extension host (written to RH_TIMINGS_FILE for the benchmark)', async () => {
    const api = await extensionApi();
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs >= 0, `activationMs: ${api.activationMs}`);
    const file = process.env.RH_TIMINGS_FILE;
    if (file) fs.writeFileSync(file, JSON.stringify({ activationMs: api.activationMs }));
  });

  it('registers every command it contributes, and the agreed ones', async () => {
    await extensionApi();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = COMMANDS.filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes?: { commands?: Array<{ command: string }> } };
    const contributed = (pkg.contributes?.commands ?? []).map((c) => c.command);
    assert.deepStrictEqual(COMMANDS.filter((c) => !contributed.includes(c)), [], 'every agreed command is contributed in package.json');
    const unregistered = contributed.filter((c) => !registered.has(c));
    assert.deepStrictEqual(unregistered, [], `contributed but not registered: ${unregistered.join(', ')}`);
  });
});
