// `npm run demo`: opens Release Health in a real VS Code (code-server, in the browser) on the
// demo data, next to the local Sentry-style server seeded with the same demo dataset (same
// sessions, same figures), so that "Connect to Sentry…" can be tried without a Sentry account.
// Runs until Ctrl-C, which stops every process it started and removes its temporary folders;
// so does a failure at any step.
// Desktop VS Code: with `code` on PATH and RH_DEMO_DESKTOP=1, opens it there instead.
// Run as `node --import tsx scripts/demo.ts` (package.json), not through the tsx CLI: the CLI
// relays a Ctrl-C and SIGKILLs its child when the child does not acknowledge it within 30 ms,
// which on a loaded machine cut the cleanup short. test/unit/scripts/demo.test.ts sends it one.
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ensureVsCode, freePort, installExtensionFolder, makeTempDir, ROOT, sleep, startCodeServer, waitFor, withCleanup } from './testing/codeServer';

/**
 * `releaseHealth.source` goes into one settings scope only (User in code-server, whose user data
 * is the demo's own; Workspace in desktop VS Code, whose user settings are the person's), so
 * that changing it in the Settings UI takes effect.
 */
const RELEASE_HEALTH_SETTINGS = { 'releaseHealth.source': 'demo' };
/** The workbench without its start page, trust prompt and Chat side bar. */
const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
};
/** Read by the extension at activation: reveal the Releases view (the demo opens on it). */
const OPEN_VIEW_ENV = { RELEASE_HEALTH_OPEN_VIEW: '1' };

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

/** Stops a child politely, then for sure, and waits for it to be gone. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(3000)]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited;
  }
}

async function startLocalServer(defer: (c: () => unknown) => void): Promise<{ url: string; token: string; dsn: string }> {
  const port = await freePort();
  const token = `demo-${Math.random().toString(36).slice(2, 12)}`;
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--demo', '--port', String(port), '--token', token], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  defer(() => stopChild(child));
  let banner = '';
  child.stdout!.on('data', (d: Buffer) => (banner += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor('the local Sentry-style server', 120_000, async () => {
    if (child.exitCode !== null) throw new Error(`the local server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/0/organizations/sentry/projects/`, { headers: { Authorization: `Bearer ${token}` } });
      return res.ok ? true : undefined;
    } catch {
      return undefined;
    }
  }, 500);
  const dsn = /DSN:\s+(\S+)/.exec(banner)?.[1] ?? '(see the server line above)';
  return { url, token, dsn };
}

function tempDir(prefix: string, defer: (c: () => unknown) => void): string {
  const dir = makeTempDir(prefix);
  defer(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function main(): Promise<void> {
  await withCleanup(async (defer) => {
    const desktop = process.env.RH_DEMO_DESKTOP === '1' && spawnSync('code', ['--version']).status === 0;
    // The long install first: a failure there leaves nothing started.
    const tools = desktop ? null : ensureVsCode();
    const workspace = tempDir('rh-demo-workspace-', defer);
    const server = await startLocalServer(defer);

    let editorUrl: string | null = null;
    if (!tools) {
      writeJson(path.join(workspace, '.vscode', 'settings.json'), RELEASE_HEALTH_SETTINGS);
      spawnSync('code', ['--extensionDevelopmentPath', ROOT, workspace], { stdio: 'inherit', env: { ...process.env, ...OPEN_VIEW_ENV } });
    } else {
      const extensionsDir = tempDir('rh-demo-ext-', defer);
      installExtensionFolder(extensionsDir);
      const userDataDir = tempDir('rh-demo-user-', defer);
      writeJson(path.join(userDataDir, 'User', 'settings.json'), { ...WORKBENCH_SETTINGS, ...RELEASE_HEALTH_SETTINGS });
      const cs = await startCodeServer({ tools, extensionsDir, userDataDir, folder: workspace, logFile: path.join(userDataDir, 'code-server.log'), env: OPEN_VIEW_ENV });
      defer(() => cs.stop());
      editorUrl = cs.workbenchUrl;
    }
    console.log('');
    console.log(editorUrl ? `Release Health in VS Code (demo data): ${editorUrl}` : 'Opened desktop VS Code with the extension on the demo data.');
    console.log(`Local Sentry-style server: ${server.url}  organization: sentry  token: ${server.token}`);
    console.log('  In VS Code, "Release Health: Connect to Sentry…" with that URL, organization and token shows the same figures through the API.');
    console.log(`  DSN for an app's Sentry SDK: ${server.dsn}`);
    console.log('Press Ctrl-C to stop.');
    // Until Ctrl-C: withCleanup's signal handler then stops everything and exits.
    await new Promise(() => undefined);
  });
}

main().catch((err) => {
  console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
