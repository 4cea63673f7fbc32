import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi, resetSettings, setSetting, waitForData, waitUntil, type ReleaseHealth, type ReleaseHealthTestApi } from './helpers';

const THRESHOLD_KEYS = ['thresholds.target', 'thresholds.critical', 'thresholds.minimumSessions'];

function background(api: ReleaseHealthTestApi): string | undefined {
  const c = api.statusBarItem.backgroundColor;
  return c instanceof vscode.ThemeColor ? c.id : undefined;
}

function expectedText(r: ReleaseHealth): string {
  return `$(pulse) ${r.release}: ${Math.round(r.sessionsErrored).toLocaleString('en-US')} errored`;
}

describe('status bar', () => {
  let api: ReleaseHealthTestApi;
  let tracked: ReleaseHealth;
  before(async () => {
    api = await extensionApi();
    await resetSettings(['release', ...THRESHOLD_KEYS]);
    await setSetting('source', 'demo');
    const snapshot = await waitForData(api, 'demo');
    // A release with sessions and some crashes, so that thresholds decide its colour.
    const candidates = snapshot.overview.releases.filter(
      (r) => r.hasHealthData && r.totalSessions > 0 && r.crashFreeSessions !== null && r.crashFreeSessions < 100 && r.crashFreeSessions > 0,
    );
    assert.ok(candidates.length > 0, 'the demo data has a release with crashes');
    tracked = candidates[0];
  });
  after(() => resetSettings(['source', 'release', ...THRESHOLD_KEYS]));

  it('follows a pinned release: "$(pulse) <release>: N errored"', async () => {
    await setSetting('release', tracked.release);
    const text = await waitUntil(`status bar text '${expectedText(tracked)}' (now '${api.statusBarItem.text}')`, () =>
      api.statusBarItem.text === expectedText(tracked) ? api.statusBarItem.text : undefined,
    );
    assert.match(text, /^\$\(pulse\) .+: [\d,]+ errored$/);
    assert.strictEqual(api.statusBarItem.command && typeof api.statusBarItem.command === 'object' ? api.statusBarItem.command.command : api.statusBarItem.command, 'releaseHealth.showReleaseHealth');
  });

  it('turns red when the thresholds make the release critical, and plain when healthy', async () => {
    const cf = tracked.crashFreeSessions!;
    // Critical: both thresholds above the release's crash-free rate.
    await setSetting('thresholds.minimumSessions', 0);
    await setSetting('thresholds.target', 100);
    await setSetting('thresholds.critical', Math.min(100, Math.ceil(cf + 0.001)));
    await waitUntil(`the error background (now ${background(api)})`, () => background(api) === 'statusBarItem.errorBackground');
    // Warning: between critical and target.
    await setSetting('thresholds.critical', Math.max(0, Math.floor(cf - 1)));
    await waitUntil(`the warning background (now ${background(api)})`, () => background(api) === 'statusBarItem.warningBackground');
    // Healthy: at or above the target.
    await setSetting('thresholds.target', Math.max(0, Math.floor(cf - 1)));
    await waitUntil(`no background (now ${background(api)})`, () => api.statusBarItem.backgroundColor === undefined);
    assert.strictEqual(api.statusBarItem.text, expectedText(tracked), 'the text does not depend on thresholds');
  });

  it('"Track Release" pins another release', async () => {
    const snapshot = await waitForData(api, 'demo');
    const other = snapshot.overview.releases.find((r) => r.hasHealthData && r.release !== tracked.release);
    assert.ok(other, 'the demo data has a second release');
    await vscode.commands.executeCommand('releaseHealth.trackRelease', { source: 'demo', project: other.project, release: other.release });
    await waitUntil(`the status bar to show ${other.release} (now '${api.statusBarItem.text}')`, () => api.statusBarItem.text.includes(`${other.release}:`));
    assert.strictEqual(vscode.workspace.getConfiguration('releaseHealth').get('release'), other.release);
  });
});
