// Context keys for `when` clauses in package.json (welcome view, menus).
import * as vscode from 'vscode';
import type { ReleaseHealthSettings } from './settings';

export function updateContextKeys(settings: ReleaseHealthSettings): void {
  void vscode.commands.executeCommand('setContext', 'releaseHealth.configured', settings.source !== null);
  void vscode.commands.executeCommand('setContext', 'releaseHealth.source', settings.source ?? '');
}
