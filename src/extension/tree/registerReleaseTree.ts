// The "Releases" view: its provider, its description (which data it shows: "Demo data · 24h"),
// and view progress while the store loads.
import * as vscode from 'vscode';
import { VIEW } from '../../present/ids';
import type { ReleaseHealthSettings } from '../settings';
import type { ReleaseHealthStore } from '../store/releaseHealthStore';
import { ReleaseTreeProvider } from './releaseTreeProvider';
import type { WorkspaceReleaseReader } from '../workspace/workspaceReleaseTracker';
import { viewDescription, viewMessage } from './viewDescription';

export const RELEASES_VIEW_ID = VIEW.releases;
/** Environment variable a launcher sets to `1` to have the Releases view revealed at activation. */
export const OPEN_VIEW_ENV = 'RELEASE_HEALTH_OPEN_VIEW';

export function registerReleaseTree(
  context: vscode.ExtensionContext,
  store: ReleaseHealthStore,
  settings: () => ReleaseHealthSettings,
  workspace: WorkspaceReleaseReader | null = null,
): { provider: ReleaseTreeProvider; view: vscode.TreeView<unknown> } {
  const provider = new ReleaseTreeProvider(store, settings, workspace);
  // No collapse-all button: the title bar keeps room for the description that names the data.
  const view = vscode.window.createTreeView(RELEASES_VIEW_ID, { treeDataProvider: provider });
  let progressShown = false;
  const onChange = () => {
    view.description = viewDescription(store.state);
    view.message = viewMessage(store.state);
    if (store.state.status === 'loading' && !progressShown) {
      progressShown = true;
      void vscode.window
        .withProgress({ location: { viewId: RELEASES_VIEW_ID } }, () => store.whenIdle())
        .then(() => (progressShown = false), () => (progressShown = false));
    }
  };
  onChange();
  context.subscriptions.push(provider, view, store.onDidChange(onChange));
  // `npm run demo` opens the workbench on this view (VS Code has no setting for the initial side bar view).
  if (process.env[OPEN_VIEW_ENV] === '1') void vscode.commands.executeCommand(`${RELEASES_VIEW_ID}.focus`);
  return { provider, view: view as vscode.TreeView<unknown> };
}
