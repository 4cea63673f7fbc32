// Issue 16: the release panel against VS Code's own Markdown preview, like for like, in one
// code-server run. Both are timed from the mouse press on a quick-input row (the release in "Show
// Release Health"; "Markdown: Open Preview" in the palette) to their content rendered in the
// webview's frame, found the same way (every frame searched every 50 ms).
//
// - cold: each sample in a fresh browser context (no webview service worker, no HTTP cache, a
//   newly loaded workbench), so each is the first webview of its browser session; panel and
//   Markdown samples alternate (ABBA).
// - warm: one context; one panel and one preview opened and closed first, then panel and
//   preview alternate (order swapped every repetition), each closed again after it is timed.
//
// Writes every sample, the medians and the panel's profile (webview performance marks and
// resource timings, ms after the click) as JSON to --out. Usage:
//   npx tsx bench/extension/panelTimingTask.ts --out FILE [--cold N] [--warm N] [--dist DIR]
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  ensureVsCode,
  installExtensionFolder,
  makeTempDir,
  startCodeServer,
  withCleanup,
} from '../../scripts/testing/codeServer';
import { PanelMark } from '../../src/webview/protocol';
import { E2E_RELEASES, sessionLines } from '../../test/e2e/sessionData';
import { commandRow, frameWith, QUIET_WORKBENCH_SETTINGS, quickOpen, quickPickRow } from '../../test/e2e/workbenchPage';
import { median, round } from '../lib/stats';

const RELEASE = E2E_RELEASES[0].release; // shop 2.2.0
const MARKDOWN_FILE = 'notes.md';
const MARKDOWN_HEADING = 'Release notes 4711';
/** What "rendered" means for each: the panel's figures (state ready), the preview's list. */
const PANEL_RENDERED = `body[data-state="ready"] [data-release="${RELEASE}"]`;
const PREVIEW_RENDERED = 'li:has-text("two")';
/** Quiet time after the workbench or a closed editor, so a sample does not time leftovers. */
const SETTLE_MS = 1500;

export type Kind = 'panel' | 'markdown';

export interface Sample {
  kind: Kind;
  /** Click to content rendered, as the test sees it. */
  ms: number;
  /** Click to the webview's document starting to load (its timeOrigin): VS Code's webview creation. */
  documentMs: number;
  /** Click to the webview's iframe in the workbench's DOM: the command, the extension host, the editor opened. */
  frameElementMs: number | null;
  /** The panel only: ms after the click of each mark and of each resource fully loaded. */
  marks?: Record<string, number>;
}

export interface PanelTimingResult {
  cold: { panel: Sample[]; markdown: Sample[] };
  warm: { panel: Sample[]; markdown: Sample[] };
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The webview frame's clock, in ms after `start` (epoch ms on the same machine). */
async function frameTimes(frame: Frame, start: number, marks: string[]): Promise<{ documentMs: number; marks: Record<string, number> }> {
  // No named function inside evaluate: tsx would wrap it in a helper the page lacks.
  const t = await frame.evaluate((names) => ({
    origin: performance.timeOrigin,
    marks: names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null] as const),
    resources: performance.getEntriesByType('resource').map((r) => [r.name.replace(/^.*\//, '').replace(/\?.*$/, ''), (r as PerformanceResourceTiming).responseEnd] as const),
    dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? null,
  }), marks);
  const at = (ms: number) => Math.round(t.origin + ms - start);
  const out: Record<string, number> = {};
  for (const [name, ms] of t.resources) out[`loaded ${name}`] = at(ms);
  for (const [name, ms] of t.marks) if (ms !== null) out[name] = at(ms);
  if (t.dcl) out.domContentLoaded = at(t.dcl);
  return { documentMs: Math.round(t.origin - start), marks: out };
}

/**
 * Notes (in the workbench page) the mouse press on the row, when the quick input hides, and when
 * the next webview iframe is added to the DOM. The press, not the call to playwright's click
 * (which first waits for the row to be stable), is where a timing starts.
 */
async function watchFrameElement(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { rhFrameAt: number | null; rhPickHiddenAt: number | null; rhPressAt: number | null; rhObserver?: MutationObserver };
    w.rhObserver?.disconnect();
    w.rhFrameAt = null;
    w.rhPickHiddenAt = null;
    w.rhPressAt = null;
    document.addEventListener('mousedown', () => { w.rhPressAt = performance.timeOrigin + performance.now(); }, { capture: true, once: true });
    w.rhObserver = new MutationObserver(() => {
      const now = performance.timeOrigin + performance.now();
      const pick = document.querySelector<HTMLElement>('.quick-input-widget');
      if (w.rhPickHiddenAt === null && pick && pick.style.display === 'none') w.rhPickHiddenAt = now;
      if (w.rhFrameAt === null && document.querySelector('iframe.webview')) w.rhFrameAt = now;
      if (w.rhFrameAt !== null && w.rhPickHiddenAt !== null) w.rhObserver?.disconnect();
    });
    w.rhObserver.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
  });
}

/** The press on the row (epoch ms; `clicked`, before playwright's click, if none was seen) and the iframe's time after it. */
async function pressAndFrame(page: Page, clicked: number): Promise<{ start: number; frameElementMs: number | null }> {
  const at = await page.evaluate(() => {
    const w = window as unknown as { rhFrameAt: number | null; rhPickHiddenAt: number | null; rhPressAt: number | null };
    return { rhFrameAt: w.rhFrameAt, rhPickHiddenAt: w.rhPickHiddenAt, rhPressAt: w.rhPressAt };
  });
  const start = at.rhPressAt ?? clicked;
  if (process.env.RH_PANEL_TIMING_DEBUG) {
    process.stderr.write(`  pressed at ${start} (${Math.round(start - clicked)} ms after the click call), quick input hidden at ${at.rhPickHiddenAt === null ? '?' : Math.round(at.rhPickHiddenAt - start)}\n`);
  }
  return { start, frameElementMs: at.rhFrameAt === null ? null : Math.round(at.rhFrameAt - start) };
}

async function timePanel(page: Page): Promise<Sample> {
  await (await commandRow(page, 'Release Health: Show Release Health')).click();
  const row = quickPickRow(page, RELEASE);
  await row.waitFor({ timeout: 30_000 });
  await watchFrameElement(page);
  const clicked = Date.now();
  await row.click();
  const frame = await frameWith(page, PANEL_RENDERED);
  const end = Date.now();
  const { start, frameElementMs } = await pressAndFrame(page, clicked);
  const t = await frameTimes(frame, start, [PanelMark.Script, PanelMark.State, PanelMark.Figures, PanelMark.Chart]);
  return { kind: 'panel', ms: Math.round(end - start), frameElementMs, documentMs: t.documentMs, marks: t.marks };
}

async function timeMarkdown(page: Page): Promise<Sample> {
  // The preview is of the active editor: notes.md's tab first.
  await page.locator('.tab', { hasText: MARKDOWN_FILE }).first().click();
  await page.locator('.monaco-editor .view-lines', { hasText: MARKDOWN_HEADING }).first().waitFor({ timeout: 30_000 });
  const row = await commandRow(page, 'Markdown: Open Preview');
  await watchFrameElement(page);
  const clicked = Date.now();
  await row.click();
  const frame = await frameWith(page, PREVIEW_RENDERED);
  const end = Date.now();
  const { start, frameElementMs } = await pressAndFrame(page, clicked);
  const t = await frameTimes(frame, start, []);
  return { kind: 'markdown', ms: Math.round(end - start), frameElementMs, documentMs: t.documentMs };
}

function time(kind: Kind, page: Page): Promise<Sample> {
  return kind === 'panel' ? timePanel(page) : timeMarkdown(page);
}

/** Closes the active editor (the panel or the preview) and waits until its webview is gone. */
async function closeActive(page: Page, kind: Kind): Promise<void> {
  await (await commandRow(page, 'View: Close Editor')).click();
  const gone = kind === 'panel' ? PANEL_RENDERED : PREVIEW_RENDERED;
  for (let i = 0; i < 100; i++) {
    let found = false;
    for (const f of page.frames()) if (await f.$(gone).catch(() => null)) found = true;
    if (!found) return;
    await sleep(100);
  }
  throw new Error(`the ${kind} did not close`);
}

/** A new browser context (its own profile: nothing cached) on the workbench of `folder`, notes.md open, settled. */
async function freshWorkbench(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  if (process.env.RH_PANEL_TIMING_DEBUG) page.on('console', (m) => { if (m.text().includes('rh-timing')) process.stderr.write(`  ${m.text()}\n`); });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  // The extension has its data when the status bar shows the release.
  await page.locator('.statusbar .statusbar-item', { hasText: /crash-free/ }).first().waitFor({ timeout: 90_000 });
  await quickOpen(page, MARKDOWN_FILE, MARKDOWN_HEADING);
  await sleep(SETTLE_MS);
  return { context, page };
}

/** Unloads the workbench first, so its window's extension host ends now rather than after a reconnection grace time. */
async function closeContext(context: BrowserContext, page: Page): Promise<void> {
  await page.goto('about:blank').catch(() => undefined);
  await context.close().catch(() => undefined);
}

async function main(): Promise<void> {
  const out = arg('out', '');
  if (!out) throw new Error('--out FILE is required');
  const coldRuns = Number(arg('cold', '3'));
  const warmRuns = Number(arg('warm', '5'));
  const log = (s: string) => process.stderr.write(`panel timing: ${s}\n`);
  const tools = ensureVsCode();
  await withCleanup(async (defer) => {
    const tmp = makeTempDir('rh-panel-timing-');
    defer(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const extensionsDir = path.join(tmp, 'extensions');
    const userDataDir = path.join(tmp, 'user-data');
    const installed = installExtensionFolder(extensionsDir);
    // --dist DIR: time another build (an older commit's production dist/, for a before/after).
    const dist = arg('dist', '');
    if (dist) {
      fs.rmSync(path.join(installed, 'dist'), { recursive: true, force: true });
      fs.cpSync(dist, path.join(installed, 'dist'), { recursive: true });
    }
    const sessionFile = path.join(tmp, 'sessions.ndjson');
    fs.writeFileSync(sessionFile, sessionLines(Math.floor(Date.now() / 1000)).join('\n') + '\n');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
      ...QUIET_WORKBENCH_SETTINGS,
      'releaseHealth.source': 'file',
      'releaseHealth.file.path': sessionFile,
    }));
    // A workspace folder per browser session: VS Code restores a folder's editors, so each
    // cold sample starts with none open.
    let folders = 0;
    const folder = () => {
      const dir = path.join(tmp, `workspace-${++folders}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, MARKDOWN_FILE), `# ${MARKDOWN_HEADING}\n\nA small file, the baseline of the panel's timing.\n\n- one\n- two\n`);
      return dir;
    };
    const first = folder();
    const server = await startCodeServer({ tools, extensionsDir, userDataDir, folder: first, logFile: path.join(tmp, 'code-server.log') });
    defer(() => server.stop());
    const url = (dir: string) => `${server.url}/?folder=${encodeURIComponent(dir)}`;
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: tools.chromium, headless: true, args: CHROMIUM_ARGS });
    defer(() => Promise.race([browser.close().catch(() => undefined), sleep(10_000)]));

    const result: PanelTimingResult = { cold: { panel: [], markdown: [] }, warm: { panel: [], markdown: [] } };
    // The server's first browser session is slow for everything (files read from disk the first
    // time, code-server's own warm-up): one untimed session opens both kinds first.
    {
      const { context, page } = await freshWorkbench(browser, url(first));
      try {
        for (const kind of ['panel', 'markdown'] as const) {
          log(`server warm-up ${kind} ${(await time(kind, page)).ms} ms`);
          await closeActive(page, kind);
        }
      } finally {
        await closeContext(context, page);
      }
    }
    // Cold, ABBA: panel, markdown, markdown, panel, ...
    for (let i = 0; i < 2 * coldRuns; i++) {
      const kind: Kind = i % 4 === 0 || i % 4 === 3 ? 'panel' : 'markdown';
      const { context, page } = await freshWorkbench(browser, url(folder()));
      try {
        const s = await time(kind, page);
        result.cold[kind].push(s);
        log(`cold ${kind} ${s.ms} ms (iframe at ${s.frameElementMs}, document at ${s.documentMs})`);
      } finally {
        await closeContext(context, page);
      }
    }
    // Warm: one session; both kinds opened and closed once, then alternated.
    const { context, page } = await freshWorkbench(browser, url(folder()));
    try {
      for (const kind of ['panel', 'markdown'] as const) {
        const s = await time(kind, page);
        log(`warm-up ${kind} ${s.ms} ms`);
        await closeActive(page, kind);
      }
      for (let i = 0; i < warmRuns; i++) {
        const order: Kind[] = i % 2 === 0 ? ['panel', 'markdown'] : ['markdown', 'panel'];
        for (const kind of order) {
          await sleep(SETTLE_MS);
          const s = await time(kind, page);
          result.warm[kind].push(s);
          log(`warm ${kind} ${s.ms} ms (iframe at ${s.frameElementMs}, document at ${s.documentMs})`);
          await closeActive(page, kind);
        }
      }
    } finally {
      await closeContext(context, page);
    }
    fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  });
}

/** Median of each mark over the samples that have it. */
export function medianProfile(samples: readonly Sample[]): Record<string, number> {
  const names = new Set<string>(['iframe', 'document']);
  for (const s of samples) for (const k of Object.keys(s.marks ?? {})) names.add(k);
  names.add('rendered');
  const of = (s: Sample, name: string) => (name === 'iframe' ? s.frameElementMs : name === 'document' ? s.documentMs : name === 'rendered' ? s.ms : s.marks?.[name]);
  const out: Record<string, number> = {};
  for (const name of names) {
    const values = samples.map((s) => of(s, name)).filter((v): v is number => typeof v === 'number');
    if (values.length > 0) out[name] = round(median(values), 0);
  }
  return out;
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
