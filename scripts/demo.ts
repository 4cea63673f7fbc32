// `npm run demo`: opens Release Health in a real VS Code (code-server, in the browser) on the
// demo data, next to the local Sentry-style server seeded with the same demo dataset, so that
// "Connect to Sentry…" can be tried without a Sentry account. Runs until Ctrl-C.
// Desktop VS Code: with `code` on PATH and RH_DEMO_DESKTOP=1, opens it there instead.
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ensureVsCode, freePort, installExtensionFolder, makeTempDir, ROOT, startCodeServer, waitFor } from './testing/codeServer';

const demoSettings = { 'releaseHealth.source': 'demo', 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false };

async function startLocalServer(): Promise<{ url: string; token: string; dsn: string; stop: () => void }> {
  const port = await freePort();
  const token = `demo-${Math.random().toString(36).slice(2, 12)}`;
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--demo', '--port', String(port), '--token', token], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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
  return { url, token, dsn, stop: () => child.kill('SIGTERM') };
}

async function main(): Promise<void> {
  const workspace = makeTempDir('rh-demo-workspace-');
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(demoSettings, null, 2));
  const server = await startLocalServer();

  const desktop = process.env.RH_DEMO_DESKTOP === '1' && spawnSync('code', ['--version']).status === 0;
  let stopEditor: () => Promise<void> = async () => undefined;
  if (desktop) {
    spawnSync('code', ['--extensionDevelopmentPath', ROOT, workspace], { stdio: 'inherit' });
    console.log('Opened desktop VS Code with the extension on the demo data.');
  } else {
    const tools = ensureVsCode();
    const extensionsDir = makeTempDir('rh-demo-ext-');
    installExtensionFolder(extensionsDir);
    const userDataDir = makeTempDir('rh-demo-user-');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(demoSettings, null, 2));
    const cs = await startCodeServer({ tools, extensionsDir, userDataDir, folder: workspace, logFile: path.join(userDataDir, 'code-server.log') });
    stopEditor = cs.stop;
    console.log('');
    console.log(`Release Health in VS Code (demo data): ${cs.workbenchUrl}`);
  }
  console.log(`Local Sentry-style server: ${server.url}  organization: sentry  token: ${server.token}`);
  console.log(`  In VS Code, "Release Health: Connect to Sentry…" with that URL, organization and token shows the same demo data through the API.`);
  console.log(`  DSN for an app's Sentry SDK: ${server.dsn}`);
  console.log('Press Ctrl-C to stop.');

  const shutdown = async () => {
    server.stop();
    await stopEditor();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  await new Promise(() => undefined);
}

main().catch((err) => {
  console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
