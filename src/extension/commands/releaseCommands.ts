// Commands about one release: show its panel, open it in Sentry, copy its version, track it.
import * as vscode from 'vscode';
import { printable } from '../../present/printable';
import { sentryReleaseUrl } from '../../present/sentryLinks';
import type { ExtensionServices } from '../services';
import { SETTING } from '../settings';
import { updateSetting } from '../vscodeSettings';
import { releaseFor } from './pickRelease';

export async function showReleaseHealth(services: ExtensionServices, arg?: unknown): Promise<void> {
  const key = await releaseFor(services, arg, vscode.l10n.t('Release to show'));
  if (key) services.panels.show(key);
}

/** Returns the URL opened (tests read it), or undefined. */
export async function openInSentry(services: ExtensionServices, arg?: unknown): Promise<string | undefined> {
  const key = await releaseFor(services, arg, vscode.l10n.t('Release to open in Sentry'));
  if (!key) return undefined;
  const scope = services.store.snapshot?.scope;
  if (!scope || scope.kind !== 'sentry' || key.source !== 'sentry' || !scope.sentryUrl || !scope.organization) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open in Sentry needs a Sentry source: demo and file data have no Sentry page.'));
    return undefined;
  }
  const url = sentryReleaseUrl(scope.sentryUrl, scope.organization, key.release, scope.projectIds?.[key.project]);
  if (url === null) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open in Sentry: the Sentry URL {0} is not a web address.', scope.sentryUrl));
    return undefined;
  }
  // A string keeps the percent-encoding exactly as built (a `/` in a version stays %2F);
  // going through Uri.parse would decode it. The extension host accepts strings here.
  await vscode.env.openExternal(url as unknown as vscode.Uri);
  return url;
}

export async function copyVersion(services: ExtensionServices, arg?: unknown): Promise<string | undefined> {
  const key = await releaseFor(services, arg, vscode.l10n.t('Release whose version to copy'));
  if (!key) return undefined;
  await vscode.env.clipboard.writeText(key.release);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', printable(key.release)), 3000);
  return key.release;
}

/** Pins a release in the status bar (the `releaseHealth.release` setting); `null` unpins. */
export async function trackRelease(services: ExtensionServices, arg?: unknown): Promise<void> {
  // The settings watcher redraws the status bar.
  if (arg === null) {
    await updateSetting(SETTING.release, undefined);
    return;
  }
  let version: string | undefined;
  if (arg === undefined && services.settings().release !== null) {
    // From the palette with a pinned release: offer to go back to automatic first.
    const automatic = vscode.l10n.t('Newest release (automatic)');
    const choice = await vscode.window.showQuickPick([automatic, vscode.l10n.t('Pick a release…')], {
      title: vscode.l10n.t('Release Health: release in the status bar'),
      placeHolder: vscode.l10n.t('Tracking {0}', printable(services.settings().release ?? '')),
    });
    if (choice === undefined) return;
    if (choice === automatic) return trackRelease(services, null);
  }
  const key = await releaseFor(services, arg, vscode.l10n.t('Release to track in the status bar'));
  version = key?.release;
  if (version === undefined) return;
  await updateSetting(SETTING.release, version);
}
