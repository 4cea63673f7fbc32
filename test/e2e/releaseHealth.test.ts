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
import { commandRow, frameWith, packagedVsix, QUIET_WORKBENCH_SETTINGS, quickOpen, quickPickRow, RESULTS, runCommand } from './workbenchPage';

const PICKED = E2E_RELEASES[0]; // shop 2.2.0: not the newest, so the pick matters
const LIGHT = 'Default Light Modern';
const DARK_LABEL = 'Dark Modern'; // the theme picker's label of "Default Dark Modern"
/** A small Markdown file whose built-in preview is the baseline of the panel's timing. */
const MARKDOWN_FILE = 'notes.md';
const MARKDOWN_HEADING = 'Release notes 4711';

function cliCompare(file: string, ...extra: string[]): { crashFreeSessions: { difference: number | null; differenceInterval: [number, number] | null; verdict: string } } {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'compare', '--file', file, '--project', 'shop', '--base', '2.2.0', '--candidate', '2.3.0', '--format', 'json', ...extra], { encoding: 'utf8' });
  return JSON.parse(out);
}

function cliOverview(file: string): Overview {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'overview', '--file', file, '--format', 'json'], { encoding: 'utf8' });
  return JSON.parse(out) as Overview;
}

/** Adds `timings` to RH_TIMINGS_FILE, when set: one run's figures for a quick look (`npm run bench` times the panel against the Markdown preview in bench/extension/panelTimingTask.ts, cold and warm, several samples). */
function recordTimings(timings: Record<string, number>): void {
  const file = process.env.RH_TIMINGS_FILE;
  if (!file) return;
  const old = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>) : {};
  fs.writeFileSync(file, JSON.stringify({ ...old, ...timings }));
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

/** The status bar's Release Health item: its text and whether its background stands out from the bar's. */
async function statusBarItem(page: Page): Promise<{ text: string; highlighted: boolean }> {
  const handle = await page.waitForFunction(() => {
    const item = Array.from(document.querySelectorAll('.statusbar .statusbar-item')).find((e) => /[^\s:]+: [\d,]+ errored · \d+\.\d\d% crash-free/.test(e.textContent ?? ''));
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
    const vsix = packagedVsix();
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
      ...QUIET_WORKBENCH_SETTINGS,
      'workbench.colorTheme': LIGHT,
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

  it('the status bar shows the tracked release with the CLI\'s crash-free rate; only a critical one stands out', async () => {
    const item = await statusBarItem(page);
    const m = /(\S+): ([\d,]+) errored · (\d+\.\d\d)% crash-free/.exec(item.text);
    assert.ok(m, `status bar item: ${item.text}`);
    const [, release, errored, rate] = m;
    const r = cli.releases.find((x) => x.release === release);
    assert.ok(r, `the status bar's release ${release} is in the data`);
    assert.strictEqual(rate, r.crashFreeSessions!.toFixed(2), `crash-free sessions of ${release}`);
    assert.strictEqual(errored, r.sessionsErrored.toLocaleString('en-US'), `errored sessions of ${release}`);
    // Default thresholds (target 99.5, critical 98): a critical release gets the warning background.
    assert.strictEqual(item.highlighted, r.healthStatus === 'critical', `${release} is ${r.healthStatus}; item highlighted: ${item.highlighted}`);
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
    // The first row says what every figure covers (the view's own description is hidden here).
    const scopeRow = rows.first();
    assert.match(await scopeRow.innerText(), /Last 24 hours · All environments/);
    assert.strictEqual(await scopeRow.getAttribute('aria-label'), 'Scope: Last 24 hours · All environments, sessions.ndjson');
    await page.screenshot({ path: path.join(RESULTS, 'tree-light.png') });
  });

  it('accessibility: release rows announce their status in words, figure rows their label with the value', async () => {
    const rows = page.locator('.pane-body .monaco-list-row');
    const release = rows.filter({ hasText: /^\s*2\.3\.0/ }).first();
    const r = cliRelease('shop', '2.3.0');
    const label = (await release.getAttribute('aria-label')) ?? '';
    assert.ok(label.startsWith(`2.3.0, ${r.crashFreeSessions!.toFixed(2)}% crash-free`), `release row label: ${label}`);
    assert.doesNotMatch(label, /insufficient-data/);
    // Expand it with the keyboard (a click opens its panel) and read its figure rows.
    await release.locator('.monaco-tl-twistie').click();
    const sessionsRow = rows.filter({ hasText: /^\s*Sessions/ }).first();
    await sessionsRow.waitFor({ timeout: 15_000 });
    assert.strictEqual(await sessionsRow.getAttribute('aria-label'), `Sessions: ${r.totalSessions.toLocaleString('en-US')}`);
    // At the default side bar width a release row's description is whole (not cut with an ellipsis).
    const cut = await release.locator('.monaco-icon-label-container').evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    assert.strictEqual(cut, false, `the 2.3.0 row is cut: ${await release.innerText()}`);
    const crashFree = rows.filter({ hasText: /^\s*Crash-free sessions/ }).first();
    assert.match((await crashFree.getAttribute('aria-label')) ?? '', new RegExp(`^Crash-free sessions: ${r.crashFreeSessions!.toFixed(2).replace('.', '\\.')}%`));
    await release.locator('.monaco-tl-twistie').click();
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
    // From the pick to the figures rendered (one sample; see recordTimings).
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
    // The scope where the eye starts, and above the cards.
    assert.strictEqual((await frame.locator('[data-scope="header"]').innerText()).trim(), 'Last 24 hours · All environments');
    assert.strictEqual(await frame.locator('.headline-section').getAttribute('aria-label'), 'Headline figures, Last 24 hours · All environments');
    // The chart: an accessible name, and its values as a table (the text alternative), equal to the CLI's series.
    const chart = frame.locator('[data-chart="series"]');
    assert.strictEqual(await chart.getAttribute('role'), 'img');
    assert.match((await chart.getAttribute('aria-label')) ?? '', /^Chart: Sessions per hour, last 24 hours: /);
    const cells = await frame.locator('[data-chart-table="series"] td').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    assert.deepStrictEqual(cells, expected.stats['24h'].map((p) => p[1]), 'the table holds the chart\'s values');
    await page.screenshot({ path: path.join(RESULTS, 'panel-light.png') });
    await page.screenshot({ path: path.join(RESULTS, 'scope-light.png') });
  });

  /** Resizes the browser until the panel's page is `width` CSS pixels wide; returns the width reached. */
  async function panelWidth(frame: Frame, width: number): Promise<number> {
    let viewport = page.viewportSize()!;
    for (let i = 0; i < 4; i++) {
      const now = await frame.evaluate(() => document.documentElement.clientWidth);
      if (Math.abs(now - width) <= 4) return now;
      viewport = { width: Math.max(200, viewport.width + (width - now)), height: viewport.height };
      await page.setViewportSize(viewport);
      await page.waitForTimeout(600);
    }
    return frame.evaluate(() => document.documentElement.clientWidth);
  }

  /** What does not fit: elements wider than the page, or figures squeezed to nothing. */
  async function clipped(frame: Frame): Promise<string[]> {
    return frame.evaluate(() => {
      const page = document.documentElement.clientWidth;
      const out: string[] = [];
      if (document.documentElement.scrollWidth > page + 1) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${page}`);
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-figure], [data-copy-of], .summary-table td, .summary-table th, .card, h1, .scope-line, .chart'))) {
        // The column headings a narrow panel hides on purpose (each value carries its label then).
        const head = el.closest('thead');
        if (head && getComputedStyle(head).display === 'none') continue;
        const box = el.getBoundingClientRect();
        const name = el.getAttribute('data-figure') ?? el.getAttribute('data-copy-of') ?? el.className ?? el.tagName;
        if (box.right > page + 1) out.push(`${name} ends at ${Math.round(box.right)} > ${page}`);
        if ((el.textContent ?? '').trim() !== '' && (box.width < 1 || box.height < 1)) out.push(`${name} has no room`);
      }
      return out;
    });
  }

  it('a narrow panel (400 px, then 210 px) shows every value, nothing clipped', async () => {
    const frame = await frameWith(page, '[data-figure="crashFreeSessions"]');
    const wide = page.viewportSize()!;
    // The side bar closed (as on a small screen), so the panel can get narrow.
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    try {
      for (const target of [400, 210]) {
        const reached = await panelWidth(frame, target);
        assert.ok(Math.abs(reached - target) <= 8, `panel width ${reached}, wanted ${target}`);
        await frame.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(RESULTS, `panel-${target}.png`) });
        // The status table, where values vanished before.
        await frame.locator('.summary-table').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(RESULTS, `panel-${target}-status.png`) });
        assert.deepStrictEqual(await clipped(frame), [], `at ${reached} px`);
      }
    } finally {
      await page.setViewportSize(wide);
      await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
      // Back to the top, as the next screenshots (the README's) expect.
      await frame.evaluate(() => window.scrollTo(0, 0));
    }
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
    await quickOpen(page, MARKDOWN_FILE, MARKDOWN_HEADING);
    await page.locator('.tab', { hasText: MARKDOWN_FILE }).first().waitFor({ timeout: 30_000 });
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

