// `npm run test:electron`: the same in-host suite in desktop VS Code via @vscode/test-electron,
// for machines that can download VS Code (it cannot here: no access to VS Code's update servers;
// use `npm run test:integration`, which runs the suite in code-server).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { SUITE_BUNDLE, buildIntegrationBundles } from './build';

const ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  await buildIntegrationBundles();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-electron-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE_BUNDLE,
      version: process.env.RH_VSCODE_VERSION || 'stable',
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', path.join(tmp, 'user-data')],
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`test:electron failed: ${(err as Error).message ?? err}`);
  process.exit(1);
});
