// End-to-end: the workspace's release. A git repository whose HEAD is 2 commits past the tag
// v1.4.0; the real sentry-cli recorded web@1.4.0 (commits, a production deploy) on the local
// Sentry-style server, which also holds its sessions. The packaged extension, connected to that
// server through "Connect to Sentry…" as a person would, shows web@1.4.0 in the status bar
// ("HEAD +2" in its tooltip), marks it in the tree, and its panel lists the deploy. Checking out
// the tag moves the mark to "this workspace" within seconds, without fetching again.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { ensureVsCode, codeServerCli, makeTempDir, openWorkbench, startCodeServer, type OpenBrowser, type RunningCodeServer } from '../../scripts/testing/codeServer';
import { startServer, type RunningServer } from '../../src/server/server';
import { GitRepo } from '../unit/workspace/gitRepo';
import { sentryCliOk } from '../unit/server/sentryCli';
import { frameWith, packagedVsix, QUIET_WORKBENCH_SETTINGS, RESULTS } from './workbenchPage';

const TOKEN = 'e2e-workspace-token';
const KEY = 'e2ekey';

function envelope(i: number, release: string, status: string): string {
  const started = new Date(Date.now() - 3600_000 - i * 30_000).toISOString();
  const s = { sid: `sid-${release}-${i}`, did: `user-${i % 7}`, init: true, started, timestamp: started, status, errors: status === 'exited' ? 0 : 1, attrs: { release, environment: 'production' } };
  return `{}\n{"type":"session"}\n${JSON.stringify(s)}\n`;
}

/** Answers the input box whose prompt says `prompt`. */
async function answer(page: Page, prompt: RegExp, value: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-message', { hasText: prompt }).first().waitFor({ timeout: 30_000 });
  const box = page.locator('.quick-input-widget input').first();
  await box.fill(value);
  await page.keyboard.press('Enter');
}


describe('e2e: the workspace\'s release (git HEAD 2 commits past a released tag)', function () {
  this.timeout(180_000);
  let tmp: string;
  let sentry: RunningServer;
  let repo: GitRepo;
  let code: RunningCodeServer | undefined;
  let browser: OpenBrowser | undefined;
  let page: Page;

  before(async function () {
    this.timeout(600_000);
    fs.mkdirSync(RESULTS, { recursive: true });
    const vsix = packagedVsix();
    const tools = ensureVsCode();
    tmp = makeTempDir('rh-e2e-ws-');

    sentry = await startServer({ port: 0, token: TOKEN, dsnKey: KEY, projects: [{ slug: 'web', id: 1 }] });
    for (let i = 0; i < 60; i++) {
      const status = i % 20 === 0 ? 'crashed' : i % 7 === 0 ? 'errored' : 'exited';
      for (const [release, s] of [['web@1.3.0', 'exited'], ['web@1.4.0', status]]) {
        const res = await fetch(`${sentry.url}/api/1/envelope/?sentry_key=${KEY}`, { method: 'POST', body: envelope(i, release, s) });
        assert.equal(res.status, 200);
      }
    }
    repo = await GitRepo.create('rh-e2e-ws-repo-');
    const target = { url: sentry.url, token: TOKEN, org: 'sentry', project: 'web' };
    repo.commits(3);
    repo.tag('v1.4.0');
    await sentryCliOk(target, repo.dir, 'releases', 'new', 'web@1.4.0');
    await sentryCliOk(target, repo.dir, 'releases', 'set-commits', 'web@1.4.0', '--local');
    await sentryCliOk(target, repo.dir, 'releases', 'finalize', 'web@1.4.0');
    await sentryCliOk(target, repo.dir, 'deploys', 'new', '--release', 'web@1.4.0', '-e', 'production', '-n', 'prod-rollout');
    repo.commits(2, 'unreleased');

    const extensionsDir = path.join(tmp, 'extensions');
    const userDataDir = path.join(tmp, 'user-data');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
      ...QUIET_WORKBENCH_SETTINGS,
      'git.openRepositoryInParentFolders': 'always',
      'security.workspace.trust.enabled': false,
      // No polling: whatever changes after the first load comes from following git, not a fetch.
      'releaseHealth.refreshIntervalMinutes': 0,
    }, null, 2));
    const installed = codeServerCli(tools, ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix]);
    assert.match(installed, /successfully installed/i, installed);
    code = await startCodeServer({ tools, extensionsDir, userDataDir, folder: repo.dir, logFile: path.join(RESULTS, 'code-server-workspace.log') });
    browser = await openWorkbench(tools, code.workbenchUrl);
    page = browser.page;
    await page.locator('.statusbar').waitFor({ timeout: 60_000 });

    // Connect to the local server as a person would: URL, organization, token, projects.
    try {
      // The Releases view's welcome offers it until a source is configured.
      await page.locator('.activitybar [aria-label^="Release Health"]').first().click();
      await page.locator('.welcome-view-content a, .welcome-view-content .monaco-button', { hasText: 'Connect to Sentry' }).first().click({ timeout: 60_000 });
      await answer(page, /Base URL/, sentry.url);
      await answer(page, /Organization slug/, 'sentry');
      await answer(page, /Auth token/, TOKEN);
      // Step 4: the projects (none picked: every project).
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'web' }).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter');
    } catch (err) {
      await page.screenshot({ path: path.join(RESULTS, 'failed-workspace-connect.png') }).catch(() => undefined);
      throw err;
    }
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      const name = this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      await page.screenshot({ path: path.join(RESULTS, `failed-workspace-${name}.png`) }).catch(() => undefined);
    }
  });

  after(async () => {
    await browser?.close();
    await code?.stop();
    await sentry?.close();
    repo?.remove();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the status bar tracks web@1.4.0 with its figure; its tooltip says HEAD +2', async () => {
    const item = page.locator('.statusbar .statusbar-item', { hasText: 'web@1.4.0' }).first();
    await item.waitFor({ timeout: 60_000 });
    const text = (await item.innerText()).replace(/\s+/g, ' ').trim();
    assert.match(text, /web@1\.4\.0: [\d,]+ errored · \d+\.\d\d% crash-free/);
    await item.hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'HEAD +2' }).first();
    await hover.waitFor({ timeout: 15_000 });
  });

  it('the tree marks web@1.4.0 "HEAD +2" and offers it first', async () => {
    await page.mouse.move(700, 400);
    const rows = page.locator('.pane-body .monaco-list-row');
    // Connecting opened the view; open it only if it is not showing (a click would close it).
    if (!(await rows.first().isVisible())) await page.locator('.activitybar [aria-label^="Release Health"]').first().click();
    const marked = rows.filter({ hasText: 'HEAD +2' }).first();
    await marked.waitFor({ timeout: 30_000 });
    assert.match(await marked.innerText(), /web@1\.4\.0/);
    const texts = await rows.allInnerTexts();
    const releaseRows = texts.filter((t) => /web@/.test(t));
    assert.match(releaseRows[0], /web@1\.4\.0/, `first release row: ${releaseRows.join(' | ')}`);
  });

  it('the panel of web@1.4.0 (a click on the status bar) lists the production deploy and the last commit', async () => {
    await page.locator('.statusbar .statusbar-item', { hasText: 'web@1.4.0' }).first().click();
    const frame = await frameWith(page, '[data-deploy="production"]', 60_000);
    const row = (await frame.locator('[data-deploy="production"]').innerText()).replace(/\s+/g, ' ');
    assert.match(row, /production \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC prod-rollout/);
    const commit = await frame.locator('[data-last-commit]').getAttribute('data-last-commit');
    assert.equal(commit, repo.git('rev-parse', 'v1.4.0'));
    assert.match(await frame.locator('[data-workspace]').innerText(), /HEAD \+2/);
    await frame.locator('.release-record').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, 'workspace-release.png') });
  });

  it('checking out the tag moves the mark to "this workspace" within seconds, without a refresh', async () => {
    repo.git('checkout', '-q', 'v1.4.0');
    const rows = page.locator('.pane-body .monaco-list-row');
    await rows.filter({ hasText: 'this workspace' }).first().waitFor({ timeout: 15_000 });
    assert.equal(await rows.filter({ hasText: 'HEAD +2' }).count(), 0);
    await page.screenshot({ path: path.join(RESULTS, 'workspace-release-at-tag.png') });
  });
});
