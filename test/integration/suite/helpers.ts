// Shared by the in-host tests: the extension under test, its test API, settings, waiting.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ReleaseHealthTestApi } from '../../../src/extension/testApi';
import type { ReleaseHealth } from '../../../src/health/types';
import type { ReleaseKey, StoreState } from '../../../src/extension/store/storeTypes';

export type { ReleaseHealthTestApi, ReleaseHealth, ReleaseKey, StoreState };

export const EXTENSION_ID = 'release-health.release-health';

export async function extensionApi(): Promise<ReleaseHealthTestApi> {
  const ext = vscode.extensions.getExtension<ReleaseHealthTestApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  assert.ok(api && typeof api === 'object', 'activate() returned no test API');
  return api;
}

export function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('releaseHealth');
}

/** Writes a user (global) setting; `undefined` removes it. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await config().update(key, value, vscode.ConfigurationTarget.Global);
}

export async function resetSettings(keys: string[]): Promise<void> {
  for (const k of keys) await setSetting(k, undefined);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls until `check` returns something other than undefined/false; fails with `what` after `timeoutMs`. */
export async function waitUntil<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    }
    await sleep(100);
  }
}

/** Waits until the store shows data of `source` that was loaded after this call's settings took effect. */
export async function waitForData(api: ReleaseHealthTestApi, source: 'demo' | 'file' | 'sentry', timeoutMs = 60_000) {
  return waitUntil(`the store to show ${source} data (state: ${describeState(api.store.state)})`, () => {
    const s = api.store.state;
    return s.status === 'ready' && s.snapshot.scope.kind === source ? s.snapshot : undefined;
  }, timeoutMs);
}

export function describeState(s: StoreState): string {
  switch (s.status) {
    case 'ready':
      return `ready (${s.snapshot.scope.kind}, ${s.snapshot.overview.releases.length} releases)`;
    case 'error':
      return `error: ${s.error.message}`;
    default:
      return s.status;
  }
}

/** Closes every editor (panels included) so tests do not see each other's tabs. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
