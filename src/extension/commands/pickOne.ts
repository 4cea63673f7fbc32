// A single-choice quick pick that answers on accept. `window.showQuickPick` answers only after
// the workbench has closed the picker: in code-server, the release panel's webview then appeared
// 320-370 ms after the press on a release, against 100-120 ms when the panel is created on
// accept, while the picker closes (bench/README.md, issue 16).
import * as vscode from 'vscode';

export interface PickOneOptions {
  title?: string;
  placeHolder?: string;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
}

/** Resolves with the accepted item, or undefined when the picker is dismissed. */
export function pickOne<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOneOptions): Promise<T | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<T>();
    pick.items = items;
    pick.title = options.title;
    pick.placeholder = options.placeHolder;
    pick.matchOnDescription = options.matchOnDescription ?? false;
    pick.matchOnDetail = options.matchOnDetail ?? false;
    let done = false;
    const finish = (item: T | undefined) => {
      if (done) return;
      done = true;
      resolve(item);
      pick.hide();
      pick.dispose();
    };
    // Enter with no row left by the filter keeps the picker open, as showQuickPick does.
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0] ?? pick.activeItems[0];
      if (item) finish(item);
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}
