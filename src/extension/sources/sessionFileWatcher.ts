// With the file source, a change to the session file refreshes the views (debounced: a writer
// appending lines fires many events).
import * as path from 'path';
import * as vscode from 'vscode';
import { SECTION, SETTING, type ReleaseHealthSettings } from '../settings';
import { resolveSessionFile } from './fileSource';

export function watchSessionFile(
  settings: () => ReleaseHealthSettings,
  workspaceRoot: () => string | undefined,
  onChange: () => void,
): vscode.Disposable {
  let watcher: vscode.FileSystemWatcher | undefined;
  let watched: string | null = null;
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, 500);
  };
  const sync = () => {
    const s = settings();
    const file = s.source === 'file' ? resolveSessionFile(s.filePath, workspaceRoot()) : null;
    if (file === watched) return;
    watcher?.dispose();
    watcher = undefined;
    watched = file;
    if (file === null) return;
    watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
    watcher.onDidChange(fire);
    watcher.onDidCreate(fire);
    watcher.onDidDelete(fire);
  };
  sync();
  const subscription = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${SECTION}.${SETTING.source}`) || e.affectsConfiguration(`${SECTION}.${SETTING.filePath}`)) sync();
  });
  return {
    dispose: () => {
      clearTimeout(timer);
      watcher?.dispose();
      subscription.dispose();
    },
  };
}
