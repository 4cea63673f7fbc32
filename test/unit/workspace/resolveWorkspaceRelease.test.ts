import { strict as assert } from 'assert';
import * as fs from 'fs';
import { readGitFacts } from '../../../src/workspace/gitCli';
import { readFolderFacts } from '../../../src/workspace/readFolder';
import { folderFacts, parseDotEnv, parseIni } from '../../../src/workspace/folderFiles';
import { resolveWorkspaceRelease, tagMatchesVersion } from '../../../src/workspace/resolveWorkspaceRelease';
import type { KnownRelease } from '../../../src/workspace/types';
import { GitRepo } from './gitRepo';

const release = (version: string, extra: Partial<KnownRelease> = {}): KnownRelease =>
  ({ project: 'web', version, dateCreated: 1000, commits: [], ...extra });

async function resolve(dir: string, releases: KnownRelease[], opts: { env?: Record<string, string>; project?: string | null } = {}) {
  const projects = Array.from(new Set(releases.map((r) => r.project)));
  return resolveWorkspaceRelease({
    git: await readGitFacts(dir),
    folder: await readFolderFacts(dir, opts.env ?? {}),
    releases,
    project: opts.project ?? null,
    projects,
  });
}

describe('workspace: resolving the release of a git folder', () => {
  const repos: GitRepo[] = [];
  const made = async () => {
    const r = await GitRepo.create();
    repos.push(r);
    return r;
  };
  after(() => repos.forEach((r) => r.remove()));

  it('env: SENTRY_RELEASE from the environment beats .env, which beats .sentryclirc', async () => {
    const repo = await made();
    repo.commits(2);
    repo.tag('v1.0.0');
    repo.write('.env', '# comment\nexport SENTRY_RELEASE="web@2.0.0"\n');
    repo.write('.sentryclirc', '[defaults]\norg=acme\nproject=web\nrelease=web@3.0.0\n');
    const releases = [release('web@1.0.0'), release('web@2.0.0'), release('web@3.0.0'), release('web@4.0.0')];
    const fromEnv = await resolve(repo.dir, releases, { env: { SENTRY_RELEASE: 'web@4.0.0' } });
    assert.deepEqual([fromEnv.release, fromEnv.matchedBy], ['web@4.0.0', 'env']);
    const fromDotEnv = await resolve(repo.dir, releases);
    assert.deepEqual([fromDotEnv.release, fromDotEnv.matchedBy, fromDotEnv.head], ['web@2.0.0', 'env', repo.head()]);
    fs.rmSync(`${repo.dir}/.env`);
    const fromRc = await resolve(repo.dir, releases);
    assert.deepEqual([fromRc.release, fromRc.matchedBy], ['web@3.0.0', 'env']);
  });

  it('env: a SENTRY_RELEASE not in the data falls through to the next rule', async () => {
    const repo = await made();
    repo.commit('one');
    repo.tag('v1.0.0');
    const m = await resolve(repo.dir, [release('web@1.0.0')], { env: { SENTRY_RELEASE: 'web@9.9.9' } });
    assert.deepEqual([m.release, m.matchedBy, m.commitsAhead], ['web@1.0.0', 'tag', 0]);
  });

  it('commit: a release whose recorded commits include HEAD (the oldest one when several do)', async () => {
    const repo = await made();
    const [c1, c2, c3] = repo.commits(3);
    const releases = [
      release('web@1.1.0', { dateCreated: 3000, commits: [c3, c2] }),
      release('web@1.0.0', { dateCreated: 2000, commits: [c3, c2, c1] }),
      release('web@0.9.0', { dateCreated: 1000, commits: [c1] }),
    ];
    const m = await resolve(repo.dir, releases);
    assert.deepEqual([m.release, m.matchedBy, m.commitsAhead, m.head], ['web@1.0.0', 'commit', 0, c3]);
  });

  it('sha: a release named by HEAD\'s full or short SHA (propose-version)', async () => {
    const repo = await made();
    const head = repo.commits(2)[1];
    assert.deepEqual((await resolve(repo.dir, [release(head)])).matchedBy, 'sha');
    const short = await resolve(repo.dir, [release('web@1.0'), release(head.slice(0, 7))]);
    assert.deepEqual([short.release, short.matchedBy], [head.slice(0, 7), 'sha']);
    // Six hex digits are too short to be a SHA.
    assert.equal((await resolve(repo.dir, [release(head.slice(0, 6))])).release, null);
  });

  it('tag: v1.4.0 at HEAD matches 1.4.0, v1.4.0, <any>@1.4.0 and <any>@v1.4.0; annotated tags too', async () => {
    for (const version of ['1.4.0', 'v1.4.0', 'web@1.4.0', 'com.acme.web@v1.4.0']) {
      const repo = await made();
      repo.commits(2);
      repo.tag('v1.4.0', version === 'web@1.4.0');
      const m = await resolve(repo.dir, [release('web@1.3.0'), release(version)]);
      assert.deepEqual([m.release, m.matchedBy, m.commitsAhead], [version, 'tag', 0], version);
    }
    assert.equal(tagMatchesVersion('v1.4.0', 'web@1.4.01'), false);
    assert.equal(tagMatchesVersion('v1.4.0', 'web@11.4.0'), false);
  });

  it('package: package.json name@version when git has nothing at HEAD', async () => {
    const repo = await made();
    repo.commit('one');
    repo.write('package.json', JSON.stringify({ name: 'web', version: '2.1.0' }));
    const m = await resolve(repo.dir, [release('web@2.0.0'), release('web@2.1.0')]);
    assert.deepEqual([m.release, m.matchedBy], ['web@2.1.0', 'package']);
  });

  it('ancestor: HEAD 2 commits past a released tag, with how many commits ahead', async () => {
    const repo = await made();
    repo.commits(2);
    repo.tag('v1.4.0');
    const tagged = repo.head();
    repo.commits(2, 'after');
    const m = await resolve(repo.dir, [release('web@1.3.0'), release('web@1.4.0')]);
    assert.deepEqual([m.release, m.matchedBy, m.commitsAhead], ['web@1.4.0', 'ancestor', 2]);
    assert.deepEqual(m.ancestor, { commit: tagged, by: 'tag' });
  });

  it('ancestor: by recorded commits, following first parents only (a merged branch is not walked)', async () => {
    const repo = await made();
    const base = repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    const onFeature = repo.commit('feature work');
    repo.git('checkout', '-q', 'main');
    repo.commit('main work');
    repo.git('merge', '-q', '--no-ff', '-m', 'merge feature', 'feature');
    const releases = [release('web@1.0.0', { commits: [base] }), release('web@feature', { commits: [onFeature] })];
    const m = await resolve(repo.dir, releases);
    assert.deepEqual([m.release, m.matchedBy, m.commitsAhead], ['web@1.0.0', 'ancestor', 2]);
    assert.deepEqual(m.ancestor, { commit: base, by: 'commit' });
  });

  it('detached HEAD: resolves from the checked-out commit, branch null', async () => {
    const repo = await made();
    const [c1] = repo.commits(3);
    repo.git('tag', 'v0.1.0', c1);
    repo.git('checkout', '-q', '--detach', 'HEAD~1');
    const facts = await readGitFacts(repo.dir);
    assert.equal(facts?.branch, null);
    const m = await resolve(repo.dir, [release('web@0.1.0')]);
    assert.deepEqual([m.release, m.matchedBy, m.commitsAhead], ['web@0.1.0', 'ancestor', 1]);
  });

  it('no commits yet: head null, no release, and package.json still counts', async () => {
    const repo = await made();
    const facts = await readGitFacts(repo.dir);
    assert.deepEqual(facts, { head: null, branch: 'main', firstParents: [], tags: new Map() });
    const none = await resolve(repo.dir, [release('web@1.0.0')]);
    assert.deepEqual(none, { release: null, project: null, matchedBy: null, head: null, commitsAhead: null, ancestor: null });
    repo.write('package.json', JSON.stringify({ name: 'web', version: '1.0.0' }));
    const pkg = await resolve(repo.dir, [release('web@1.0.0')]);
    assert.deepEqual([pkg.release, pkg.matchedBy, pkg.commitsAhead], ['web@1.0.0', 'package', null]);
  });

  it('not a repository: git facts null; env and package still resolve', async () => {
    const dir = GitRepo.plainDir();
    try {
      assert.equal(await readGitFacts(dir), null);
      assert.equal((await resolve(dir, [release('web@1.0.0')])).release, null);
      const m = await resolve(dir, [release('web@1.0.0')], { env: { SENTRY_RELEASE: 'web@1.0.0' } });
      assert.deepEqual([m.release, m.matchedBy, m.head], ['web@1.0.0', 'env', null]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('nothing matches: no release, HEAD still reported, never an error', async () => {
    const repo = await made();
    repo.commits(2);
    const m = await resolve(repo.dir, [release('web@1.0.0'), release('0123456789abcdef')]);
    assert.deepEqual([m.release, m.matchedBy, m.head], [null, null, repo.head()]);
  });

  it('several folders, several projects: each folder maps to its project by setting, .sentryclirc, or the match', async () => {
    const web = await made();
    web.commit('web');
    web.tag('v1.0.0');
    const api = await made();
    api.commit('api');
    api.tag('v1.0.0');
    api.write('.sentryclirc', '[defaults]\nproject=api\n');
    const releases = [release('web@1.0.0', { project: 'web' }), release('api@1.0.0', { project: 'api', dateCreated: 5000 })];
    // web: no mapping; the tag matches in both projects, the oldest wins (web@1.0.0).
    assert.deepEqual(pick(await resolve(web.dir, releases)), ['web@1.0.0', 'web']);
    // web with the setting naming api.
    assert.deepEqual(pick(await resolve(web.dir, releases, { project: 'api' })), ['api@1.0.0', 'api']);
    // api: .sentryclirc names its project.
    assert.deepEqual(pick(await resolve(api.dir, releases)), ['api@1.0.0', 'api']);
    // A project with no matching release: none, not another project's release.
    assert.deepEqual(pick(await resolve(web.dir, releases, { project: 'mobile' })), [null, null]);
  });
});

describe('workspace: the first-parent walk', () => {
  const sha = (i: number) => i.toString(16).padStart(40, '0');
  const history = Array.from({ length: 1002 }, (_, i) => sha(i + 1));
  const git = { head: history[0], branch: 'main', firstParents: history, tags: new Map<string, string[]>() };
  const folder = { envRelease: null, packageRelease: null, configuredProject: null };
  const at = (i: number) => resolveWorkspaceRelease({ git, folder, releases: [release('web@old', { commits: [history[i]] })], project: null, projects: ['web'] });

  it('finds a released ancestor 1,000 commits back, not 1,001', () => {
    assert.deepEqual([at(1000).release, at(1000).commitsAhead], ['web@old', 1000]);
    assert.equal(at(1001).release, null);
  });
});

const pick = (m: { release: string | null; project: string | null }) => [m.release, m.project];

describe('workspace: folder files', () => {
  it('parses .env quoting, comments and export', () => {
    const env = parseDotEnv('A=1 # note\nexport B="x y" \nC=\'q#r\'\n# D=4\n  E = spaced\n');
    assert.deepEqual(Object.fromEntries(env), { A: '1', B: 'x y', C: 'q#r', E: 'spaced' });
  });

  it('parses .sentryclirc sections', () => {
    assert.deepEqual(Object.fromEntries(parseIni('[defaults]\nproject = web\n[auth]\ntoken=secret\n')), { 'defaults.project': 'web', 'auth.token': 'secret' });
  });

  it('ignores a malformed package.json and an empty SENTRY_RELEASE', () => {
    assert.deepEqual(folderFacts({ env: { SENTRY_RELEASE: ' ' }, dotEnv: null, sentryCliRc: null, packageJson: '{nope' }),
      { envRelease: null, packageRelease: null, configuredProject: null });
  });
});
