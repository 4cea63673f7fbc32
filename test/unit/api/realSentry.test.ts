// The client against Sentry as it is, not as our contract pictured it (issue 9): organization
// tokens, unknown environments, ties under offset paging, the listing's period, `detailed`,
// projects without access, the older sessions backend's silent cut, release-name quoting and
// regions. The local server behaves as Sentry does on each (with ties shuffled); the simulation
// covers what only a remote Sentry does (regions, the legacy backend).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkConnection, fetchApiOverview, listProjects, type RequestLogEntry } from '../../../src/api/fetchApiOverview';
import { SentryApiError } from '../../../src/api/errors';
import { forgetRegions, regionBase } from '../../../src/api/region';
import { organizationTokenProblem } from '../../../src/api/tokenKinds';
import { main } from '../../../src/cli/main';
import { DEFAULT_THRESHOLDS, type OverviewOptions } from '../../../src/health/types';
import { startServer, type RunningServer } from '../../../src/server/server';
import { startFake, type FakeServer } from './helpers/fakeServer';
import { sentrySim, type SimOptions, type SimRecord } from './helpers/sentrySim';

const NOW = Date.parse('2026-11-26T12:30:00Z') / 1000;
const HOUR = 3600;
const DAY = 86400;
const OPTIONS: OverviewOptions = { now: NOW, summaryPeriod: '24h', healthPeriod: '24h', stat: 'sessions', thresholds: DEFAULT_THRESHOLDS };
const USER_TOKEN = 'sntryu_personal_token_0123456789abcdef';
const ORG_TOKEN = 'sntrys_eyJpYXQiOjE3MDAwMDAwMDB9_organization_token';

beforeEach(() => forgetRegions());

const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');

/** One healthy session of `release` started at `t` (an init update that also ends it). */
function sessionLine(project: string, release: string, t: number, sid: string, environment = 'production'): string {
  return JSON.stringify({ project, sid, did: `user-${sid}`, init: true, started: iso(t), timestamp: iso(t + 60), status: 'exited', errors: 0, duration: 60, attrs: { release, environment } });
}

async function serverWith(lines: string[], extra: Parameters<typeof startServer>[0] = {}): Promise<{ server: RunningServer; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-real-sentry-'));
  const file = path.join(dir, 'sessions.ndjson');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const server = await startServer({ port: 0, now: NOW * 1000, token: USER_TOKEN, orgTokens: [ORG_TOKEN], importFile: file, projects: [{ slug: 'app', id: 1 }], ...extra });
  assert.equal(server.importReport?.skipped, 0);
  return { server, dir };
}

async function expectApiError(p: Promise<unknown>, kind: string, message: RegExp): Promise<SentryApiError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof SentryApiError, String(err));
    assert.equal(err.kind, kind, err.message);
    assert.match(err.message, message);
    return err;
  }
  assert.fail(`expected a ${kind} error`);
}

describe('api against real Sentry behaviour (issue 9): a large organization on the local server, ties shuffled', function () {
  this.timeout(120_000);
  // 20,000 dead releases (their only sessions 200 days ago), 700 live ones whose session counts
  // tie in three tiers (1, 2 or 3 sessions in the last day; every tenth has a backslash in its
  // name), 150 with sessions only 30 days ago (a backslash in every name: found through
  // release-list queries), and one created 150 days ago that still has 4 sessions today.
  const DEAD = 20_000;
  const LIVE = 700;
  const MID = 150;
  const liveName = (i: number) => (i % 10 === 0 ? `win\\build@${i}` : `live@${i}`);
  const liveCount = (i: number) => 1 + (i % 3);
  let server: RunningServer;
  let dir: string;
  before(async () => {
    const lines: string[] = [];
    for (let i = 0; i < DEAD; i++) lines.push(sessionLine('app', `dead@${i}`, NOW - 200 * DAY, `d${i}`));
    for (let i = 0; i < LIVE; i++) {
      for (let s = 0; s < liveCount(i); s++) lines.push(sessionLine('app', liveName(i), NOW - (1 + (i % 20)) * HOUR - s * 120, `l${i}-${s}`));
    }
    for (let i = 0; i < MID; i++) lines.push(sessionLine('app', `mid\\x@${i}`, NOW - 30 * DAY, `m${i}`));
    // The veteran's 4 sessions today tie with no other release: a release that is in no listing
    // can only be found by the sessions answers, and one lost among ties at a page boundary of
    // every one of them is not found at all (a limit of Sentry's offset paging; see the README).
    lines.push(sessionLine('app', 'veteran@1', NOW - 150 * DAY, 'v0'));
    for (let s = 1; s <= 4; s++) lines.push(sessionLine('app', 'veteran@1', NOW - (1 + s) * HOUR, `v${s}`));
    ({ server, dir } = await serverWith(lines, { shuffleTies: true }));
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // One refresh, read by the three tests below.
  let refresh: { o: Awaited<ReturnType<typeof fetchApiOverview>>; log: RequestLogEntry[] } | null = null;
  async function refreshOnce() {
    if (refresh) return refresh;
    const log: RequestLogEntry[] = [];
    const o = await fetchApiOverview({ baseUrl: server.url, organization: server.org }, USER_TOKEN, OPTIONS, { log: (e) => log.push(e) });
    refresh = { o, log };
    return refresh;
  }
  const byRelease = async () => new Map((await refreshOnce()).o.releases.map((r) => [r.release, r]));

  it('gives exact figures for every release whose session counts tie across a page boundary (point 3)', async () => {
    const by = await byRelease();
    for (let i = 0; i < LIVE; i++) {
      const r = by.get(liveName(i));
      assert.ok(r, `${liveName(i)} is missing`);
      assert.equal(r.hasHealthData, true, liveName(i));
      assert.equal(r.totalSessions, liveCount(i), `${liveName(i)}: sessions (a tie lost at a page boundary reads 0)`);
      assert.equal(r.totalUsers, liveCount(i), `${liveName(i)}: users`);
      assert.equal(r.crashFreeSessions, 100, liveName(i));
    }
  });

  it('finds releases with a backslash in their name through release-list queries (point 8)', async () => {
    const by = await byRelease();
    for (let i = 0; i < MID; i++) {
      const r = by.get(`mid\\x@${i}`);
      assert.ok(r, `mid\\x@${i} is missing`);
      assert.equal(r.hasHealthData, true, `mid\\x@${i}: sessions 30 days ago are health data`);
      assert.equal(r.totalSessions, 0);
    }
  });

  it('lists releases of the last 90 days only, whatever the number of dead ones, in a handful of requests (point 4)', async () => {
    const { o, log } = await refreshOnce();
    const by = await byRelease();
    const veteran = by.get('veteran@1');
    assert.ok(veteran, 'a release dated before the listing period but with sessions now comes from the sessions answers');
    assert.equal(veteran.totalSessions, 4);
    assert.equal(o.releases.filter((r) => r.release.startsWith('dead@')).length, 0, 'dead releases are not listed');
    const listings = log.filter((e) => e.path.includes('/releases/'));
    const sessions = log.filter((e) => e.path.includes('/sessions/'));
    assert.ok(listings.every((e) => e.path.includes('statsPeriod=90d')));
    // 850 releases dated within 90 days: 9 pages of 100, whatever the 20,000 dead ones.
    assert.equal(listings.length, 9);
    assert.ok(o.requests <= 40, `${o.requests} requests`);
    if (process.env.SHOW_REQUESTS) console.log(`      ${o.requests} requests: ${listings.length} listing pages, ${sessions.length} /sessions/, ${o.requests - listings.length - sessions.length} others`);
  });

  it('names the environment that does not exist, and the CLI exits 2 naming it (point 2)', async () => {
    const err = await expectApiError(
      fetchApiOverview({ baseUrl: server.url, organization: server.org, environments: ['production', 'bogus'] }, USER_TOKEN, OPTIONS),
      'unknown-environment',
      /^Environment 'bogus' does not exist in organization 'sentry'/,
    );
    assert.deepEqual(err.environments, ['bogus']);
    assert.doesNotMatch(err.message, /'production'|Organization .* not found/);

    let out = '';
    let stderr = '';
    const code = await main(
      ['overview', '--url', server.url, '--org', server.org, '--environment', 'bogus', '--now', iso(NOW)],
      { stdout: (t) => (out += t), stderr: (t) => (stderr += t), env: { SENTRY_AUTH_TOKEN: USER_TOKEN } },
    );
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(stderr, /^release-health: Environment 'bogus' does not exist/);
  });

  it('fails Connect at once for an organization token that may read the organization but not its projects (point 1)', async () => {
    const err = await expectApiError(checkConnection({ baseUrl: server.url, organization: server.org }, ORG_TOKEN), 'permission', /projects\/ \(403, missing scope org:read\)/);
    assert.match(err.message, /organization token \(sntrys_…\), which carries only org:ci/);
    assert.match(err.message, /personal token \(User Settings › Personal Tokens, sntryu_…\)/);
    const ok = await checkConnection({ baseUrl: server.url, organization: server.org }, USER_TOKEN);
    assert.equal(ok.slug, 'sentry');
  });
});

describe('api against real Sentry behaviour (issue 9): the simulation', () => {
  const projects = [{ id: '11', slug: 'app' }];
  function sim(extra: Partial<SimOptions> = {}, n = 3): SimOptions {
    const records: SimRecord[] = [];
    const releases: SimOptions['releases'] = [];
    for (let i = 0; i < n; i++) {
      releases.push({ version: `app@${i}`, dateCreated: iso(NOW - 5 * DAY), projects: ['app'] });
      records.push({ project: 'app', release: `app@${i}`, environment: 'production', t: NOW - 2 * HOUR, init: 10 + i, users: 5 });
    }
    return { token: USER_TOKEN, now: NOW, projects, releases, records, ...extra };
  }
  async function withSim<T>(o: SimOptions, fn: (s: FakeServer) => Promise<T>): Promise<T> {
    const s = await startFake(sentrySim(o));
    try {
      return await fn(s);
    } finally {
      await s.close();
    }
  }

  it('says at once why an organization token cannot work; a 403 names the missing scope and the token to use (point 1)', async () => {
    assert.match(organizationTokenProblem(ORG_TOKEN) ?? '', /organization token \(sntrys_…\).*only the org:ci scope.*personal token/);
    assert.equal(organizationTokenProblem(USER_TOKEN), null);
    assert.equal(organizationTokenProblem('0123abcd'), null);
  });

  it('asks for the organization with detailed=0 (point 5)', async () => {
    await withSim(sim(), async (s) => {
      await checkConnection({ baseUrl: s.url, organization: 'acme' }, USER_TOKEN);
      await fetchApiOverview({ baseUrl: s.url, organization: 'acme' }, USER_TOKEN, OPTIONS);
      const orgRequests = s.requests.filter((r) => r.path === '/api/0/organizations/acme/');
      assert.ok(orgRequests.length >= 1);
      for (const r of orgRequests) assert.equal(r.query.get('detailed'), '0');
    });
  });

  it('never queries a project without access, and names a configured one (point 6)', async () => {
    const o = sim({ projects: [...projects, { id: '12', slug: 'secret', noAccess: true }] });
    o.records.push({ project: 'secret', release: 'secret@1', t: NOW - HOUR, init: 99 });
    await withSim(o, async (s) => {
      const all = await listProjects({ baseUrl: s.url, organization: 'acme' }, USER_TOKEN);
      assert.deepEqual(all.map((p) => [p.slug, p.hasAccess]), [['app', true], ['secret', false]]);
      const every = await fetchApiOverview({ baseUrl: s.url, organization: 'acme' }, USER_TOKEN, OPTIONS);
      assert.deepEqual(every.projects.map((p) => p.slug), ['app']);
      assert.ok(every.releases.every((r) => r.project === 'app'));
      assert.ok(s.requests.every((r) => !r.query.getAll('project').includes('12')));
      await expectApiError(
        fetchApiOverview({ baseUrl: s.url, organization: 'acme', projects: ['app', 'secret'] }, USER_TOKEN, OPTIONS),
        'project-access',
        /no access to project 'secret' of organization 'acme'/,
      );
    });
  });

  it('splits an answer the older sessions backend may have cut, and loses no release (point 7)', async () => {
    // 24 hourly intervals (+1): that backend keeps at most 5000 // 25 = 200 groups and ignores per_page.
    await withSim(sim({ legacySessions: true }, 500), async (s) => {
      const o = await fetchApiOverview({ baseUrl: s.url, organization: 'acme' }, USER_TOKEN, OPTIONS);
      assert.equal(o.releases.length, 500);
      for (let i = 0; i < 500; i++) {
        const r = o.releases.find((x) => x.release === `app@${i}`)!;
        assert.equal(r.totalSessions, 10 + i, `app@${i}`);
      }
      const cut = s.requests.filter((r) => r.path.endsWith('/sessions/') && r.query.get('query')?.startsWith('release:['));
      assert.ok(cut.length >= 2, 'the cut answers were asked again by release list');
    });
  });

  it('completes per-project totals whose equal values straddle a page boundary (point 3)', async () => {
    const many = Array.from({ length: 450 }, (_, i) => ({ id: String(100 + i), slug: `p${i}` }));
    const o = sim({
      shuffleTies: true,
      projects: many,
      releases: many.map((p) => ({ version: `${p.slug}@1`, dateCreated: iso(NOW - DAY), projects: [p.slug] })),
      records: many.map((p) => ({ project: p.slug, release: `${p.slug}@1`, t: NOW - HOUR, init: 5, users: 2 })),
    });
    await withSim(o, async (s) => {
      const r = await fetchApiOverview({ baseUrl: s.url, organization: 'acme' }, USER_TOKEN, OPTIONS);
      assert.equal(r.releases.length, 450);
      for (const x of r.releases) {
        assert.equal(x.totalSessions, 5, x.release);
        assert.equal(x.totalProjectSessions24h, 5, `${x.project}: project adoption`);
      }
    });
  });

  it('does not trust status groups that came in pages without an order (point 3)', async () => {
    const o = sim({ honestStatusPaging: true }, 900);
    for (const r of o.records) Object.assign(r, { erroredAll: 2, crashed: 1 });
    await withSim(o, async (s) => {
      const r = await fetchApiOverview({ baseUrl: s.url, organization: 'acme' }, USER_TOKEN, OPTIONS);
      assert.equal(r.releases.length, 900);
      for (const x of r.releases) assert.equal(x.sessionsCrashed, 1, `${x.release}: crashed`);
    });
  });

  it('uses the region host named by links.regionUrl for the organization\'s calls (point 9)', async () => {
    const region = await startFake(sentrySim(sim()));
    try {
      await withSim(sim({ regionUrl: region.url }), async (gateway) => {
        const org = await checkConnection({ baseUrl: gateway.url, organization: 'acme' }, USER_TOKEN);
        assert.equal(org.regionUrl, region.url);
        const o = await fetchApiOverview({ baseUrl: gateway.url, organization: 'acme' }, USER_TOKEN, OPTIONS);
        assert.equal(o.releases.find((r) => r.release === 'app@2')!.totalSessions, 12);
        assert.deepEqual(gateway.requests.map((r) => r.path), ['/api/0/organizations/acme/'], 'only the organization is asked of the base URL');
        assert.ok(region.requests.some((r) => r.path.endsWith('/sessions/')) && region.requests.some((r) => r.path.endsWith('/projects/')));
      });
    } finally {
      await region.close();
    }
  });

  it('keeps the base URL for a region on the same origin, and never trades https for http (point 9)', () => {
    const base = new URL('https://sentry.example.com/sentry');
    assert.equal(regionBase(base, 'https://sentry.example.com'), null, 'a self-hosted path prefix is kept');
    assert.equal(regionBase(base, 'http://us.sentry.example.com'), null);
    assert.equal(regionBase(base, 'not a url'), null);
    assert.equal(regionBase(base, undefined), null);
    assert.equal(regionBase(new URL('https://sentry.io'), 'https://us.sentry.io')?.href, 'https://us.sentry.io/');
  });
});
