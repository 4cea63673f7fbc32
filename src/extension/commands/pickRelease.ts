// Asks for a release (palette use of release commands). Waits for a load in progress first.
import * as vscode from 'vscode';
import type { ExtensionServices } from '../services';
import type { ReleaseKey } from '../store/storeTypes';
import { releaseKeyFromArgument } from './releaseArgument';
import { releasePickItems } from './releasePickItems';
import { COMMAND } from '../../present/ids';

export async function waitForData(services: ExtensionServices): Promise<void> {
  if (services.store.state.status !== 'loading') return;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading release health…') },
    () => services.store.whenIdle(),
  );
}

/** Offers the ways to get data when there is none yet. */
async function offerSetup(): Promise<void> {
  const demo = vscode.l10n.t('Explore with Demo Data');
  const connect = vscode.l10n.t('Connect to Sentry…');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Release Health has no data yet.'), demo, connect);
  if (choice === demo) await vscode.commands.executeCommand(COMMAND.exploreDemo);
  else if (choice === connect) await vscode.commands.executeCommand(COMMAND.connect);
}

export async function pickRelease(services: ExtensionServices, placeHolder: string): Promise<ReleaseKey | undefined> {
  await waitForData(services);
  const snapshot = services.store.snapshot;
  if (!snapshot) {
    if (services.store.state.status === 'error') {
      const error = services.store.state.error;
      void services.notifier.error(error, { repeat: true });
    } else {
      await offerSetup();
    }
    return undefined;
  }
  const items = releasePickItems(snapshot, services.settings().sentry.projects);
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No release has health data in {0}.', snapshot.scope.label));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Release Health · {0}', snapshot.scope.label),
    placeHolder,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.key;
}

/** The release a command is about: its argument (tree item, status bar, test) or a quick pick. */
export async function releaseFor(services: ExtensionServices, arg: unknown, placeHolder: string): Promise<ReleaseKey | undefined> {
  const current = services.store.snapshot?.scope.kind ?? services.settings().source;
  return releaseKeyFromArgument(arg, current) ?? (await pickRelease(services, placeHolder));
}
