// What both e2e suites do with the workbench page: find the packaged .vsix, find a webview's
// frame, and run a command or pick a row as a person would.
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { ROOT } from '../../scripts/testing/codeServer';

export const RESULTS = path.join(ROOT, 'test-results', 'e2e');

/** User settings for a workbench a test drives: light theme, nothing that pops up or updates by itself. */
export const QUIET_WORKBENCH_SETTINGS = {
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
} as const;

/** The packaged extension the suite installs; fails the suite's setup when it was not built. */
export function packagedVsix(): string {
  const vsix = vsixPath();
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first (npm run test:e2e does)`);
  return vsix;
}

/** Quick Open (Ctrl+P) a workspace file, as a person would, until its editor shows `text`. */
export async function quickOpen(page: Page, file: string, text: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(file);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: text }).first().waitFor({ timeout: 30_000 });
}

export function vsixPath(): string {
  if (process.env.RH_VSIX) return path.resolve(process.env.RH_VSIX);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
}

/** The frame (a webview's inner document) holding `selector`; looked for every 50 ms, so a timing ends close to when it appears. */
export async function frameWith(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
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

export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** A quick-pick row whose label is exactly `label`. */
export function quickPickRow(page: Page, label: string) {
  return page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactly(label) }) }).first();
}

/** F1, the command's title, then its row: as a person runs a command. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await (await commandRow(page, title)).click();
}

/** The command palette open on `title`'s row, not yet clicked. */
export async function commandRow(page: Page, title: string) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = quickPickRow(page, title);
  await row.waitFor();
  return row;
}
