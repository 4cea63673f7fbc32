import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi, resetSettings, setSetting, waitForData, waitUntil, type ReleaseHealth, type ReleaseHealthTestApi } from './helpers';

const THRESHOLD_KEYS = ['thresholds.target', 'thresholds.critical', 'thresholds.minimumSessions'];

function background(api: ReleaseHealthTestApi): string | undefined {
  const c = api.statusBarItem.backgroundColor;
  return c instanceof vscode.ThemeColor ? c.id : undefined;
}

const STATUS_ICONS: Record<ReleaseHealth['healthStatus'], string> = { healthy: '$(pulse)', 'insufficient-data': '$(pulse)', warning: '$(warning)', critical: '$(error)' };

/** The text for the release's status under the current thresholds: its icon and its crash-free rate. */
function expectedText(r: ReleaseHealth, status = r.healthStatus): string {
  return `${STATUS_ICONS[status]} ${r.release}: ${r.sessionsErrored.toLocaleString('en-US')} errored · ${r.crashFreeSessions!.toFixed(2)}% crash-free`;
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

  it('follows a pinned release: "<status icon> <release>: 12 errored · 99.12% crash-free"', async () => {
    await setSetting('release', tracked.release);
    const text = await waitUntil(`status bar text '${expectedText(tracked)}' (now '${api.statusBarItem.text}')`, () =>
      api.statusBarItem.text === expectedText(tracked) ? api.statusBarItem.text : undefined,
    );
    assert.match(text, /^\$\((pulse|warning|error)\) .+: [\d,]+ errored · \d+\.\d\d% crash-free$/);
    assert.strictEqual(api.statusBarItem.command && typeof api.statusBarItem.command === 'object' ? api.statusBarItem.command.command : api.statusBarItem.command, 'releaseHealth.showReleaseHealth');
  });

  it('stands out (warning background, never the error one) only when the thresholds make the release critical', async () => {
    const cf = tracked.crashFreeSessions!;
    // Critical: both thresholds above the release's crash-free rate.
    await setSetting('thresholds.minimumSessions', 0);
    await setSetting('thresholds.target', 100);
    await setSetting('thresholds.critical', Math.min(100, Math.ceil(cf + 0.001)));
    await waitUntil(`the warning background (now ${background(api)})`, () => background(api) === 'statusBarItem.warningBackground');
    assert.strictEqual(api.statusBarItem.text, expectedText(tracked, 'critical'));
    // Warning: between critical and target: the icon says it, no background.
    await setSetting('thresholds.critical', Math.max(0, Math.floor(cf - 1)));
    await waitUntil(`'${expectedText(tracked, 'warning')}' (now '${api.statusBarItem.text}')`, () => api.statusBarItem.text === expectedText(tracked, 'warning'));
    assert.strictEqual(api.statusBarItem.backgroundColor, undefined);
    // Healthy: at or above the target.
    await setSetting('thresholds.target', Math.max(0, Math.floor(cf - 1)));
    await waitUntil(`'${expectedText(tracked, 'healthy')}' (now '${api.statusBarItem.text}')`, () => api.statusBarItem.text === expectedText(tracked, 'healthy'));
    assert.strictEqual(api.statusBarItem.backgroundColor, undefined);
    // The tooltip says what the figures cover.
    const tooltip = api.statusBarItem.tooltip instanceof vscode.MarkdownString ? api.statusBarItem.tooltip.value : String(api.statusBarItem.tooltip);
    assert.match(tooltip, /last 24 hours · All environments/);
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
