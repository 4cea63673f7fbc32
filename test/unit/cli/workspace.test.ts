// `release-health workspace` end to end: the real sentry-cli records a release, its commits and
// a deploy on the local server, HEAD moves 2 commits on, and the bundled CLI run in that
// repository finds the release, the commits ahead, the deploy and the same figures as overview.
import { strict as assert } from 'assert';
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServer, type RunningServer } from '../../../src/server/server';
import { GitRepo } from '../workspace/gitRepo';
import { KEY, NOW, NOW_MS, TOKEN } from '../server/helpers';
import { sentryCliOk, type SentryCliTarget } from '../server/sentryCli';
import { ndjson, session } from '../fixtures/sessionLines';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'dist/cli.js');
const iso = (s: number) => new Date(s * 1000).toISOString();

function cli(cwd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile('node', [BIN, ...args], { cwd, env: { PATH: process.env.PATH, HOME: os.tmpdir(), ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: String(stdout), err: String(stderr) });
    });
  });
}

function envelope(i: number, release: string, status: string): string {
  const started = iso(NOW - 3600 - i * 60);
  const s = { sid: `sid-${release}-${i}`, did: `user-${i % 9}`, init: true, started, timestamp: started, status, errors: status === 'exited' ? 0 : 1, attrs: { release, environment: 'production' } };
  return `{}\n{"type":"session"}\n${JSON.stringify(s)}\n`;
}

describe('cli: release-health workspace', function () {
  this.timeout(90000);
  let server: RunningServer;
  let repo: GitRepo;
  let target: SentryCliTarget;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-cli-ws-'));

  before(async () => {
    if (!fs.existsSync(BIN)) execFileSync('node', ['esbuild.js'], { cwd: ROOT });
    server = await startServer({ port: 0, clock: () => NOW_MS, token: TOKEN, dsnKey: KEY, projects: [{ slug: 'web', id: 1 }] });
    target = { url: server.url, token: TOKEN, org: 'sentry', project: 'web' };
    for (let i = 0; i < 40; i++) {
      for (const release of ['web@1.3.0', 'web@1.4.0']) {
        const status = release === 'web@1.4.0' && i < 3 ? 'crashed' : 'exited';
        const res = await fetch(`${server.url}/api/1/envelope/?sentry_key=${KEY}`, { method: 'POST', body: envelope(i, release, status) });
        assert.equal(res.status, 200);
      }
    }
    repo = await GitRepo.create('rh-cli-ws-repo-');
    repo.commits(3);
    repo.tag('v1.4.0');
    await sentryCliOk(target, repo.dir, 'releases', 'new', 'web@1.4.0');
    await sentryCliOk(target, repo.dir, 'releases', 'set-commits', 'web@1.4.0', '--local');
    await sentryCliOk(target, repo.dir, 'releases', 'finalize', 'web@1.4.0');
    await sentryCliOk(target, repo.dir, 'deploys', 'new', '--release', 'web@1.4.0', '-e', 'production');
    repo.commits(2, 'unreleased');
  });
  after(async () => {
    await server.close();
    repo.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds the release 2 commits behind HEAD, its deploy and the figures overview gives', async () => {
    const args = ['--url', server.url, '--org', 'sentry', '--now', iso(NOW)];
    const ws = await cli(repo.dir, ['workspace', ...args], { SENTRY_AUTH_TOKEN: TOKEN });
    assert.equal(ws.code, 0, ws.err);
    const report = JSON.parse(ws.out);
    assert.deepEqual(Object.keys(report), ['release', 'project', 'matchedBy', 'head', 'commitsAhead', 'deploys', 'health']);
    assert.equal(report.release, 'web@1.4.0');
    assert.equal(report.project, 'web');
    assert.equal(report.matchedBy, 'ancestor');
    assert.equal(report.head, repo.head());
    assert.equal(report.commitsAhead, 2);
    assert.equal(report.deploys.length, 1);
    assert.equal(report.deploys[0].environment, 'production');
    assert.match(report.deploys[0].dateFinished, /^\d{4}-\d{2}-\d{2}T/);
    const overview = await cli(repo.dir, ['overview', ...args, '--format', 'json'], { SENTRY_AUTH_TOKEN: TOKEN });
    const expected = JSON.parse(overview.out).releases.find((r: { release: string }) => r.release === 'web@1.4.0');
    assert.deepEqual(report.health, expected);
    assert.equal(report.health.totalSessions, 40);
    assert.equal(report.health.sessionsCrashed, 3);
  });

  it('HEAD on the released commit itself: matched by commit, 0 ahead; table format for people', async () => {
    repo.git('checkout', '-q', 'v1.4.0');
    try {
      const ws = await cli(repo.dir, ['workspace', '--url', server.url, '--org', 'sentry', '--now', iso(NOW)], { SENTRY_AUTH_TOKEN: TOKEN });
      const report = JSON.parse(ws.out);
      assert.deepEqual([report.matchedBy, report.commitsAhead], ['commit', 0]);
      const table = await cli(repo.dir, ['workspace', '--url', server.url, '--org', 'sentry', '--now', iso(NOW), '--format', 'table'], { SENTRY_AUTH_TOKEN: TOKEN });
      assert.match(table.out, /RELEASE\s+web@1\.4\.0 \(web\) · this workspace/);
      assert.match(table.out, /DEPLOYS\s+production \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
      assert.match(table.out, /HEALTH\s+Critical · 92\.50% crash-free sessions · 0 errored/);
    } finally {
      repo.git('checkout', '-q', 'main');
    }
  });

  it('--file: a tag behind HEAD in a session file\'s releases, no deploys; exit 1 when nothing matches', async () => {
    const file = path.join(dir, 'sessions.ndjson');
    fs.writeFileSync(file, ndjson(Array.from({ length: 5 }, (_, i) => session({ sid: `f${i}`, release: '1.4.0' })).flat()));
    const ws = await cli(repo.dir, ['workspace', '--file', file]);
    assert.equal(ws.code, 0, ws.err);
    const report = JSON.parse(ws.out);
    assert.deepEqual([report.release, report.project, report.matchedBy, report.commitsAhead, report.deploys], ['1.4.0', 'default', 'ancestor', 2, []]);
    assert.equal(report.health.release, '1.4.0');
    const other = path.join(dir, 'other.ndjson');
    fs.writeFileSync(other, ndjson(session({ sid: 'o', release: '9.9.9' })));
    const none = await cli(repo.dir, ['workspace', '--file', other]);
    assert.equal(none.code, 1);
    assert.deepEqual(JSON.parse(none.out), { release: null, project: null, matchedBy: null, head: repo.head(), commitsAhead: null, deploys: [], health: null });
    const table = await cli(repo.dir, ['workspace', '--file', other, '--format', 'table']);
    assert.match(table.out, /HEAD is not in any release yet/);
  });

  it('not a repository, a missing --cwd, bad arguments, no token: exit codes 1 and 2', async () => {
    const file = path.join(dir, 'sessions.ndjson');
    const plain = await cli(dir, ['workspace', '--file', file]);
    assert.equal(plain.code, 1);
    assert.equal(JSON.parse(plain.out).head, null);
    assert.equal((await cli(dir, ['workspace', '--cwd', path.join(dir, 'nope'), '--file', file])).code, 2);
    assert.equal((await cli(dir, ['workspace'])).code, 2);
    assert.equal((await cli(dir, ['workspace', '--file', file, '--format', 'yaml'])).code, 2);
    const noToken = await cli(repo.dir, ['workspace', '--url', server.url, '--org', 'sentry']);
    assert.equal(noToken.code, 2);
    assert.match(noToken.err, /SENTRY_AUTH_TOKEN/);
    const fromEnv = await cli(dir, ['workspace', '--file', file], { SENTRY_RELEASE: '1.4.0' });
    assert.deepEqual([fromEnv.code, JSON.parse(fromEnv.out).matchedBy], [0, 'env']);
  });
});
