// The test-harness extension for code-server: installed next to the extension under test,
// activated on startup finished, it runs the in-host suite and writes the result (counts,
// failures) to the file named in harness-config.json beside it, where the launcher waits for it.
import * as fs from 'fs';
import * as path from 'path';
import type * as vscode from 'vscode';
import { runSuite, type SuiteResult } from '../suite/index';

export interface HarnessConfig {
  resultFile: string;
  grep?: string;
}

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

export function activate(context: vscode.ExtensionContext): void {
  const config = JSON.parse(fs.readFileSync(path.join(context.extensionPath, 'harness-config.json'), 'utf8')) as HarnessConfig;
  // Only the first activation runs the suite (a reloaded window would activate the harness again).
  const claim = `${config.resultFile}.started`;
  try {
    fs.writeFileSync(claim, String(process.pid), { flag: 'wx' });
  } catch {
    return;
  }
  void (async () => {
    let result: SuiteResult;
    try {
      result = await runSuite({ grep: config.grep });
    } catch (err) {
      const e = err as Error;
      result = { passed: 0, failed: 1, pending: 0, tests: [], failures: [{ title: 'integration suite crashed', message: e?.message ?? String(err), stack: e?.stack }] };
    }
    writeAtomically(config.resultFile, JSON.stringify(result, null, 2));
  })();
}

export function deactivate(): void {}
