// The language-model tools inside VS Code: each one invoked through `vscode.lm.invokeTool`, as an
// agent would, on the demo data; the figures equal the store's.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { compareReleases } from '../../../src/health/compareReleases';
import type { ReleaseHealth } from '../../../src/health/types';
import { config, extensionApi, resetSettings, setSetting, waitForData, waitUntil, type ReleaseHealthTestApi } from './helpers';

const TOOLS = ['releaseHealth_listReleases', 'releaseHealth_getRelease', 'releaseHealth_compareReleases', 'releaseHealth_checkGate'];

interface Answer {
  text: string;
  json: Record<string, unknown>;
}

async function invoke(name: string, input: object): Promise<Answer> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, new vscode.CancellationTokenSource().token);
  const parts = result.content.map((p) => (p as { value?: unknown }).value);
  assert.strictEqual(parts.length, 2, `${name} returns text and JSON`);
  assert.strictEqual(typeof parts[0], 'string');
  return { text: parts[0] as string, json: JSON.parse(parts[1] as string) };
}

async function invokeError(name: string, input: object): Promise<string> {
  try {
    await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, new vscode.CancellationTokenSource().token);
  } catch (err) {
    return (err as Error).message;
  }
  assert.fail(`${name} did not fail`);
}

describe('language-model tools (vscode.lm.invokeTool)', function () {
  this.timeout(90_000);
  let api: ReleaseHealthTestApi;
  const SETTINGS = ['source', 'release', 'summaryPeriod', 'thresholds.target'];

  before(async () => {
    api = await extensionApi();
    await resetSettings(SETTINGS);
  });
  after(() => resetSettings(SETTINGS));

  it('contributes and registers the tools with their input schemas', async () => {
    const pkg = vscode.extensions.getExtension('release-health.release-health')!.packageJSON as { contributes: { languageModelTools: Array<{ name: string; inputSchema: object }> } };
    for (const name of TOOLS) {
      const tool = await waitUntil(`tool ${name} in vscode.lm.tools`, () => vscode.lm.tools.find((t) => t.name === name));
      const contributed = pkg.contributes.languageModelTools.find((t) => t.name === name)!;
      assert.deepStrictEqual(tool.inputSchema, contributed.inputSchema, `${name} schema`);
      assert.ok(tool.description.length > 200, `${name} has a precise description`);
    }
  });

  it('without a source, each tool says how to configure one', async () => {
    await waitUntil('the store to be unconfigured', () => api.store.state.status === 'unconfigured');
    for (const name of TOOLS) {
      assert.match(await invokeError(name, {}), /not configured yet.*Connect to Sentry/, name);
    }
  });

  it('list releases: every release of the store with its status and rates', async () => {
    await setSetting('source', 'demo');
    const snapshot = await waitForData(api, 'demo');
    const { text, json } = await invoke('releaseHealth_listReleases', {});
    assert.match(text, /^Source: Demo data; last 24 hours; all environments;/);
    const listed = (json.projects as Array<{ project: string; releases: Array<Record<string, unknown>> }>).flatMap((p) => p.releases.map((r) => ({ ...r, project: p.project }) as Record<string, unknown> & { project: string; release: string }));
    assert.strictEqual(listed.length, snapshot.overview.releases.length);
    for (const r of listed) {
      const s = api.store.findRelease({ source: 'demo', project: r.project, release: r.release as string })!;
      assert.ok(s, `${r.project} ${r.release} is in the store`);
      for (const k of ['healthStatus', 'crashFreeSessions', 'crashFreeUsers', 'totalSessions', 'totalUsers', 'adoption', 'regression'] as const) {
        assert.deepStrictEqual(r[k], s[k], `${r.project} ${r.release} ${k}`);
      }
    }
  });

  it('get release: the tracked release by default, any release by name, figures equal to the store', async () => {
    // Track a release that has a previous one (the comparison below needs it), as "Track in Status Bar" does.
    const pinned = api.store.snapshot!.overview.releases.find((r) => r.hasHealthData && r.previousRelease !== null && r.totalSessions > 0)!;
    assert.ok(pinned, 'a demo release with a previous release');
    await setSetting('release', pinned.release);
    await waitUntil(`the status bar to track ${pinned.release} (now '${api.statusBarItem.text}')`, () => api.statusBarItem.text.includes(`${pinned.release}:`));
    const { json } = await invoke('releaseHealth_getRelease', {});
    const tracked = pinned.release;
    const got = json.release as ReleaseHealth;
    assert.strictEqual(got.release, tracked);
    assert.deepStrictEqual(got, api.store.findRelease({ source: 'demo', project: got.project, release: got.release }));

    const other = api.store.snapshot!.overview.releases.filter((r) => r.hasHealthData).at(-1)!;
    const named = await invoke('releaseHealth_getRelease', { release: other.release, project: other.project });
    assert.deepStrictEqual(named.json.release, other);
    assert.ok(named.text.includes(JSON.stringify(other.release)), named.text);

    assert.match(await invokeError('releaseHealth_getRelease', { release: 'no-such-release' }), /^Unknown release "no-such-release"\. Releases with health data: /);
  });

  it('get release for another period answers as the store does once the user picks that period', async () => {
    const r = api.store.snapshot!.overview.releases.find((x) => x.hasHealthData)!;
    const week = (await invoke('releaseHealth_getRelease', { release: r.release, project: r.project, summaryPeriod: '7d' })).json;
    assert.strictEqual(api.store.snapshot!.overview.summaryPeriod, '24h', 'the shown data did not change');
    await setSetting('summaryPeriod', '7d');
    await waitUntil('the store to show 7d', () => api.store.state.status === 'ready' && api.store.snapshot!.overview.summaryPeriod === '7d');
    assert.deepStrictEqual(week.release, api.store.findRelease({ source: 'demo', project: r.project, release: r.release }));
    await setSetting('summaryPeriod', undefined);
    await waitUntil('the store to show 24h', () => api.store.state.status === 'ready' && api.store.snapshot!.overview.summaryPeriod === '24h');
  });

  it('compare releases: the tracked release against its previous one, figures from the store; equal age through the store', async () => {
    const tracked = config().get<string>('release')!;
    assert.ok(tracked, 'the previous test pinned a release');
    const { json, text } = await invoke('releaseHealth_compareReleases', {});
    assert.strictEqual(json.candidate, tracked);
    const candidate = api.store.findRelease({ source: 'demo', project: json.project as string, release: tracked })!;
    assert.ok(candidate.previousRelease, 'the tracked demo release has a previous release');
    assert.strictEqual(json.base, candidate.previousRelease);
    const base = api.store.findRelease({ source: 'demo', project: candidate.project, release: candidate.previousRelease })!;
    assert.deepStrictEqual(json.candidateHealth, candidate);
    assert.deepStrictEqual(json.baseHealth, base);
    const expected = compareReleases(base, candidate, { minimumSessions: 30 });
    assert.deepStrictEqual(json.crashFreeSessions, expected.crashFreeSessions);
    assert.deepStrictEqual(json.crashFreeUsers, expected.crashFreeUsers);
    assert.ok(text.includes(`${JSON.stringify(tracked)} (candidate) compared with ${JSON.stringify(base.release)} (base)`), text);

    const aged = (await invoke('releaseHealth_compareReleases', { candidate: tracked, project: candidate.project, age: 24 })).json;
    assert.strictEqual(aged.age, 24);
    const windows = await api.store.loadEqualAge({ project: candidate.project, releases: [base.release, tracked], ageHours: 24 });
    const inWindow = (v: string) => windows.overview.releases.find((r) => r.project === candidate.project && r.release === v);
    assert.deepStrictEqual(aged.candidateHealth, inWindow(tracked));
    assert.deepStrictEqual(aged.baseHealth, inWindow(base.release));
  });

  it('check gate: the outcome follows the store figures and the threshold settings', async () => {
    const r = api.store.snapshot!.overview.releases.find((x) => x.hasHealthData && x.totalSessions >= 30 && x.crashFreeSessions !== null && x.crashFreeSessions < 100)!;
    assert.ok(r, 'a demo release with enough sessions and a crash');
    const above = (await invoke('releaseHealth_checkGate', { release: r.release, project: r.project, crashFreeSessions: r.crashFreeSessions! })).json;
    assert.strictEqual(above.outcome, 'pass');
    assert.strictEqual((above.figures as { crashFreeSessions: number }).crashFreeSessions, r.crashFreeSessions);
    assert.strictEqual((above.figures as { totalSessions: number }).totalSessions, r.totalSessions);
    const below = await invoke('releaseHealth_checkGate', { release: r.release, project: r.project, crashFreeSessions: Math.min(100, r.crashFreeSessions! + 0.01) });
    assert.strictEqual(below.json.outcome, 'fail');
    assert.match(below.text, /FAIL: crash-free sessions/);
    const thin = await invoke('releaseHealth_checkGate', { release: r.release, project: r.project, minSessions: r.totalSessions + 1 });
    assert.strictEqual(thin.json.outcome, 'insufficient-data');

    // Without thresholds: the user's target.
    await setSetting('thresholds.target', Math.max(0, Math.floor(r.crashFreeSessions!) - 1));
    await waitUntil('thresholds applied', () => api.store.findRelease({ source: 'demo', project: r.project, release: r.release }));
    assert.strictEqual((await invoke('releaseHealth_checkGate', { release: r.release, project: r.project })).json.outcome, 'pass');
    await setSetting('thresholds.target', 100);
    assert.strictEqual((await invoke('releaseHealth_checkGate', { release: r.release, project: r.project })).json.outcome, 'fail');
  });
});
