// Context keys for `when` clauses in package.json (welcome view, menus).
import * as vscode from 'vscode';
import { CONTEXT_KEY } from '../present/ids';
import type { ReleaseHealthSettings } from './settings';

export function updateContextKeys(settings: ReleaseHealthSettings): void {
  void vscode.commands.executeCommand('setContext', CONTEXT_KEY.configured, settings.source !== null);
  void vscode.commands.executeCommand('setContext', CONTEXT_KEY.source, settings.source ?? '');
}
