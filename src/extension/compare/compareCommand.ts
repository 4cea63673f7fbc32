// "Compare with…": which release to compare the candidate with (its previous release
// preselected), then the comparison view.
import * as vscode from 'vscode';
import { escapeIcons } from '../../present/markdown';
import { releaseFor } from '../commands/pickRelease';
import { releasePickItems } from '../commands/releasePickItems';
import type { ExtensionServices } from '../services';
import type { ReleaseKey } from '../store/storeTypes';
import type { ComparisonPanel } from './comparisonPanel';

/** Asks for the base release; the previous release comes first and is active. */
export async function pickBaseRelease(services: ExtensionServices, candidate: ReleaseKey): Promise<string | undefined> {
  const snapshot = services.store.snapshot;
  if (!snapshot) return undefined;
  const previous = snapshot.overview.releases.find((r) => r.project === candidate.project && r.release === candidate.release)?.previousRelease ?? null;
  const items = releasePickItems(snapshot)
    .filter((i) => i.key.project === candidate.project && i.key.release !== candidate.release)
    .map((i) => ({ ...i, description: i.key.release === previous ? vscode.l10n.t('previous release · {0}', i.description) : i.description }));
  items.sort((a, b) => Number(b.key.release === previous) - Number(a.key.release === previous));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No other release of {0} has health data to compare {1} with.', candidate.project, candidate.release));
    return undefined;
  }
  const quickPick = vscode.window.createQuickPick<(typeof items)[number]>();
  quickPick.title = vscode.l10n.t('Compare {0} with…', escapeIcons(candidate.release));
  quickPick.placeholder = vscode.l10n.t('Base release');
  quickPick.matchOnDescription = true;
  quickPick.items = items;
  quickPick.activeItems = items.slice(0, 1);
  return new Promise<string | undefined>((resolve) => {
    let chosen: string | undefined;
    quickPick.onDidAccept(() => {
      chosen = quickPick.selectedItems[0]?.key.release ?? quickPick.activeItems[0]?.key.release;
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(chosen);
    });
    quickPick.show();
  });
}

/** `arg`: the candidate (tree item, ReleaseKey, or asked); `base`: given by tests and scripts, else asked. */
export async function compareWith(services: ExtensionServices, arg?: unknown, base?: unknown): Promise<ComparisonPanel | undefined> {
  const candidate = await releaseFor(services, arg, vscode.l10n.t('Release to compare'));
  if (!candidate) return undefined;
  const baseRelease = typeof base === 'string' && base !== '' ? base : await pickBaseRelease(services, candidate);
  if (baseRelease === undefined || baseRelease === candidate.release) return undefined;
  return services.comparisons.show({ source: candidate.source, project: candidate.project, base: baseRelease, candidate: candidate.release });
}
