// The Sentry source end to end inside VS Code: the project's real local Sentry-style server
// (seeded with the demo dataset), a token set through "Connect to Sentry…", the store, the
// tree and the status bar; figures equal to the raw-file pipeline on the same sessions.
import * as assert from 'assert';
import { Readable } from 'stream';
import * as vscode from 'vscode';
import { demoAnchor, generateDemoNdjson } from '../../../src/demo/demoDataset';
import { DEFAULT_THRESHOLDS } from '../../../src/health/types';
import { overviewFromAccumulator } from '../../../src/raw/fileOverview';
import { readSessionStream } from '../../../src/raw/readSessionStream';
import { startServer } from '../../../src/server/server';
import { closeAllEditors, extensionApi, resetSettings, setSetting, waitForData, waitUntil, type ReleaseHealthTestApi } from './helpers';

const TOKEN = 'local-server-integration-token';
const SESSIONS = 6000;

describe('Sentry source: the local Sentry-style server', function () {
  this.timeout(120_000);
  let api: ReleaseHealthTestApi;
  let server: Awaited<ReturnType<typeof startServer>>;
  const seededAt = Date.now();
  const SETTINGS = ['source', 'sentry.url', 'sentry.organization', 'sentry.projects', 'release'];

  before(async () => {
    api = await extensionApi();
    await resetSettings(SETTINGS);
    server = await startServer({ port: 0, token: TOKEN, demo: { sessions: SESSIONS }, clock: () => seededAt, log: () => undefined });
  });
  after(async () => {
    await api.secrets.delete(`releaseHealth.sentryToken:${server.url}|${server.org}`);
    await resetSettings(SETTINGS);
    await server.close();
  });

  it('connects with a token set through the command and shows the same figures as the raw pipeline', async () => {
    // A panel open on the demo data follows its release to the server's data (same demo dataset).
    await setSetting('source', 'demo');
    await waitForData(api, 'demo');
    const demoKey = { source: 'demo' as const, project: 'desktop', release: 'desktop@5.2.0' };
    await vscode.commands.executeCommand('releaseHealth.showReleaseHealth', demoKey);
    await waitUntil('the demo panel', () => api.panels.has(demoKey));
    // One path per reaction: the settings watcher loads the new source; the command does not load again.
    let loads = 0;
    const counting = api.store.onDidChange(() => {
      if (api.store.state.status === 'loading') loads++;
    });
    const result = await vscode.commands.executeCommand<{ ok: boolean; message?: string }>('releaseHealth.connect', {
      url: server.url,
      organization: server.org,
      token: TOKEN,
      projects: [],
    });
    counting.dispose();
    assert.strictEqual(result?.ok, true, `connect failed: ${JSON.stringify(result)}`);
    assert.strictEqual(api.store.state.status, 'ready', 'connect resolves once the data is loaded');
    assert.strictEqual(loads, 1, `one loading state for connect, not ${loads} (a second fetch replaced the first)`);
    const snapshot = await waitUntil(`Sentry data in the store (${api.store.state.status})`, () => {
      const s = api.store.state;
      return s.status === 'ready' && s.snapshot.scope.kind === 'sentry' ? s.snapshot : undefined;
    }, 90_000);

    const now = Date.parse(snapshot.overview.now) / 1000;
    const { accumulator } = await readSessionStream(Readable.from([Buffer.from(generateDemoNdjson({ now: demoAnchor(seededAt / 1000), sessions: SESSIONS }))]), {
      now,
      defaultProject: 'default',
    });
    const expected = overviewFromAccumulator(accumulator, {
      now,
      summaryPeriod: snapshot.overview.summaryPeriod,
      healthPeriod: snapshot.overview.healthPeriod,
      stat: snapshot.overview.stat,
      thresholds: DEFAULT_THRESHOLDS,
      environments: null,
    });
    const key = (r: { project: string; release: string }) => `${r.project}/${r.release}`;
    const got = new Map(snapshot.overview.releases.map((r) => [key(r), r]));
    const withData = expected.releases.filter((r) => r.hasHealthData);
    assert.ok(withData.length >= 5, 'the demo data has releases with health data');
    for (const e of withData) {
      const g = got.get(key(e));
      assert.ok(g, `${key(e)} is missing from the Sentry source`);
      for (const f of ['totalSessions', 'sessionsErrored', 'sessionsCrashed', 'sessionsHealthy', 'totalUsers', 'usersCrashed', 'crashFreeSessions', 'crashFreeUsers', 'adoption', 'sessionsAdoption', 'healthStatus'] as const) {
        assert.deepStrictEqual(g[f], e[f], `${key(e)} ${f}`);
      }
    }

    const sentryKey = { ...demoKey, source: 'sentry' as const };
    await waitUntil('the panel to follow its release to the server', () => api.panels.has(sentryKey) && !api.panels.has(demoKey));
    await vscode.commands.executeCommand('releaseHealth.showReleaseHealth', sentryKey);
    assert.deepStrictEqual(api.panels.openPanels, [sentryKey], 'one tab for the release, not a second one');
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label === 'Release Health: desktop@5.2.0');
    assert.strictEqual(tabs.length, 1);
    await closeAllEditors();

    // The tree lists the server's projects; the status bar tracks a release with its crash-free rate.
    const roots = await api.treeProvider.getChildren();
    assert.ok(roots && roots.length >= 3, 'three demo projects in the tree');
    const tracked = await waitUntil('the status bar to show a release', () => /^\$\([a-z]+\) (.+): [\d,]+ errored · (\d+\.\d\d)% crash-free$/.exec(api.statusBarItem.text) ?? undefined);
    const release = snapshot.overview.releases.find((r) => r.release === tracked[1].replace(/\\\$\(/g, '$('));
    assert.ok(release, `status bar release ${tracked[1]} is in the data`);
    assert.strictEqual(tracked[2], release.crashFreeSessions!.toFixed(2));
  });
});
