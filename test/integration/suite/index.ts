// The in-host integration suite: mocha inside the VS Code extension host, with the real `vscode`
// API. Bundled by test/integration/build.ts (`vscode` stays external). Two launchers load it:
// @vscode/test-electron (`run()`, its extensionTestsPath contract) and the code-server harness
// extension (`runSuite()`, which returns the detailed result it writes to a file).
import Mocha from 'mocha';

export interface TestFailure {
  title: string;
  message: string;
  stack?: string;
}

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  tests: Array<{ title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number }>;
  failures: TestFailure[];
}

function loadTests(): void {
  // Static requires so that esbuild bundles every file; mocha's globals are defined by then.
  require('./activation.test');
  require('./settings.test');
  require('./tree.test');
  require('./panel.test');
  require('./statusBar.test');
  require('./secrets.test');
  require('./localServer.test');
  require('./languageModelTools.test');
}

export function runSuite(options: { grep?: string; reporter?: string } = {}): Promise<SuiteResult> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: options.reporter ?? 'spec' });
  if (options.grep) mocha.grep(options.grep);
  mocha.suite.emit('pre-require', globalThis, 'integration-suite', mocha);
  loadTests();
  const result: SuiteResult = { passed: 0, failed: 0, pending: 0, tests: [], failures: [] };
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve(result));
    runner.on('pass', (t) => {
      result.passed++;
      result.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
    });
    runner.on('fail', (t, err: Error) => {
      result.failed++;
      result.tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration });
      result.failures.push({ title: t.fullTitle(), message: String(err?.message ?? err), stack: err?.stack });
    });
    runner.on('pending', (t) => {
      result.pending++;
      result.tests.push({ title: t.fullTitle(), state: 'pending' });
    });
  });
}

/** @vscode/test-electron's entry: rejects when a test failed. */
export async function run(): Promise<void> {
  const r = await runSuite();
  if (r.failed > 0 || r.passed === 0) throw new Error(`${r.failed} integration test(s) failed, ${r.passed} passed`);
}
