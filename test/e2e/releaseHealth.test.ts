// End-to-end: the PACKAGED extension (.vsix from `npm run package`) installed in code-server,
// driven through the UI in headless Chromium as a person would: the activity bar view, the
// command palette, the release quick pick, the panel's webview, the status bar, a page reload
// (panel restore), light and dark themes. The figures shown are compared with the CLI's
// (`node dist/cli.js overview --format json`) on the same session file.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import {
  ROOT,
  codeServerCli,
  ensureVsCode,
  makeTempDir,
  openWorkbench,
  startCodeServer,
  type OpenBrowser,
  type RunningCodeServer,
} from '../../scripts/testing/codeServer';
import type { Overview, ReleaseHealth } from '../../src/health/types';
import { PanelMark } from '../../src/webview/protocol';
import { E2E_RELEASES, sessionLines } from './sessionData';

const RESULTS = path.join(ROOT, 'test-results', 'e2e');
const PICKED = E2E_RELEASES[0]; // shop 2.2.0: not the newest, so the pick matters
const LIGHT = 'Default Light Modern';
const DARK_LABEL = 'Dark Modern'; // the theme picker's label of "Default Dark Modern"
/** A small Markdown file whose built-in preview is the baseline of the panel's timing. */
const MARKDOWN_FILE = 'notes.md';
const MARKDOWN_HEADING = 'Release notes 4711';

function vsixPath(): string {
  if (process.env.RH_VSIX) return path.resolve(process.env.RH_VSIX);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
}

function cliCompare(file: string, ...extra: string[]): { crashFreeSessions: { difference: number | null; differenceInterval: [number, number] | null; verdict: string } } {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'compare', '--file', file, '--project', 'shop', '--base', '2.2.0', '--candidate', '2.3.0', '--format', 'json', ...extra], { encoding: 'utf8' });
  return JSON.parse(out);
}

function cliOverview(file: string): Overview {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'overview', '--file', file, '--format', 'json'], { encoding: 'utf8' });
  return JSON.parse(out) as Overview;
}

/** Adds `timings` to RH_TIMINGS_FILE (the benchmark's extension section reads it), when set. */
function recordTimings(timings: Record<string, number>): void {
  const file = process.env.RH_TIMINGS_FILE;
  if (!file) return;
  const old = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>) : {};
  fs.writeFileSync(file, JSON.stringify({ ...old, ...timings }));
}

/** The frame (a webview's inner document) holding `selector`; looked for every 50 ms, so a timing ends close to when it appears. */
async function frameWith(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const f of page.frames()) {
      try {
        if ((await f.$(selector)) !== null) return f;
      } catch {
        // a frame that navigated away while we looked
      }
    }
    if (Date.now() > deadline) throw new Error(`no frame with ${selector} after ${timeoutMs} ms`);
    await page.waitForTimeout(50);
  }
}

/** Every `data-figure` of the panel: name -> { value (parsed data-value), text }. */
async function panelFigures(frame: Frame): Promise<Record<string, { value: unknown; text: string }>> {
  const raw = await frame.$$eval('[data-figure]', (els) =>
    els.map((e) => [e.getAttribute('data-figure') ?? '', e.getAttribute('data-value') ?? 'null', (e.textContent ?? '').trim()] as const),
  );
  const out: Record<string, { value: unknown; text: string }> = {};
  for (const [name, value, text] of raw) {
    assert.ok(!(name in out), `data-figure="${name}" appears once`);
    out[name] = { value: JSON.parse(value), text };
  }
  return out;
}

function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** A quick-pick row whose label is exactly `label`. */
function quickPickRow(page: Page, label: string) {
  return page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactly(label) }) }).first();
}

/** F1, the command's title, then its row: as a person runs a command. */
async function runCommand(page: Page, title: string): Promise<void> {
  await (await commandRow(page, title)).click();
}

/** The command palette open on `title`'s row, not yet clicked. */
async function commandRow(page: Page, title: string) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = quickPickRow(page, title);
  await row.waitFor();
  return row;
}

/** The status bar's Release Health item: its text and whether its background stands out from the bar's. */
async function statusBarItem(page: Page): Promise<{ text: string; highlighted: boolean }> {
  const handle = await page.waitForFunction(() => {
    const item = Array.from(document.querySelectorAll('.statusbar .statusbar-item')).find((e) => /[^\s:]+: [\d,]+ errored/.test(e.textContent ?? ''));
    if (!item) return false;
    const bar = getComputedStyle(document.querySelector('.statusbar')!).backgroundColor;
    const own = getComputedStyle(item).backgroundColor;
    const transparent = own === 'rgba(0, 0, 0, 0)' || own === 'transparent';
    return { text: (item.textContent ?? '').replace(/\s+/g, ' ').trim(), highlighted: !transparent && own !== bar };
  }, undefined, { timeout: 60_000 });
  return (await handle.jsonValue()) as { text: string; highlighted: boolean };
}

function writeSettings(userDataDir: string, settings: Record<string, unknown>): void {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

describe('e2e: the packaged extension in code-server', function () {
  this.timeout(180_000);
  let tmp: string;
  let server: RunningCodeServer | undefined;
  let browser: OpenBrowser | undefined;
  let page: Page;
  let sessionFile: string;
  let userDataDir: string;
  let cli: Overview;
  let cliRelease: (project: string, release: string) => ReleaseHealth;

  before(async function () {
    this.timeout(600_000);
    fs.mkdirSync(RESULTS, { recursive: true });
    const vsix = vsixPath();
    assert.ok(fs.existsSync(vsix), `${vsix} is missing: run \`npm run package\` first (npm run test:e2e does)`);
    const tools = ensureVsCode();
    tmp = makeTempDir('rh-e2e-');
    const extensionsDir = path.join(tmp, 'extensions');
    userDataDir = path.join(tmp, 'user-data');
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace, { recursive: true });
    sessionFile = path.join(workspace, 'sessions.ndjson');
    fs.writeFileSync(sessionFile, sessionLines(Math.floor(Date.now() / 1000)).join('\n') + '\n');
    fs.writeFileSync(path.join(workspace, MARKDOWN_FILE), `# ${MARKDOWN_HEADING}\n\nA small file, the baseline of the panel's timing.\n\n- one\n- two\n`);
    cli = cliOverview(sessionFile);
    cliRelease = (project, release) => {
      const r = cli.releases.find((x) => x.project === project && x.release === release);
      assert.ok(r, `the CLI reports ${project} ${release}`);
      return r;
    };

    const settings = {
      'workbench.colorTheme': LIGHT,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'chat.disableAIFeatures': true,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'releaseHealth.source': 'file',
      'releaseHealth.file.path': sessionFile,
      // The watch follows the tracked release: shop 2.3.0 (warning, then critical below).
      'releaseHealth.release': '2.3.0',
    };
    writeSettings(userDataDir, settings);
    const installed = codeServerCli(tools, ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix]);
    assert.match(installed, /successfully installed/i, installed);

    server = await startCodeServer({ tools, extensionsDir, userDataDir, folder: workspace, logFile: path.join(RESULTS, 'code-server.log') });
    browser = await openWorkbench(tools, server.workbenchUrl);
    page = browser.page;
    await page.locator('.statusbar').waitFor({ timeout: 60_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      const name = this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      await page.screenshot({ path: path.join(RESULTS, `failed-${name}.png`) }).catch(() => undefined);
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the packaged extension is installed from the .vsix', () => {
    const dirs = fs.readdirSync(path.join(tmp, 'extensions'));
    assert.ok(dirs.includes('release-health.release-health-0.1.0'), `installed: ${dirs.join(', ')}`);
    const installed = path.join(tmp, 'extensions', 'release-health.release-health-0.1.0');
    assert.ok(fs.existsSync(path.join(installed, 'dist', 'extension.js')));
    assert.ok(!fs.existsSync(path.join(installed, 'src')), 'no sources in the installed extension');
  });

  it('the status bar shows the tracked release with the CLI\'s errored count, coloured by its health', async () => {
    const item = await statusBarItem(page);
    const m = /(\S+): ([\d,]+) errored/.exec(item.text);
    assert.ok(m, `status bar item: ${item.text}`);
    const [, release, count] = m;
    const r = cli.releases.find((x) => x.release === release);
    assert.ok(r, `the status bar's release ${release} is in the data`);
    assert.strictEqual(Number(count.replace(/,/g, '')), r.sessionsErrored, `errored sessions of ${release}`);
    // Default thresholds (target 99.5, critical 98): warning and critical releases get a background.
    assert.strictEqual(item.highlighted, r.healthStatus === 'critical' || r.healthStatus === 'warning', `${release} is ${r.healthStatus}; item highlighted: ${item.highlighted}`);
  });

  it('the Release Health view in the activity bar lists projects and releases', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="Release Health"], .activitybar [aria-label^="Release Health"]').first().click();
    const rows = page.locator('.pane-body .monaco-list-row');
    await rows.filter({ hasText: 'shop' }).first().waitFor({ timeout: 30_000 });
    await rows.filter({ hasText: 'api' }).first().waitFor();
    // Projects start collapsed when there are several: expand "shop".
    const shopRow = rows.filter({ hasText: /^\s*shop/ }).first();
    if ((await shopRow.getAttribute('aria-expanded')) !== 'true') await shopRow.click();
    for (const r of E2E_RELEASES.filter((x) => x.project === 'shop')) {
      await rows.filter({ hasText: r.release }).first().waitFor({ timeout: 15_000 });
    }
    const text = await rows.allInnerTexts();
    const cf = cliRelease('shop', '2.3.0').crashFreeSessions!;
    assert.ok(text.some((t) => t.includes('2.3.0') && t.includes(`${cf.toFixed(2)}%`)), `the 2.3.0 row shows ${cf.toFixed(2)}%: ${text.join(' | ')}`);
    await page.screenshot({ path: path.join(RESULTS, 'tree-light.png') });
  });

  it('"Show Release Health" from the palette, a release picked: the panel shows the CLI\'s figures', async () => {
    await runCommand(page, 'Release Health: Show Release Health');
    const row = quickPickRow(page, PICKED.release);
    await row.waitFor({ timeout: 30_000 });
    const picked = Date.now();
    await row.click();
    const frame = await frameWith(page, `[data-release="${PICKED.release}"] , [data-figure="crashFreeSessions"]`);
    await frame.locator(`[data-release="${PICKED.release}"]`).waitFor({ timeout: 30_000 });
    await frame.locator('body[data-state="ready"]').waitFor({ timeout: 30_000 });
    // From the pick to the figures rendered: the benchmark's panelMs.
    const rendered = Date.now();
    // Where the time went, from the webview's own clock (epoch ms via timeOrigin, same machine).
    // (No named function inside evaluate: the test's TypeScript loader would wrap it in a helper the page lacks.)
    const marks = await frame.evaluate(
      (names) => ({ origin: performance.timeOrigin, at: names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? null) }),
      [PanelMark.Script, PanelMark.State, PanelMark.Figures, PanelMark.Chart],
    );
    const [scriptAt, stateAt, figuresAt, chartAt] = marks.at.map((t) => (t === null ? -1 : Math.round(marks.origin + t - picked)));
    recordTimings({
      panelMs: rendered - picked,
      panelDocumentMs: Math.round(marks.origin - picked),
      panelScriptMs: scriptAt,
      panelFirstStateMs: stateAt,
      panelFiguresMs: figuresAt,
      panelChartMs: chartAt,
    });
    const figures = await panelFigures(frame);
    const expected = cliRelease(PICKED.project, PICKED.release);
    for (const name of ['crashFreeSessions', 'crashFreeUsers', 'totalSessions', 'totalUsers', 'sessionsErrored', 'adoption']) {
      assert.ok(name in figures, `the panel shows ${name}; it shows ${Object.keys(figures).join(', ')}`);
    }
    for (const [name, { value }] of Object.entries(figures)) {
      assert.deepStrictEqual(value, (expected as unknown as Record<string, unknown>)[name], `figure ${name}: panel ${JSON.stringify(value)}, CLI ${JSON.stringify((expected as unknown as Record<string, unknown>)[name])}`);
    }
    assert.strictEqual(figures.crashFreeSessions.text, `${expected.crashFreeSessions!.toFixed(2)}%`);
    assert.strictEqual(figures.totalSessions.text.replace(/,/g, ''), String(expected.totalSessions));
    await page.screenshot({ path: path.join(RESULTS, 'panel-light.png') });
  });

  it('the panel follows the theme: dark after switching workbench.colorTheme', async () => {
    const frame = await frameWith(page, '[data-figure="crashFreeSessions"]');
    const lightBg = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.ok(await frame.evaluate(() => document.body.classList.contains('vscode-light')), 'webview body is vscode-light');
    // As a person would: Preferences: Color Theme, then the dark theme (VS Code writes it to settings.json).
    await runCommand(page, 'Preferences: Color Theme');
    await page.locator('.quick-input-widget input').fill(DARK_LABEL);
    const theme = quickPickRow(page, DARK_LABEL);
    await theme.waitFor();
    await theme.click();
    await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 30_000 });
    await frame.waitForFunction(() => document.body.classList.contains('vscode-dark'), undefined, { timeout: 30_000 });
    const darkBg = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notStrictEqual(darkBg, lightBg, 'the webview background changes with the theme');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(RESULTS, 'panel-dark.png') });
    const saved = fs.readFileSync(path.join(userDataDir, 'User', 'settings.json'), 'utf8');
    // VS Code 1.139 names the theme "Dark Modern" ("Default Dark Modern" is the older id of the same theme).
    assert.match(String((JSON.parse(saved) as Record<string, unknown>)['workbench.colorTheme']), /Dark Modern$/, `settings.json: ${saved}`);
  });

  it('after "Reload Window" the panel is restored with its release and figures', async () => {
    // Reload Window shuts the workbench down properly (editor state saved), as a person's reload does.
    const reloaded = page.waitForEvent('domcontentloaded', { timeout: 60_000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.statusbar').waitFor({ timeout: 60_000 });
    const frame = await frameWith(page, `[data-release="${PICKED.release}"]`, 60_000);
    await frame.locator('[data-figure="crashFreeSessions"]').waitFor({ timeout: 30_000 });
    const figures = await panelFigures(frame);
    assert.deepStrictEqual(figures.crashFreeSessions.value, cliRelease(PICKED.project, PICKED.release).crashFreeSessions);
    assert.deepStrictEqual(figures.totalSessions.value, cliRelease(PICKED.project, PICKED.release).totalSessions);
    await page.screenshot({ path: path.join(RESULTS, 'panel-restored-dark.png') });
  });

  it('VS Code\'s own Markdown preview of a small file opens and renders (the baseline of panelMs)', async () => {
    // Quick Open the file, as a person would, and wait for its editor.
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(MARKDOWN_FILE);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: MARKDOWN_FILE }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: MARKDOWN_FILE }).first().waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .view-lines', { hasText: MARKDOWN_HEADING }).first().waitFor({ timeout: 30_000 });
    // markdown.showPreview from the palette: from the click to the heading rendered in the preview's webview.
    const row = await commandRow(page, 'Markdown: Open Preview');
    const started = Date.now();
    await row.click();
    const frame = await frameWith(page, `h1:has-text("${MARKDOWN_HEADING}")`);
    await frame.locator('li', { hasText: 'two' }).waitFor({ timeout: 30_000 });
    recordTimings({ markdownPreviewMs: Date.now() - started });
    await page.screenshot({ path: path.join(RESULTS, 'markdown-preview.png') });
  });

  it('"Compare with…" in a panel opens the comparison view, previous release preselected, with the CLI\'s figures', async () => {
    await runCommand(page, 'Release Health: Show Release Health');
    const row = quickPickRow(page, '2.3.0');
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    const panel = await frameWith(page, '[data-release="2.3.0"]');
    await panel.locator('body[data-state="ready"]').waitFor({ timeout: 30_000 });
    await panel.locator('[data-action="compare-with"]').click();
    // The previous release (2.2.0) is the first row and active: Enter takes it.
    const first = page.locator('.quick-input-list .monaco-list-row').first();
    await first.waitFor({ timeout: 30_000 });
    assert.match(await first.innerText(), /2\.2\.0/);
    await page.keyboard.press('Enter');
    const view = await frameWith(page, '[data-comparison-verdict]', 60_000);
    await view.locator('body[data-state="ready"]').waitFor({ timeout: 30_000 });
    const expected = cliCompare(sessionFile).crashFreeSessions;
    const shown = await view.$eval('[data-comparison-row="crashFreeSessions"]', (e) => ({
      difference: JSON.parse(e.getAttribute('data-difference') ?? 'null'),
      low: JSON.parse(e.getAttribute('data-interval-low') ?? 'null'),
      high: JSON.parse(e.getAttribute('data-interval-high') ?? 'null'),
      verdict: e.getAttribute('data-verdict'),
    }));
    assert.deepStrictEqual(shown, { difference: expected.difference, low: expected.differenceInterval![0], high: expected.differenceInterval![1], verdict: expected.verdict });
    const sentence = (await view.locator('[data-comparison-verdict]').innerText()).trim();
    assert.match(sentence, /2\.3\.0 .*2\.2\.0: [−+]?\d+\.\d+ pp, 95 % CI /);
    assert.ok(await view.locator('[data-chart="age-series"] canvas').count() > 0, 'the two series are drawn');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(RESULTS, 'comparison-dark.png') });

    // Equal age: both releases over the younger one's first hours, as `compare --age` gives them.
    await view.locator('[data-action="toggle-equal-age"]').click();
    await view.locator('[data-action="toggle-equal-age"][aria-pressed="true"]').waitFor({ timeout: 30_000 });
    await view.locator('body[data-state="ready"] [data-comparison-verdict]').waitFor({ timeout: 60_000 });
    const label = await view.locator('[data-action="toggle-equal-age"]').innerText();
    const age = /first (\d+) h/.exec(label)?.[1];
    assert.ok(age, `the toggle names the age: ${label}`);
    const aged = cliCompare(sessionFile, '--age', age).crashFreeSessions;
    const agedShown = JSON.parse((await view.getAttribute('[data-comparison-row="crashFreeSessions"]', 'data-difference')) ?? 'null');
    assert.strictEqual(agedShown, aged.difference);
    await page.screenshot({ path: path.join(RESULTS, 'comparison-equal-age-dark.png') });
  });

  it('the watch: a notification when the tracked release turns critical between two refreshes of the file', async () => {
    // shop 2.3.0 is `warning` (1 crash in 95 sessions); 40 more crashed sessions make it critical.
    const now = Math.floor(Date.now() / 1000);
    const extra = sessionLines(now, [{ project: 'shop', release: '2.3.0', environment: 'production', exited: 0, errored: 0, crashed: 40, abnormal: 0, users: 40, hoursAgo: 2 }])
      .map((l) => l.replace(/"sid":"shop-2\.3\.0-/, '"sid":"shop-2.3.0-late-'));
    fs.appendFileSync(sessionFile, extra.join('\n') + '\n');
    const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: '2.3.0 is now critical' }).first();
    await toast.waitFor({ timeout: 60_000 });
    const text = await toast.innerText();
    assert.match(text, /2\.3\.0 is now critical \(was warning\): \d+\.\d\d% crash-free sessions/);
    for (const action of ['Open', 'Compare', "Don't show again for this release"]) {
      assert.ok(await toast.locator('.monaco-button', { hasText: action }).count() > 0, `the notification offers ${action}`);
    }
    await page.screenshot({ path: path.join(RESULTS, 'watch-notification-dark.png') });
    assert.strictEqual(await page.locator('.notifications-toasts .notification-toast').filter({ hasText: 'is now critical' }).count(), 1, 'one notification');
    await toast.locator('.monaco-button', { hasText: 'Compare' }).click();
    const view = await frameWith(page, '[data-comparison-verdict]', 30_000);
    await view.locator('[data-comparison-verdict]').waitFor();
  });

  it('after "Reload Window" the comparison view is restored with its releases', async () => {
    const reloaded = page.waitForEvent('domcontentloaded', { timeout: 60_000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.statusbar').waitFor({ timeout: 60_000 });
    const view = await frameWith(page, '[data-comparison-verdict]', 60_000);
    await view.locator('body[data-state="ready"]').waitFor({ timeout: 30_000 });
    assert.strictEqual(await view.getAttribute('[data-release]', 'data-release'), '2.3.0');
    assert.match(await view.locator('[data-comparison-verdict]').innerText(), /2\.3\.0 .*2\.2\.0/);
  });
});

