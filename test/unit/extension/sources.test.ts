import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { demoAnchor, generateDemoNdjson } from '../../../src/demo/demoDataset';
import { computeFileOverview } from '../../../src/raw/fileOverview';
import { readSettings, type ReleaseHealthSettings } from '../../../src/extension/settings';
import { DemoSource } from '../../../src/extension/sources/demoSource';
import { FileSource, resolveSessionFile } from '../../../src/extension/sources/fileSource';
import { SentrySource } from '../../../src/extension/sources/sentrySource';
import { TokenStore, tokenKey } from '../../../src/extension/sentry/tokenStore';
import type { SentryClient } from '../../../src/extension/sentry/sentryClient';
import { LoadCancelled, SourceError, type SourceRequest } from '../../../src/extension/store/healthSource';
import { NOW } from '../fixtures/sessionLines';
import { overview, release } from './releaseFixtures';

function settingsOf(values: Record<string, unknown>): ReleaseHealthSettings {
  return readSettings({ get: <T>(k: string) => values[k] as T });
}

function request(values: Record<string, unknown>, over: Partial<SourceRequest> = {}): SourceRequest {
  return { settings: settingsOf(values), now: NOW, signal: new AbortController().signal, force: false, ...over };
}

describe('extension/sources: demo', () => {
  it('gives the figures the CLI computes from the same demo data (same seed, same now)', async function () {
    this.timeout(60_000);
    const sessions = 3000;
    const values = { source: 'demo', summaryPeriod: '7d', healthStatsPeriod: '24h', environments: ['production'] };
    const result = await new DemoSource(sessions).load(request(values));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-demo-'));
    const file = path.join(dir, 'demo.ndjson');
    fs.writeFileSync(file, generateDemoNdjson({ now: demoAnchor(NOW), sessions }));
    const cli = await computeFileOverview(file, {
      now: NOW, summaryPeriod: '7d', healthPeriod: '24h', stat: 'sessions',
      thresholds: { target: 99.5, critical: 98, minimumSessions: 30 }, environments: ['production'], defaultProject: 'default',
    });
    const { skipped: _s, ...cliOverview } = cli;
    void _s;
    assert.deepEqual(result.overview, cliOverview);
    assert.equal(result.scope.label, 'Demo data');
    assert.equal(result.scope.kind, 'demo');
    assert.ok(result.environments.includes('production') && result.environments.includes('staging'));
    assert.deepEqual([...new Set(result.overview.releases.map((r) => r.project))].sort(), ['desktop', 'mobile-app', 'web-frontend']);
    fs.rmSync(dir, { recursive: true });
  });

  it('keeps its generated data between loads until a refresh', async () => {
    const source = new DemoSource(300);
    const a = await source.load(request({ source: 'demo' }));
    const b = await source.load(request({ source: 'demo', summaryPeriod: '90d' }, { now: NOW + 3600 }));
    assert.equal(a.overview.now, b.overview.now, 'same data, same now');
    const c = await source.load(request({ source: 'demo' }, { now: NOW + 3600, force: true }));
    assert.notEqual(c.overview.now, a.overview.now);
  });
});

describe('extension/sources: file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-file-'));
  after(() => fs.rmSync(dir, { recursive: true }));

  it('resolves relative paths against the first workspace folder', () => {
    assert.equal(resolveSessionFile('data/s.ndjson', '/ws'), path.join('/ws', 'data/s.ndjson'));
    assert.equal(resolveSessionFile('/abs/s.ndjson', '/ws'), '/abs/s.ndjson');
    assert.equal(resolveSessionFile('rel.ndjson', undefined), null);
    assert.equal(resolveSessionFile('', '/ws'), null);
  });

  it('reads the file with the pipeline and reports skipped lines', async () => {
    const started = new Date((NOW - 3600) * 1000).toISOString();
    fs.writeFileSync(
      path.join(dir, 's.ndjson'),
      [
        JSON.stringify({ sid: 'a', did: 'u', init: true, started, status: 'exited', attrs: { release: 'r1', environment: 'prod' } }),
        'not json',
        JSON.stringify({ sid: 'b', started: 'soon', attrs: { release: 'r1' } }),
      ].join('\n'),
    );
    const result = await new FileSource(() => dir).load(request({ source: 'file', 'file.path': 's.ndjson' }));
    assert.deepEqual(result.overview.releases.map((r) => [r.project, r.release, r.totalSessions]), [['default', 'r1', 1]]);
    assert.equal(result.skipped?.count, 2);
    assert.deepEqual(result.skipped?.samples.map((s) => s.line), [2, 3]);
    assert.equal(result.scope.label, 's.ndjson');
    assert.deepEqual(result.environments, ['prod']);
  });

  it('says what is wrong with the setting, with Open Settings as the fix', async () => {
    for (const [values, pattern] of [
      [{ source: 'file' }, /No session file set/],
      [{ source: 'file', 'file.path': 'missing.ndjson' }, /not found/],
      [{ source: 'file', 'file.path': '.' }, /Not a file/],
    ] as const) {
      await assert.rejects(new FileSource(() => dir).load(request(values)), (err: unknown) => {
        assert.ok(err instanceof SourceError);
        assert.match(err.message, pattern);
        assert.equal(err.storeError.fixCommand, 'releaseHealth.openSettings');
        return true;
      });
    }
  });
});

describe('extension/sources: sentry', () => {
  function secrets(initial: Record<string, string> = {}) {
    const map = new Map(Object.entries(initial));
    return { map, get: async (k: string) => map.get(k), store: async (k: string, v: string) => void map.set(k, v), delete: async (k: string) => void map.delete(k) };
  }
  const values = { source: 'sentry', 'sentry.url': 'https://sentry.example.com', 'sentry.organization': 'acme', 'sentry.projects': ['web'], environments: ['production'] };

  it('keeps the token under a key per base URL and organization', async () => {
    const s = secrets();
    const tokens = new TokenStore(s);
    await tokens.store('https://sentry.io/', 'acme', ' tok ');
    assert.deepEqual([...s.map.entries()], [['releaseHealth.sentryToken:https://sentry.io|acme', 'tok']]);
    assert.equal(await tokens.get('https://sentry.io', 'acme'), 'tok');
    assert.equal(await tokens.get('https://sentry.io', 'other'), undefined);
    assert.equal(tokenKey('https://de.sentry.io//', 'acme'), 'releaseHealth.sentryToken:https://de.sentry.io|acme');
  });

  it('without a token: a quiet "not signed in" with Connect as the fix, and no request', async () => {
    let calls = 0;
    const client = { fetchOverview: async () => void calls++ } as unknown as SentryClient;
    await assert.rejects(new SentrySource(client, new TokenStore(secrets()), () => undefined).load(request(values)), (err: unknown) => {
      assert.ok(err instanceof SourceError);
      assert.equal(err.storeError.fixCommand, 'releaseHealth.connect');
      assert.equal(err.storeError.quiet, true);
      return true;
    });
    assert.equal(calls, 0);
  });

  it('reads the commit lists of the newest releases with several commits; a failing list leaves the last commit', async () => {
    const rec = (version: string, commitCount: number) => ({
      version, projects: ['web'], dateCreated: null, dateReleased: null, commitCount, deployCount: 0, lastDeploy: null,
      lastCommit: commitCount > 0 ? { id: `${version}-head`, message: null, dateCreated: null, authorName: null, authorEmail: null } : null,
    });
    const asked: string[] = [];
    const client: SentryClient = {
      checkConnection: async () => ({ regionUrl: null }),
      listProjects: async () => [],
      fetchOverview: async () => ({
        overview: overview([release({ project: 'web' })]),
        projects: [{ id: '1', slug: 'web', name: 'Web' }],
        records: [rec('w7', 3), rec('w6', 1), rec('w5', 0), rec('w4', 2), rec('w3', 2), rec('w2', 2), rec('w1', 2), rec('w0', 2)],
      }),
      fetchDeploys: async () => [],
      fetchCommits: async (_c, version) => {
        asked.push(version);
        if (version === 'w4') throw new Error('500');
        return [`${version}-head`, `${version}-older`];
      },
    };
    const said: string[] = [];
    const tokens = new TokenStore(secrets({ 'releaseHealth.sentryToken:https://sentry.example.com|acme': 'sntryu_x' }));
    const result = await new SentrySource(client, tokens, () => undefined, (line) => said.push(line)).load(request(values));
    assert.deepEqual(asked.sort(), ['w1', 'w2', 'w3', 'w4', 'w7']);
    const byVersion = new Map(result.records!.map((r) => [r.version, r.commits]));
    assert.deepEqual(byVersion.get('w7'), ['w7-head', 'w7-older']);
    assert.equal(byVersion.get('w4'), undefined);
    assert.equal(byVersion.get('w6'), undefined);
    assert.match(said.join('\n'), /Commits of w4 could not be read/);
  });

  it('passes settings, token, proxy and signal to the client; scope has project ids for links', async () => {
    const seen: unknown[] = [];
    const client: SentryClient = {
      checkConnection: async () => ({ regionUrl: null }),
      listProjects: async () => [],
      fetchOverview: async (c, projects, options, hooks) => {
        seen.push(c, projects, options.environments, options.summaryPeriod, hooks.signal !== undefined);
        hooks.log?.({ method: 'GET', path: '/api/0/organizations/acme/sessions/', status: 200, ms: 12 });
        return {
          overview: overview([release({ project: 'web' })]),
          projects: [{ id: '42', slug: 'web', name: 'Web', environments: ['production', 'staging'] }],
          regionUrl: 'https://us.sentry.example.com',
        };
      },
      fetchDeploys: async () => [],
      fetchCommits: async () => [],
    };
    const logged: unknown[] = [];
    const said: string[] = [];
    const tokens = new TokenStore(secrets({ 'releaseHealth.sentryToken:https://sentry.example.com|acme': 'sntryu_x' }));
    const source = new SentrySource(client, tokens, (e) => logged.push(e), (line) => said.push(line));
    const result = await source.load(request(values));
    await source.load(request(values));
    assert.deepEqual(said, ["sentry.example.com / acme: API calls go to the organization's region, us.sentry.example.com"], 'the region is named once');
    assert.deepEqual(seen[0], {
      url: 'https://sentry.example.com', organization: 'acme', token: 'sntryu_x', proxy: { url: null, strictSSL: true }, timeoutSeconds: 30,
    });
    assert.deepEqual(seen.slice(1, 5), [['web'], ['production'], '24h', true]);
    assert.equal(result.scope.label, 'sentry.example.com / acme');
    assert.equal(result.scope.sentryUrl, 'https://sentry.example.com');
    assert.deepEqual(result.scope.projectIds, { web: '42' });
    assert.deepEqual(result.environments, ['production', 'staging']);
    assert.equal(logged.length, 2, 'one request per load');
  });

  it('maps API errors to what the user should do; a cancelled request is a cancelled load', async () => {
    const failing = (kind: string): SentryClient => ({
      checkConnection: async () => ({ regionUrl: null }),
      listProjects: async () => [],
      fetchDeploys: async () => [],
      fetchCommits: async () => [],
      fetchOverview: async () => {
        throw Object.assign(new Error(`${kind} failure`), { kind });
      },
    });
    const tokens = new TokenStore(secrets({ 'releaseHealth.sentryToken:https://sentry.example.com|acme': 't' }));
    await assert.rejects(new SentrySource(failing('auth'), tokens, () => undefined).load(request(values)), (err: unknown) => {
      assert.ok(err instanceof SourceError);
      assert.equal(err.storeError.fixCommand, 'releaseHealth.connect');
      assert.equal(err.message, 'auth failure', 'the client\'s own message');
      return true;
    });
    await assert.rejects(new SentrySource(failing('cancelled'), tokens, () => undefined).load(request(values)), LoadCancelled);
  });
});
