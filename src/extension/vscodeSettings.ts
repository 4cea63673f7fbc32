// The settings accessor's two touch points with VS Code: reading the current values (the
// `releaseHealth` section and the `http` proxy settings) and writing one back.
import * as vscode from 'vscode';
import { readSettings, SECTION, type ReleaseHealthSettings, type SettingKey } from './settings';

export function currentSettings(): ReleaseHealthSettings {
  return readSettings(vscode.workspace.getConfiguration(SECTION), vscode.workspace.getConfiguration('http'));
}

/**
 * Writes where the user keeps the value: the workspace when it is set there, else the user
 * settings (writing user settings under a workspace override would change nothing).
 */
export async function updateSetting(key: SettingKey, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const inspected = config.inspect(key);
  const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
}
