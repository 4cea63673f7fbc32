// Section `extension` (issue 6, item 4): sizes of the production bundles (`node esbuild.js
// --production`, as vscode:prepublish builds them); activationMs measured inside the extension
// host in code-server (the integration test that times activate(); it writes RH_TIMINGS_FILE),
// and the release panel against VS Code's Markdown preview, cold and warm, in one code-server
// run (panelTimingTask.ts).
import { execFileSync, spawnSync } from 'child_process';
import * as os from 'os';
import * as fs from 'fs';
import * as path from 'path';
import { median, round } from '../lib/stats';
import { medianProfile, type PanelTimingResult, type Sample } from './panelTimingTask';

export interface ExtensionResult {
  bundleKB: number;
  webviewBundleKB: number;
  /** The Sentry API client, bundled apart and loaded on first use (not part of activation). */
  sentryApiBundleKB: number | null;
  activationMs: number | null;
  activationNote: string;
  /** Cold (each the first webview of a fresh browser session): release picked to figures rendered, median. */
  panelMs: number | null;
  panelNote: string;
  /** Cold: VS Code's built-in Markdown preview of a small file, command to content rendered, median, same code-server run. */
  markdownPreviewMs: number | null;
  /** panelMs / markdownPreviewMs (cold); target <= 1. */
  panelRatio: number | null;
  /** The same, warm: in one browser session after a panel and a preview were opened and closed. */
  panelMsWarm: number | null;
  markdownPreviewMsWarm: number | null;
  panelRatioWarm: number | null;
  /** Medians, ms after the click: the webview's iframe in the workbench, its document, our marks and resources, rendered. */
  panelProfile: { cold: Record<string, number>; warm: Record<string, number> } | null;
  markdownProfile: { cold: Record<string, number>; warm: Record<string, number> } | null;
  /** Every sample, ms from click to rendered. */
  samples: { cold: { panel: number[]; markdown: number[] }; warm: { panel: number[]; markdown: number[] } } | null;
}

const ROOT = path.join(__dirname, '../..');

/** Runs one VS Code test (by mocha grep) and reads the timings it writes; null with a reason otherwise. */
function timed(log: (s: string) => void, what: string, command: string[], env: Record<string, string>, key: string): { value: number | null; note: string; all: Record<string, number> } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rh-timing-')), 'timings.json');
  log(`extension: ${what}`);
  const r = spawnSync(command[0], command.slice(1), { cwd: ROOT, env: { ...process.env, ...env, RH_TIMINGS_FILE: file }, encoding: 'utf8', timeout: 300_000 });
  try {
    const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>;
    const value = all[key];
    if (typeof value === 'number') return { value: round(value, 1), note: '', all };
  } catch {
    // falls through to the reason below
  }
  return { value: null, note: `not measured: ${what} exited ${r.status ?? r.signal}`, all: {} };
}

function codeServerInstalled(): boolean {
  return spawnSync('bash', ['scripts/ensure-vscode.sh'], { cwd: ROOT, stdio: 'ignore' }).status === 0;
}

export async function extensionSection(log: (s: string) => void, quick = false): Promise<ExtensionResult> {
  log('extension: node esbuild.js --production');
  execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: ROOT, stdio: 'inherit' });
  const kb = (file: string): number | null => (fs.existsSync(path.join(ROOT, file)) ? round(fs.statSync(path.join(ROOT, file)).size / 1024, 1) : null);
  const bundleKB = kb('dist/extension.js');
  const webviewBundleKB = kb('dist/webview.js');
  if (bundleKB === null || webviewBundleKB === null) throw new Error('dist/extension.js or dist/webview.js was not built');
  const sizes = { bundleKB, webviewBundleKB, sentryApiBundleKB: kb('dist/sentryApi.js') };
  // --quick stays short: the VS Code timings only when code-server is already installed.
  const cached = fs.existsSync(path.join(ROOT, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server'));
  if ((quick && !cached) || !codeServerInstalled()) {
    const reason = quick ? 'skipped in --quick: code-server is not installed yet (scripts/ensure-vscode.sh)' : 'code-server could not be installed (scripts/ensure-vscode.sh)';
    return { ...sizes, activationMs: null, activationNote: reason, ...noPanel(reason) };
  }
  const activation = timed(log, 'the in-host activation test (code-server)', ['npx', 'tsx', 'test/integration/runCodeServer.ts'], { RH_GREP: 'times activate' }, 'activationMs');
  return {
    ...sizes,
    activationMs: activation.value,
    activationNote: activation.note || 'activate() in the extension host; target < 30',
    ...panelTimings(log, quick),
  };
}

type PanelFigures = Omit<ExtensionResult, 'bundleKB' | 'webviewBundleKB' | 'sentryApiBundleKB' | 'activationMs' | 'activationNote'>;

function noPanel(reason: string): PanelFigures {
  return {
    panelMs: null, panelNote: reason, markdownPreviewMs: null, panelRatio: null,
    panelMsWarm: null, markdownPreviewMsWarm: null, panelRatioWarm: null,
    panelProfile: null, markdownProfile: null, samples: null,
  };
}

/** Runs panelTimingTask.ts (its own code-server, the production build installed) and reduces its samples to medians. */
function panelTimings(log: (s: string) => void, quick: boolean): PanelFigures {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rh-panel-timing-')), 'panel.json');
  log('extension: the release panel against the Markdown preview, cold and warm (code-server)');
  const counts = quick ? ['--cold', '2', '--warm', '3'] : ['--cold', '4', '--warm', '7'];
  const r = spawnSync('npx', ['tsx', 'bench/extension/panelTimingTask.ts', '--out', file, ...counts], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: 900_000 });
  if (!fs.existsSync(file)) return noPanel(`not measured: panelTimingTask.ts exited ${r.status ?? r.signal}`);
  const t = JSON.parse(fs.readFileSync(file, 'utf8')) as PanelTimingResult;
  const med = (xs: Sample[]) => (xs.length > 0 ? round(median(xs.map((s) => s.ms)), 0) : null);
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null ? round(a / b, 2) : null);
  const panelMs = med(t.cold.panel);
  const markdownPreviewMs = med(t.cold.markdown);
  const panelMsWarm = med(t.warm.panel);
  const markdownPreviewMsWarm = med(t.warm.markdown);
  const ms = (xs: Sample[]) => xs.map((s) => s.ms);
  return {
    panelMs,
    panelNote: `release picked to figures rendered, cold (each the first webview of a fresh browser session), median of ${t.cold.panel.length}`,
    markdownPreviewMs,
    panelRatio: ratio(panelMs, markdownPreviewMs),
    panelMsWarm,
    markdownPreviewMsWarm,
    panelRatioWarm: ratio(panelMsWarm, markdownPreviewMsWarm),
    panelProfile: { cold: medianProfile(t.cold.panel), warm: medianProfile(t.warm.panel) },
    markdownProfile: { cold: medianProfile(t.cold.markdown), warm: medianProfile(t.warm.markdown) },
    samples: { cold: { panel: ms(t.cold.panel), markdown: ms(t.cold.markdown) }, warm: { panel: ms(t.warm.panel), markdown: ms(t.warm.markdown) } },
  };
}
