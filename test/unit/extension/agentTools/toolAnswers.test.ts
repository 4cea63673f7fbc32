// The language-model tools' answers without VS Code: the real store over a fake source, the
// defaults from the settings, loads for other periods beside the shown data, actionable errors.
import { strict as assert } from 'assert';
import { AgentToolError } from '../../../../src/agents/agentToolError';
import { agentErrorOf, NOT_CONFIGURED } from '../../../../src/extension/agentTools/agentErrors';
import { answerCheckGate, answerCompareReleases, answerGetRelease, answerListReleases, type AgentToolDeps } from '../../../../src/extension/agentTools/toolAnswers';
import { compareReleases } from '../../../../src/health/compareReleases';
import type { EqualAgeRequest } from '../../../../src/health/equalAge';
import { checkGateInput, compareReleasesInput, getReleaseInput, listReleasesInput } from '../../../../src/extension/agentTools/toolInputs';
import { sentryFetchOf } from '../../../../src/extension/agentTools/toolMessages';
import { readSettings, type ReleaseHealthSettings } from '../../../../src/extension/settings';
import { sourceSelector } from '../../../../src/extension/sources/selectSource';
import { SourceError, type HealthSource, type SourceRequest, type SourceResult } from '../../../../src/extension/store/healthSource';
import { ReleaseHealthStore } from '../../../../src/extension/store/releaseHealthStore';
import type { SourceKind } from '../../../../src/extension/store/storeTypes';
import { overview, release, scope } from '../releaseFixtures';

/** Figures that depend on the period asked for, so a test sees which load answered. */
class PeriodSource implements HealthSource {
  requests: SourceRequest[] = [];
  failWith: unknown = null;
  constructor(readonly kind: SourceKind) {}
  async load(request: SourceRequest): Promise<SourceResult> {
    this.requests.push(request);
    if (this.failWith) throw this.failWith;
    const n = request.settings.summaryPeriod === '7d' ? 7000 : 1000;
    const releases = [
      release({ project: 'app', release: 'app@2.0', firstSeen: '2026-11-25T00:00:00.000Z', totalSessions: n, sessionsCrashed: 9, crashFreeSessions: 99.1, previousRelease: 'app@1.0' }),
      release({ project: 'app', release: 'app@1.0', firstSeen: '2026-11-01T00:00:00.000Z', totalSessions: n }),
      release({ project: 'web', release: 'web@1.0', totalSessions: 12 }),
    ];
    return {
      overview: { ...overview(releases), summaryPeriod: request.settings.summaryPeriod },
      scope: scope({ kind: this.kind, summaryPeriod: request.settings.summaryPeriod, environments: request.settings.environments }),
      skipped: null,
      environments: [],
    };
  }
}

function setup(values: Record<string, unknown> = { source: 'demo' }) {
  const sources = { demo: new PeriodSource('demo'), file: new PeriodSource('file'), sentry: new PeriodSource('sentry') };
  const settings = (): ReleaseHealthSettings => readSettings({ get: <T>(k: string) => values[k] as T });
  const store = new ReleaseHealthStore({ readSettings: settings, selectSource: sourceSelector(sources), clock: () => 1_000_000, log: () => undefined });
  const ageRequests: EqualAgeRequest[] = [];
  const deps: AgentToolDeps = {
    snapshotFor: (o, s) => store.snapshotFor(o, s),
    // Equal-age figures: the same releases with ten times the sessions, so a test sees they were used.
    loadEqualAge: async (request) => {
      ageRequests.push(request);
      const shown = await store.snapshotFor({});
      return { source: 'demo', ageWindows: {}, overview: { ...shown.overview, releases: shown.overview.releases.map((r) => ({ ...r, totalSessions: r.totalSessions * 10 })) } };
    },
    settings,
  };
  return { store, sources, deps, values, ageRequests };
}

describe('extension/agentTools: answers', () => {
  it('get release: defaults to the tracked release, then the pinned one, with text and JSON', async () => {
    const { store, deps, values } = setup();
    await store.reload();
    const a = await answerGetRelease(deps, getReleaseInput({}));
    assert.equal(a.document.release.release, 'app@2.0', 'newest release of the first project');
    assert.deepEqual(a.document.release, store.findRelease({ source: 'demo', project: 'app', release: 'app@2.0' }));
    assert.equal(a.document.scope.label, 'Demo data');
    assert.match(a.text, /^Source: Demo data; last 24 hours; all environments; updated /);
    assert.match(a.text, /\n"app" "app@2\.0": warning; crash-free sessions 99\.10%/);
    values.release = 'app@1.0';
    assert.equal((await answerGetRelease(deps, getReleaseInput({}))).document.release.release, 'app@1.0');
    assert.equal((await answerGetRelease(deps, getReleaseInput({ project: 'web' }))).document.release.release, 'web@1.0');
  });

  it('another period loads beside the shown data: the store still shows its own', async () => {
    const { store, sources, deps } = setup();
    await store.reload();
    const a = await answerGetRelease(deps, getReleaseInput({ release: 'app@1.0', summaryPeriod: '7d' }));
    assert.equal(a.document.release.totalSessions, 7000);
    assert.equal(a.document.scope.summaryPeriod, '7d');
    assert.equal(store.snapshot!.overview.summaryPeriod, '24h');
    assert.equal(store.findRelease({ source: 'demo', project: 'app', release: 'app@1.0' })!.totalSessions, 1000);
    await answerGetRelease(deps, getReleaseInput({ release: 'app@1.0', summaryPeriod: '7d' }));
    assert.equal(sources.demo.requests.length, 2, 'the 7d result is cached; the shown one is reused');
    await answerListReleases(deps, listReleasesInput({ summaryPeriod: '24h' }));
    assert.equal(sources.demo.requests.length, 2);
  });

  it('list releases and the gate use the settings thresholds', async () => {
    const { store, deps, values } = setup({ source: 'demo', 'thresholds.target': 99.5, 'thresholds.minimumSessions': 30 });
    await store.reload();
    const list = await answerListReleases(deps, listReleasesInput({ project: 'app' }));
    assert.deepEqual(list.document.projects.map((p) => p.releases.map((r) => r.release)), [['app@2.0', 'app@1.0']]);
    const fail = await answerCheckGate(deps, checkGateInput({ release: 'app@2.0' }));
    assert.equal(fail.document.outcome, 'fail', '99.1% is below the 99.5% target');
    assert.match(fail.text, /FAIL: crash-free sessions 99\.10% is below 99\.5%/);
    values['thresholds.target'] = 99;
    assert.equal((await answerCheckGate(deps, checkGateInput({ release: 'app@2.0' }))).document.outcome, 'pass');
    const thin = await answerCheckGate(deps, checkGateInput({ release: 'web@1.0' }));
    assert.equal(thin.document.outcome, 'insufficient-data');
    assert.equal(thin.document.minSessions, 30);
    assert.equal((await answerCheckGate(deps, checkGateInput({ release: 'web@1.0', minSessions: 10 }))).document.outcome, 'pass');
  });

  it('compare: the tracked release against its previous one from the store, equal age through the store', async () => {
    const { store, deps, values, ageRequests } = setup({ source: 'demo', 'thresholds.minimumSessions': 30 });
    await store.reload();
    const a = await answerCompareReleases(deps, compareReleasesInput({}));
    const find = (v: string) => store.findRelease({ source: 'demo', project: 'app', release: v })!;
    assert.equal(a.document.candidate, 'app@2.0');
    assert.equal(a.document.base, 'app@1.0');
    assert.deepEqual(a.document.candidateHealth, find('app@2.0'));
    assert.deepEqual(a.document.baseHealth, find('app@1.0'));
    const expected = compareReleases(find('app@1.0'), find('app@2.0'), { minimumSessions: 30 });
    assert.deepEqual([a.document.crashFreeSessions, a.document.crashFreeUsers], [expected.crashFreeSessions, expected.crashFreeUsers]);
    assert.equal(a.document.age, null);
    assert.match(a.text, /\n"app@2\.0" \(candidate\) compared with "app@1\.0" \(base\) in project "app":\nCrash-free sessions: 99\.10% against 99\.70%; verdict /);

    const aged = await answerCompareReleases(deps, compareReleasesInput({ candidate: 'app@2.0', age: 24 }));
    assert.deepEqual(ageRequests, [{ project: 'app', releases: ['app@1.0', 'app@2.0'], ageHours: 24 }]);
    assert.equal(aged.document.candidateHealth.totalSessions, 10_000);
    assert.equal(aged.document.age, 24);

    values['thresholds.minimumSessions'] = 5000;
    assert.equal((await answerCompareReleases(deps, compareReleasesInput({}))).document.crashFreeSessions.verdict, 'insufficient-data');
    assert.equal((await answerCompareReleases(deps, compareReleasesInput({ minSessions: 10 }))).document.crashFreeSessions.verdict, expected.crashFreeSessions.verdict);

    await assert.rejects(answerCompareReleases(deps, compareReleasesInput({ candidate: 'app@1.0' })), { message: 'Release "app@1.0" has no earlier release with health data in project "app", so there is no default base: name one.' });
    await assert.rejects(answerCompareReleases(deps, compareReleasesInput({ candidate: 'app@1.0', base: 'app@1.0' })), { message: /same release "app@1\.0"/ });
    await assert.rejects(answerCompareReleases(deps, compareReleasesInput({ candidate: 'app@2.0', base: 'web@1.0' })), { message: /release 'web@1\.0' is not in project 'app'/ });
    await assert.rejects(answerCompareReleases(deps, compareReleasesInput({ age: 24, environments: ['staging'] })), { message: /equal-age comparison uses the environments the user has selected/ });
    assert.throws(() => compareReleasesInput({ age: 0 }), { message: '"age" must be an integer from 1 to 2160.' });
  });

  it('errors an agent can act on: not configured, signed out, unknown release, bad input', async () => {
    const unconfigured = setup({});
    await assert.rejects(answerListReleases(unconfigured.deps, {}).catch((e) => Promise.reject(agentErrorOf(e))), { message: NOT_CONFIGURED });

    const signedOut = setup({ source: 'sentry', 'sentry.organization': 'acme' });
    signedOut.sources.sentry.failWith = new SourceError({ message: 'Not signed in to sentry.io / acme.', fixCommand: 'releaseHealth.connect', fixTitle: 'Connect to Sentry…', quiet: true });
    await signedOut.store.reload();
    await assert.rejects(answerGetRelease(signedOut.deps, {}).catch((e) => Promise.reject(agentErrorOf(e))), {
      message: 'Not signed in to sentry.io / acme. To fix it, ask the user to run "Connect to Sentry…" (command releaseHealth.connect).',
    });
    assert.equal(signedOut.sources.sentry.requests.length, 1, 'the error of the shown load is reused, not fetched again');

    const { store, deps } = setup();
    await store.reload();
    await assert.rejects(answerGetRelease(deps, getReleaseInput({ release: 'app@9' })), { message: 'Unknown release "app@9". Releases with health data: "app@2.0", "app@1.0", "web@1.0".' });
    assert.throws(() => getReleaseInput({ summaryPeriod: '3d' }), { message: /"summaryPeriod" must be one of 1h, 24h/ });
    assert.throws(() => checkGateInput({ crashFreeSessions: 120 }), { message: '"crashFreeSessions" must be a number from 0 to 100.' });
    assert.throws(() => checkGateInput({ minSessions: 2.5 }), { message: '"minSessions" must be an integer from 0 to up.' });
    assert.throws(() => listReleasesInput({ environments: 'production' }), AgentToolError);
    assert.throws(() => listReleasesInput('x'), { message: 'The input must be a JSON object.' });
  });

  it('asks for confirmation only when a call fetches from Sentry beyond the shown data', () => {
    const sentry = readSettings({ get: <T>(k: string) => ({ source: 'sentry', 'sentry.organization': 'acme', environments: ['production'] } as Record<string, unknown>)[k] as T });
    assert.equal(sentryFetchOf(sentry, {}), null);
    assert.equal(sentryFetchOf(sentry, { summaryPeriod: '24h', environments: ['production'] }), null);
    assert.deepEqual(sentryFetchOf(sentry, { summaryPeriod: '7d' }), { host: 'sentry.io', organization: 'acme', summaryPeriod: '7d', environments: ['production'] });
    assert.deepEqual(sentryFetchOf(sentry, { environments: [] })?.environments, []);
    assert.ok(sentryFetchOf(sentry, { stat: 'users' }));
    const demo = readSettings({ get: <T>(k: string) => ({ source: 'demo' } as Record<string, unknown>)[k] as T });
    assert.equal(sentryFetchOf(demo, { summaryPeriod: '7d' }), null);
  });
});
