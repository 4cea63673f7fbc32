// Release management with the real sentry-cli: releases new, set-commits --local, finalize,
// deploys new, releases list, info; answers in Sentry's shapes, kept across a restart, and a
// release first seen in session data is the same release.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServer, type RunningServer } from '../../../src/server/server';
import { GitRepo } from '../workspace/gitRepo';
import { KEY, NOW_MS, TOKEN } from './helpers';
import { sentryCli, sentryCliOk, type SentryCliTarget } from './sentryCli';

async function call(server: RunningServer, method: string, path: string, body?: unknown, token: string | null = TOKEN) {
  const res = await fetch(`${server.url}/api/0/${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

function sessionEnvelope(release: string, started: string): string {
  const session = { sid: `sid-${release}`, did: 'user-1', init: true, started, timestamp: started, status: 'exited', errors: 0, attrs: { release, environment: 'production' } };
  return `{}\n{"type":"session"}\n${JSON.stringify(session)}\n`;
}

describe('server/release management with the real sentry-cli', function () {
  this.timeout(60000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-releases-'));
  const options = { port: 0, dataDir, clock: () => NOW_MS, token: TOKEN, dsnKey: KEY, projects: [{ slug: 'web', id: 1 }, { slug: 'api', id: 2 }] };
  let server: RunningServer;
  let repo: GitRepo;
  let target: SentryCliTarget;
  const commits: string[] = [];

  before(async () => {
    server = await startServer(options);
    target = { url: server.url, token: TOKEN, org: 'sentry', project: 'web' };
    repo = await GitRepo.create('rh-releases-repo-');
    commits.push(...repo.commits(3));
    repo.tag('v1.4.0');
  });
  after(async () => {
    await server.close();
    repo.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('info: the server and the token\'s scopes', async () => {
    const out = await sentryCliOk(target, repo.dir, 'info');
    assert.match(out, new RegExp(server.url.replace(/[.:/]/g, '\\$&')));
    assert.match(out, /project:releases/);
    const bad = await sentryCli({ ...target, token: 'wrong' }, repo.dir, 'releases', 'list');
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /401|Invalid token|credentials/i);
  });

  it('a release first seen in session data is the one releases new makes (208, same id)', async () => {
    const res = await fetch(`${server.url}/api/1/envelope/?sentry_key=${KEY}`, { method: 'POST', body: sessionEnvelope('web@1.4.0', new Date(NOW_MS - 3600_000).toISOString()) });
    assert.equal(res.status, 200);
    const before = await call(server, 'GET', 'organizations/sentry/releases/web@1.4.0/');
    assert.equal(before.status, 200);
    assert.equal(before.body.commitCount, 0);
    const out = await sentryCliOk(target, repo.dir, 'releases', 'new', 'web@1.4.0');
    assert.match(out, /web@1\.4\.0/);
    const after = await call(server, 'GET', 'organizations/sentry/releases/web@1.4.0/');
    assert.equal(after.body.id, before.body.id);
    assert.equal(after.body.dateCreated, before.body.dateCreated);
    const list = await call(server, 'GET', 'organizations/sentry/releases/?project=1');
    assert.deepEqual(list.body.filter((r: { version: string }) => r.version === 'web@1.4.0').length, 1);
    const again = await call(server, 'POST', 'organizations/sentry/releases/', { version: 'web@1.4.0', projects: ['web'] });
    assert.equal(again.status, 208);
  });

  it('set-commits --local records the repository\'s commits, newest first; finalize sets dateReleased', async () => {
    const out = await sentryCliOk(target, repo.dir, 'releases', 'set-commits', 'web@1.4.0', '--local');
    assert.match(out, /Set commits/i);
    await sentryCliOk(target, repo.dir, 'releases', 'finalize', 'web@1.4.0');
    const r = await call(server, 'GET', 'organizations/sentry/releases/web@1.4.0/');
    assert.equal(r.body.commitCount, 3);
    assert.equal(r.body.lastCommit.id, commits[2]);
    assert.equal(r.body.lastCommit.message.trim(), 'c3');
    assert.match(r.body.dateReleased, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const listed = await call(server, 'GET', 'organizations/sentry/releases/web@1.4.0/commits/');
    assert.deepEqual(listed.body.map((c: { id: string }) => c.id), [...commits].reverse());
    assert.deepEqual(Object.keys(listed.body[0]).sort(), ['author', 'dateCreated', 'id', 'message', 'pullRequest', 'repository', 'suspectCommitType']);
    assert.deepEqual(listed.body[0].author, { name: 'Test', email: 'test@example.invalid' });
    const repos = await call(server, 'GET', 'organizations/sentry/repos/');
    assert.equal(repos.body.length, 1);
    assert.equal(listed.body[0].repository.name, repos.body[0].name);
  });

  it('deploys new, then the deploys list and lastDeploy', async () => {
    const out = await sentryCliOk(target, repo.dir, 'deploys', 'new', '--release', 'web@1.4.0', '-e', 'production', '-n', 'prod-1');
    assert.match(out, /production/);
    const list = await call(server, 'GET', 'organizations/sentry/releases/web@1.4.0/deploys/');
    assert.equal(list.body.length, 1);
    assert.deepEqual(Object.keys(list.body[0]).sort(), ['dateFinished', 'dateStarted', 'environment', 'id', 'name', 'url']);
    assert.equal(list.body[0].environment, 'production');
    assert.equal(list.body[0].name, 'prod-1');
    const r = await call(server, 'GET', 'organizations/sentry/releases/web@1.4.0/');
    assert.equal(r.body.deployCount, 1);
    assert.equal(r.body.lastDeploy.environment, 'production');
    const cliList = await sentryCliOk(target, repo.dir, 'deploys', 'list', '--release', 'web@1.4.0');
    assert.match(cliList, /production/);
  });

  it('a second release: set-commits starts after the previous release\'s last commit', async () => {
    const newer = repo.commits(2, 'next');
    await sentryCliOk(target, repo.dir, 'releases', 'new', 'web@1.5.0');
    const prev = await call(server, 'GET', 'organizations/sentry/releases/web@1.5.0/previous-with-commits/');
    assert.equal(prev.body.version, 'web@1.4.0');
    await sentryCliOk(target, repo.dir, 'releases', 'set-commits', 'web@1.5.0', '--local');
    const listed = await call(server, 'GET', 'organizations/sentry/releases/web@1.5.0/commits/');
    assert.deepEqual(listed.body.map((c: { id: string }) => c.id), [...newer].reverse());
    const first = await call(server, 'GET', 'organizations/sentry/releases/web@1.4.0/previous-with-commits/');
    assert.deepEqual(first.body, {});
  });

  it('releases list and releases info through sentry-cli', async () => {
    const list = await sentryCliOk(target, repo.dir, 'releases', 'list');
    assert.match(list, /web@1\.4\.0/);
    assert.match(list, /web@1\.5\.0/);
    const info = await sentryCliOk(target, repo.dir, 'releases', 'info', 'web@1.4.0');
    assert.match(info, /web@1\.4\.0/);
    const missing = await sentryCli(target, repo.dir, 'releases', 'info', 'web@9.9.9');
    assert.notEqual(missing.code, 0);
  });

  it('survives a restart: releases, commits and deploys come back from the log', async () => {
    const before = await call(server, 'GET', 'organizations/sentry/releases/web@1.4.0/');
    await server.close();
    server = await startServer(options);
    target = { ...target, url: server.url };
    const after = await call(server, 'GET', 'organizations/sentry/releases/web@1.4.0/');
    assert.deepEqual(after.body, before.body);
    const deploys = await call(server, 'GET', 'organizations/sentry/releases/web@1.4.0/deploys/');
    assert.equal(deploys.body.length, 1);
    const second = await call(server, 'POST', 'organizations/sentry/releases/web@1.4.0/deploys/', { environment: 'staging' });
    assert.equal(second.status, 201);
    assert.equal(second.body.id, '2');
  });

  it('bad input: a clear 400/401/404 and nothing recorded', async () => {
    assert.equal((await call(server, 'POST', 'organizations/sentry/releases/', { version: 'latest', projects: ['web'] })).status, 400);
    assert.equal((await call(server, 'POST', 'organizations/sentry/releases/', { version: 'a/b', projects: ['web'] })).status, 400);
    assert.equal((await call(server, 'POST', 'organizations/sentry/releases/', { version: 'x@1', projects: ['nope'] })).status, 400);
    assert.equal((await call(server, 'POST', 'organizations/sentry/releases/', { version: 'x@1' })).status, 400);
    assert.equal((await call(server, 'POST', 'organizations/sentry/releases/', '{not json')).status, 400);
    assert.equal((await call(server, 'POST', 'organizations/sentry/releases/', { version: 'x@1', projects: ['web'] }, null)).status, 401);
    assert.equal((await call(server, 'PUT', 'organizations/sentry/releases/web@1.4.0/', { commits: [{ message: 'no id' }] })).status, 400);
    assert.equal((await call(server, 'PUT', 'organizations/sentry/releases/web@1.4.0/', { dateReleased: 'yesterday' })).status, 400);
    assert.equal((await call(server, 'POST', 'organizations/sentry/releases/web@1.4.0/deploys/', {})).status, 400);
    assert.equal((await call(server, 'GET', 'organizations/sentry/releases/nope@1/deploys/')).status, 404);
    assert.equal((await call(server, 'GET', 'organizations/other/releases/web@1.4.0/')).status, 404);
    assert.equal((await call(server, 'DELETE', 'organizations/sentry/releases/web@1.4.0/')).status, 405);
    const r = await call(server, 'GET', 'organizations/sentry/releases/web@1.4.0/');
    assert.equal(r.body.commitCount, 3);
    assert.equal((await call(server, 'GET', 'organizations/sentry/releases/x@1/')).status, 404);
  });

  it('a hostile version is stored and answered as data', async () => {
    const version = '<img src=x onerror=alert(1)>@1 "quoted"';
    const made = await call(server, 'POST', 'organizations/sentry/releases/', { version, projects: ['api'] });
    assert.equal(made.status, 201);
    const got = await call(server, 'GET', `organizations/sentry/releases/${encodeURIComponent(version)}/`);
    assert.equal(got.body.version, version);
    assert.deepEqual(got.body.projects.map((p: { slug: string }) => p.slug), ['api']);
  });
});
