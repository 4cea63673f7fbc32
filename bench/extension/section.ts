// Section `extension` (issue 6, item 4): sizes of the production bundles (`node esbuild.js
// --production`, as vscode:prepublish builds them); activationMs measured inside the extension
// host in code-server (the integration test that times activate()), and panelMs from picking a
// release to its figures rendered (the e2e test). Both tests write RH_TIMINGS_FILE.
import { execFileSync, spawnSync } from 'child_process';
import * as os from 'os';
import * as fs from 'fs';
import * as path from 'path';
import { round } from '../lib/stats';

export interface ExtensionResult {
  bundleKB: number;
  webviewBundleKB: number;
  /** The Sentry API client, bundled apart and loaded on first use (not part of activation). */
  sentryApiBundleKB: number | null;
  activationMs: number | null;
  activationNote: string;
  panelMs: number | null;
  panelNote: string;
  /** VS Code's built-in Markdown preview of a small file, command to content rendered, in the same code-server run as panelMs. */
  markdownPreviewMs: number | null;
  /** panelMs / markdownPreviewMs; target <= 1. */
  panelRatio: number | null;
  /** Milliseconds from the pick to: the webview's document, its script running, the first state message, figures in the DOM, chart drawn. */
  panelProfile: Record<string, number> | null;
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
    return { ...sizes, activationMs: null, activationNote: reason, panelMs: null, panelNote: reason, markdownPreviewMs: null, panelRatio: null, panelProfile: null };
  }
  const activation = timed(log, 'the in-host activation test (code-server)', ['npx', 'tsx', 'test/integration/runCodeServer.ts'], { RH_GREP: 'times activate' }, 'activationMs');
  const panel = timed(log, 'the e2e layer (code-server, packaged .vsix)', ['sh', '-c', 'npm run --silent package && npx mocha --config test/e2e/.mocharc.json'], {}, 'panelMs');
  const markdown = typeof panel.all.markdownPreviewMs === 'number' ? round(panel.all.markdownPreviewMs, 1) : null;
  return {
    ...sizes,
    activationMs: activation.value,
    activationNote: activation.note || 'activate() in the extension host; target < 30',
    panelMs: panel.value,
    panelNote: panel.note || 'release picked in the quick pick to figures rendered in the webview',
    markdownPreviewMs: markdown,
    panelRatio: panel.value !== null && markdown !== null ? round(panel.value / markdown, 2) : null,
    panelProfile: panel.value === null ? null : {
      document: panel.all.panelDocumentMs, script: panel.all.panelScriptMs, firstState: panel.all.panelFirstStateMs, figures: panel.all.panelFiguresMs, chart: panel.all.panelChartMs,
    },
  };
}
