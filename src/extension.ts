// Entry point. activate() only composes: it builds the services, registers each feature, and
// returns at once. Nothing touches the network here: the first load starts on a later tick
// (the store defers its work), and only when a source is configured.
import * as vscode from 'vscode';
import { registerLanguageModelTools } from './extension/agentTools/registerLanguageModelTools';
import { registerCommands } from './extension/commands/registerCommands';
import { updateContextKeys, updateSignedIn } from './extension/contextKeys';
import { notifyStoreErrors } from './extension/errorNotifications';
import { ReleaseHealthLog } from './extension/log';
import { Notifier } from './extension/notifier';
import { registerComparisonPanels } from './extension/compare/comparisonPanelManager';
import { registerReleasePanels } from './extension/panel/releasePanelManager';
import { RefreshPoller } from './extension/refreshPoller';
import { lazySentryClient } from './extension/sentry/lazySentryClient';
import { TokenStore } from './extension/sentry/tokenStore';
import type { ExtensionServices } from './extension/services';
import { SettingsWatcher } from './extension/settingsWatcher';
import { DemoSource } from './extension/sources/demoSource';
import { FileSource } from './extension/sources/fileSource';
import { watchSessionFile } from './extension/sources/sessionFileWatcher';
import { SentrySource } from './extension/sources/sentrySource';
import { sourceSelector } from './extension/sources/selectSource';
import { StatusBarIndicator } from './extension/statusBar/statusBarIndicator';
import { chooseTrackedRelease } from './extension/statusBar/trackedRelease';
import { ReleaseHealthStore } from './extension/store/releaseHealthStore';
import type { ReleaseHealthTestApi } from './extension/testApi';
import { registerReleaseTree } from './extension/tree/registerReleaseTree';
import { currentSettings } from './extension/vscodeSettings';
import { WorkspaceReleaseTracker } from './extension/workspace/workspaceReleaseTracker';
import { workspaceTracked } from './extension/workspace/workspaceLinks';
import { ReleaseWatch } from './extension/watch/releaseWatch';
import { useTranslations } from './present/localize';

export type { ReleaseHealthTestApi } from './extension/testApi';

export function activate(context: vscode.ExtensionContext): ReleaseHealthTestApi {
  const activationStart = performance.now();
  // The vscode-free modules (src/present, the tree and status bar models) translate with VS Code's bundle.
  useTranslations(vscode.l10n.bundle);
  const output = vscode.window.createOutputChannel('Release Health', { log: true });
  context.subscriptions.push(output);
  const log = new ReleaseHealthLog(output);
  const settings = currentSettings;
  const tokens = new TokenStore(context.secrets);
  const workspaceRoot = () => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const sentry = lazySentryClient();

  const store = new ReleaseHealthStore({
    readSettings: settings,
    selectSource: sourceSelector({
      demo: new DemoSource(),
      file: new FileSource(workspaceRoot),
      sentry: new SentrySource(sentry, tokens, log.request, log.info),
    }),
    clock: Date.now,
    log: log.info,
  });
  context.subscriptions.push({ dispose: () => store.dispose() });

  const notifier = new Notifier(log.warn);
  const workspace = new WorkspaceReleaseTracker(store, settings, log.info);
  context.subscriptions.push(workspace);
  const { provider, view } = registerReleaseTree(context, store, settings, workspace);
  const statusBar = new StatusBarIndicator(store, settings, workspace);
  const panels = registerReleasePanels(context, store, (key) => void vscode.commands.executeCommand('releaseHealth.compareWith', key).then(undefined, () => undefined), workspace);
  const comparisons = registerComparisonPanels(context, store, () => settings().thresholds.minimumSessions);
  const mutedKey = 'releaseHealth.watch.muted';
  const watch = new ReleaseWatch({
    store,
    tracked: (releases) => {
      // The same release the status bar follows (the workspace's when nothing is pinned).
      const t = chooseTrackedRelease(releases, settings().release, settings().sentry.projects, workspaceTracked(workspace));
      return t.kind === 'release' ? t.release : null;
    },
    enabled: () => settings().notifications && settings().source !== null,
    minimumSessions: () => settings().thresholds.minimumSessions,
    focused: () => vscode.window.state.focused,
    show: (message, ...actions) => vscode.window.showWarningMessage(message, ...actions),
    open: (key) => panels.show(key),
    compare: (key) => void comparisons.show(key),
    muted: { get: () => context.workspaceState.get<string[]>(mutedKey, []), set: (ids) => context.workspaceState.update(mutedKey, ids) },
    log: log.info,
  });
  context.subscriptions.push(watch);
  const poller = new RefreshPoller(
    () => settings().refreshIntervalMinutes,
    () => settings().source !== null,
    () => store.refresh(),
  );
  const fileWatcher = watchSessionFile(settings, workspaceRoot, () => void store.refresh());
  const watcher = new SettingsWatcher({
    reload: () => {
      void store.reload();
      void updateSignedIn(settings(), tokens);
    },
    thresholds: () => store.applyThresholds(),
    tracked: () => {
      workspace.relink();
      statusBar.update();
    },
    polling: () => poller.restart(),
    source: () => {
      updateContextKeys(settings());
      void updateSignedIn(settings(), tokens);
    },
  });
  context.subscriptions.push(
    statusBar,
    poller,
    fileWatcher,
    watcher,
    context.secrets.onDidChange(() => void updateSignedIn(settings(), tokens)),
    notifyStoreErrors(store, notifier),
    store.onDidChange(() => {
      if (store.state.status === 'ready') poller.noteRefreshed();
    }),
  );

  const services: ExtensionServices = {
    context, store, settings, tokens, sentry, log, output, notifier, panels, comparisons, statusBar,
    releasesView: view,
    settingsBatch: (updates) => watcher.batch(updates),
  };
  registerCommands(services);
  context.subscriptions.push(...registerLanguageModelTools(store, settings));

  updateContextKeys(settings());
  void updateSignedIn(settings(), tokens);
  void store.reload();
  return { store, treeProvider: provider, statusBarItem: statusBar.item, panels, comparisons, watch, workspace, secrets: context.secrets, activationMs: performance.now() - activationStart };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
