// Choosing and leaving sources: demo data, signing out, refreshing.
import * as vscode from 'vscode';
import { hostOf } from '../sentry/sentryUrls';
import type { ExtensionServices } from '../services';
import { SETTING } from '../settings';
import { RELEASES_VIEW_ID } from '../tree/registerReleaseTree';
import { updateSetting } from '../vscodeSettings';

/** Switches to the demo dataset (the settings watcher loads it) and resolves once it is loaded. */
export async function exploreDemo(services: ExtensionServices): Promise<void> {
  await services.settingsBatch(() => updateSetting(SETTING.source, 'demo'));
  void vscode.commands.executeCommand(`${RELEASES_VIEW_ID}.focus`);
  await services.store.whenIdle();
}

/** No setting changes here (the token lives in SecretStorage), so the command reloads itself. */
export async function signOut(services: ExtensionServices): Promise<void> {
  const { url, organization } = services.settings().sentry;
  if (organization === '' || !(await services.tokens.get(url, organization))) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Release Health: not signed in to Sentry.'));
    return;
  }
  await services.tokens.delete(url, organization);
  services.store.clearCache();
  services.log.info(`Signed out of ${hostOf(url)} / ${organization}: token deleted`);
  if (services.settings().source === 'sentry') await services.store.reload();
  void vscode.window.showInformationMessage(vscode.l10n.t('Signed out of {0} / {1}.', hostOf(url), organization));
}

export async function refresh(services: ExtensionServices): Promise<void> {
  await services.store.refresh();
}
