// `npm run test:integration`: runs the in-host suite in a real VS Code (code-server) on this
// machine. Installs the built extension (package.json, package.nls.json, dist/, media/) and the test-harness
// extension into a throwaway extensions dir, starts code-server on loopback, opens the
// workbench in headless Chromium (the extension host starts only once a client connects), and
// waits for the harness's result file.
//
// Environment: RH_INTEGRATION_TIMEOUT_S (default 180), RH_GREP (mocha grep), RH_KEEP_TMP=1 keeps
// the temporary folders, RH_TEST_COUNTS (see scripts/testing/counts.ts).
import * as fs from 'fs';
import * as path from 'path';
import { writeCounts } from '../../scripts/testing/counts';
import {
  ROOT,
  ensureVsCode,
  installExtensionFolder,
  makeTempDir,
  openWorkbench,
  startCodeServer,
  waitFor,
  withCleanup,
} from '../../scripts/testing/codeServer';
import type { HarnessConfig } from './harness/extension';
import type { SuiteResult } from './suite/index';
import { HARNESS_BUNDLE, buildIntegrationBundles } from './build';

const TIMEOUT_MS = Number(process.env.RH_INTEGRATION_TIMEOUT_S ?? 180) * 1000;
const RESULTS_DIR = path.join(ROOT, 'test-results', 'integration');

function installHarness(extensionsDir: string, config: HarnessConfig): void {
  const dir = path.join(extensionsDir, 'release-health.release-health-test-harness-0.0.1');
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(HARNESS_BUNDLE, path.join(dir, 'harness.js'));
  fs.writeFileSync(path.join(dir, 'harness-config.json'), JSON.stringify(config, null, 2));
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'release-health-test-harness',
        displayName: 'Release Health test harness',
        publisher: 'release-health',
        version: '0.0.1',
        private: true,
        engines: { vscode: '^1.95.0' },
        main: './harness.js',
        activationEvents: ['onStartupFinished'],
        // No extensionDependencies on the extension under test: if that fails to activate, the
        // suite still runs and reports why (its tests activate it themselves).
      },
      null,
      2,
    ),
  );
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(none)';
  }
}

function findFiles(dir: string, name: RegExp, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findFiles(p, name, out);
    else if (name.test(e.name)) out.push(p);
  }
  return out;
}

function report(r: SuiteResult): void {
  for (const t of r.tests) console.log(`  ${t.state === 'passed' ? '✓' : t.state === 'failed' ? '✗' : '-'} ${t.title}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}`);
  r.failures.forEach((f, i) => {
    console.log(`\n  ${i + 1}) ${f.title}\n     ${f.message.split('\n').join('\n     ')}`);
    const at = (f.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 5);
    if (at.length > 0) console.log(`     ${at.map((l) => l.trim()).join('\n     ')}`);
  });
  console.log(`\nintegration (code-server): ${r.passed} passing, ${r.failed} failing, ${r.pending} pending`);
}

async function main(): Promise<number> {
  const started = Date.now();
  const tools = ensureVsCode();
  await buildIntegrationBundles();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });

  return withCleanup(async (defer) => {
    const tmp = makeTempDir('rh-integration-');
    if (process.env.RH_KEEP_TMP === '1') console.log(`temporary folder kept: ${tmp}`);
    else defer(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const extensionsDir = path.join(tmp, 'extensions');
    const userDataDir = path.join(tmp, 'user-data');
    const workspace = path.join(tmp, 'workspace');
    const resultFile = path.join(tmp, 'result.json');
    const logFile = path.join(RESULTS_DIR, 'code-server.log');
    fs.rmSync(logFile, { force: true });
    for (const d of [extensionsDir, path.join(userDataDir, 'User'), workspace]) fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(
      path.join(userDataDir, 'User', 'settings.json'),
      JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'workbench.tips.enabled': false }, null, 2),
    );
    installExtensionFolder(extensionsDir);
    installHarness(extensionsDir, { resultFile, grep: process.env.RH_GREP || undefined });

    const server = await startCodeServer({ tools, extensionsDir, userDataDir, folder: workspace, logFile });
    defer(() => server.stop());
    const browser = await openWorkbench(tools, server.workbenchUrl);
    defer(() => browser.close());
    console.log(`code-server ready and workbench opened after ${((Date.now() - started) / 1000).toFixed(1)} s; waiting for the in-host suite`);

    let result: SuiteResult;
    try {
      result = await waitFor('the harness result file', TIMEOUT_MS, () => {
        if (server.process.exitCode !== null) throw new Error(`code-server exited early with ${server.process.exitCode}`);
        return fs.existsSync(resultFile) ? (JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SuiteResult) : undefined;
      }, 500);
    } catch (err) {
      await browser.page.screenshot({ path: path.join(RESULTS_DIR, 'timeout.png') }).catch(() => undefined);
      console.error(`integration: ${(err as Error).message}`);
      console.error(`--- code-server log (tail) ---\n${tail(logFile, 40)}`);
      for (const f of findFiles(path.join(userDataDir, 'logs'), /^(exthost|remoteexthost)\.log$/)) console.error(`--- ${path.relative(userDataDir, f)} (tail) ---\n${tail(f, 60)}`);
      result = { passed: 0, failed: 1, pending: 0, tests: [], failures: [{ title: 'integration suite did not report', message: (err as Error).message }] };
    }
    report(result);
    fs.writeFileSync(path.join(RESULTS_DIR, 'result.json'), JSON.stringify(result, null, 2));
    writeCounts({ passed: result.passed, failed: result.failed, pending: result.pending });
    console.log(`integration layer took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result.failed > 0 || result.passed === 0 ? 1 : 0;
  });
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`integration: ${(err as Error).stack ?? err}`);
    writeCounts({ passed: 0, failed: 1, pending: 0 });
    process.exit(1);
  },
);
