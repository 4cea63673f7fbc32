// Shared by the code-server launchers (test/integration, test/e2e): install on demand, start
// code-server on a free loopback port in its own process group, open it in Debian's Chromium
// with playwright-core, and tear everything down again.
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface VsCodeTools {
  codeServer: string;
  /** Folder holding Node 24's `node`: code-server must run with it first on PATH. */
  node24BinDir: string;
  chromium: string;
}

/** Runs scripts/ensure-vscode.sh (a quick check once everything is installed). */
export function ensureVsCode(): VsCodeTools {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'ensure-vscode.sh'), '--print-env'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`scripts/ensure-vscode.sh failed (exit ${r.status ?? r.signal})`);
  const env: Record<string, string> = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) env[m[1]] = m[2];
  }
  if (!env.CODE_SERVER_BIN || !env.NODE24_BIN_DIR || !env.CHROMIUM) throw new Error(`unexpected output of ensure-vscode.sh: ${r.stdout}`);
  return { codeServer: env.CODE_SERVER_BIN, node24BinDir: env.NODE24_BIN_DIR, chromium: env.CHROMIUM };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `check` until it returns a value (not undefined), or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, timeoutMs: number, check: () => T | undefined | Promise<T | undefined>, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** Copies the parts of the built extension that VS Code loads into `<extensionsDir>/<publisher>.<name>-<version>`. */
export function installExtensionFolder(extensionsDir: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const dest = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  fs.mkdirSync(dest, { recursive: true });
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run the build first');
  for (const item of ['package.json', 'package.nls.json', 'dist', 'media', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
    const from = path.join(ROOT, item);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dest, item), { recursive: true });
  }
  return dest;
}

export interface CodeServerOptions {
  tools: VsCodeTools;
  extensionsDir: string;
  userDataDir: string;
  /** Workspace folder to open. */
  folder: string;
  /** code-server's own output goes here. */
  logFile: string;
  env?: NodeJS.ProcessEnv;
}

export interface RunningCodeServer {
  url: string;
  /** URL of the workbench with `folder` open. */
  workbenchUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

function pathWithNode24(tools: VsCodeTools): string {
  return `${tools.node24BinDir}${path.delimiter}${process.env.PATH ?? ''}`;
}

/** Runs the code-server CLI once (e.g. `--install-extension x.vsix`) and returns its output. */
export function codeServerCli(tools: VsCodeTools, args: string[]): string {
  const r = spawnSync(tools.codeServer, args, {
    encoding: 'utf8',
    env: { ...process.env, PATH: pathWithNode24(tools) },
    timeout: 180_000,
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`code-server ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${out}`);
  return out;
}

/** Kills a process group started with `detached: true`, first politely, then for sure. */
async function killGroup(child: ChildProcess, graceMs = 3000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    // The leader is gone, but its children may not be.
    if (pid !== undefined) try { process.kill(-pid, 'SIGKILL'); } catch { /* none left */ }
    return;
  }
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try { process.kill(-pid, 'SIGTERM'); } catch { /* already gone */ }
  await Promise.race([exited, sleep(graceMs)]);
  try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
}

export async function startCodeServer(o: CodeServerOptions): Promise<RunningCodeServer> {
  const port = await freePort();
  const configDir = makeTempDir('rh-cs-config-');
  const configFile = path.join(configDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const log = fs.openSync(o.logFile, 'a');
  const child = spawn(
    o.tools.codeServer,
    [
      '--config', configFile,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--extensions-dir', o.extensionsDir,
      '--user-data-dir', o.userDataDir,
      o.folder,
    ],
    {
      detached: true, // its own process group, so stop() ends the extension host and everything else too
      stdio: ['ignore', log, log],
      env: { ...process.env, ...o.env, PATH: pathWithNode24(o.tools), XDG_CONFIG_HOME: configDir },
    },
  );
  fs.closeSync(log);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await killGroup(child);
    fs.rmSync(configDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor('code-server to listen', 60_000, async () => {
      if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${o.logFile}`);
      try {
        const res = await fetch(`${url}/healthz`);
        return res.ok ? true : undefined;
      } catch {
        return undefined;
      }
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, workbenchUrl: `${url}/?folder=${encodeURIComponent(o.folder)}`, process: child, stop };
}

export interface OpenBrowser {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** Chromium flags verified on these machines (no sandbox as root, no background network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function openWorkbench(tools: VsCodeTools, url: string, viewport = { width: 1400, height: 900 }): Promise<OpenBrowser> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: tools.chromium, headless: true, args: CHROMIUM_ARGS });
  // playwright starts chromium in a process group of its own and kills that group on close.
  const close = async () => {
    await Promise.race([browser.close().catch(() => undefined), sleep(10_000)]);
  };
  try {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    return { browser, page, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Runs `fn` with cleanups that always run, in reverse order, also on SIGINT/SIGTERM/SIGHUP. A
 * Ctrl-C reaches the process more than once (the terminal signals the whole process group and
 * npm relays it too): the first starts the cleanups, the others wait for them.
 */
export async function withCleanup<T>(fn: (defer: (c: () => unknown) => void) => Promise<T>): Promise<T> {
  const cleanups: Array<() => unknown> = [];
  const runAll = async () => {
    while (cleanups.length > 0) {
      const c = cleanups.pop()!;
      try { await c(); } catch (err) { console.error(`cleanup failed: ${(err as Error).message}`); }
    }
  };
  let stopping = false;
  const onSignal = (sig: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void runAll().finally(() => process.exit(sig === 'SIGINT' ? 130 : sig === 'SIGHUP' ? 129 : 143));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);
  try {
    return await fn((c) => cleanups.push(c));
  } finally {
    await runAll();
    for (const s of signals) process.removeListener(s, onSignal);
  }
}
