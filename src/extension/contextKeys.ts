// Context keys for `when` clauses in package.json (welcome view, menus, the command palette).
import * as vscode from 'vscode';
import { CONTEXT_KEY } from '../present/ids';
import type { TokenStore } from './sentry/tokenStore';
import type { ReleaseHealthSettings } from './settings';

function setContext(key: string, value: unknown): void {
  void vscode.commands.executeCommand('setContext', key, value);
}

export function updateContextKeys(settings: ReleaseHealthSettings): void {
  setContext(CONTEXT_KEY.configured, settings.source !== null);
  setContext(CONTEXT_KEY.source, settings.source ?? '');
}

/** After the source, URL or organization changed, or a token was stored or deleted. */
export async function updateSignedIn(settings: ReleaseHealthSettings, tokens: Pick<TokenStore, 'get'>): Promise<void> {
  const { url, organization } = settings.sentry;
  const signedIn = settings.source === 'sentry' && organization !== '' && (await tokens.get(url, organization)) !== undefined;
  setContext(CONTEXT_KEY.signedIn, signedIn);
}
