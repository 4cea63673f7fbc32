// What the views show: projects (Sentry), environments, period. Each writes its setting; the
// settings watcher reloads. An argument (tests, scripts) skips the picker.
import * as vscode from 'vscode';
import { STATS_PERIODS } from '../../health/types';
import { describeApiError } from '../sentry/apiErrorMessages';
import type { ExtensionServices } from '../services';
import { PICKABLE_PERIODS, SETTING } from '../settings';
import { updateSetting } from '../vscodeSettings';
import { sentryConnection } from '../sentry/sentryConnection';
import { pickProjects } from './connectCommand';
import { withRequestProgress } from './requestProgress';
import { periodWords } from '../../present/periods';
import { COMMAND } from '../../present/ids';

function stringList(arg: unknown): string[] | null {
  if (typeof arg === 'string') return arg.trim() === '' ? [] : [arg.trim()];
  if (Array.isArray(arg) && arg.every((v) => typeof v === 'string')) return arg.map((v) => v.trim()).filter((v) => v !== '');
  return null;
}

/** Writes the setting; the settings watcher reloads. Resolves once the store has the new data. */
async function apply(services: ExtensionServices, key: Parameters<typeof updateSetting>[0], value: unknown): Promise<void> {
  await services.settingsBatch(() => updateSetting(key, value));
  await services.store.whenIdle();
}

/** A period from a command argument or a quick pick; undefined when the user cancels. */
async function askPeriod(arg: unknown, current: string, title: string, placeHolder: string): Promise<string | undefined> {
  if (typeof arg === 'string') {
    if (!(STATS_PERIODS as readonly string[]).includes(arg)) throw new Error(`unknown period '${arg}': use one of ${PICKABLE_PERIODS.join(', ')}`);
    return arg;
  }
  const picked = await vscode.window.showQuickPick(
    PICKABLE_PERIODS.map((p) => ({ label: p, description: p === current ? vscode.l10n.t('{0} · current', periodWords(p)) : periodWords(p) })),
    { title, placeHolder },
  );
  return picked?.label;
}

/** Select Period: the period of the figures and of the chart alike (what a person expects of "the period"). */
export async function selectPeriod(services: ExtensionServices, arg?: unknown): Promise<void> {
  const period = await askPeriod(arg, services.settings().summaryPeriod, vscode.l10n.t('Release Health: period'), vscode.l10n.t('Period the figures and the chart cover'));
  if (period === undefined) return;
  await services.settingsBatch(async () => {
    await updateSetting(SETTING.summaryPeriod, period);
    await updateSetting(SETTING.healthStatsPeriod, period);
  });
  await services.store.whenIdle();
}

/** Select Chart Period: the time series alone (e.g. 24h figures beside a 7d chart). */
export async function selectChartPeriod(services: ExtensionServices, arg?: unknown): Promise<void> {
  const period = await askPeriod(
    arg,
    services.settings().healthStatsPeriod,
    vscode.l10n.t('Release Health: chart period'),
    vscode.l10n.t('Period the chart covers (hourly up to 48h, daily beyond)'),
  );
  if (period !== undefined) await apply(services, SETTING.healthStatsPeriod, period);
}

export async function selectEnvironment(services: ExtensionServices, arg?: unknown): Promise<void> {
  let chosen = stringList(arg);
  if (chosen === null) {
    const current = services.settings().environments;
    const known = [...new Set([...services.store.availableEnvironments, ...current])].sort();
    if (known.length === 0) {
      const typed = await vscode.window.showInputBox({
        title: vscode.l10n.t('Release Health: environments'),
        prompt: vscode.l10n.t('Environment names, separated by commas (empty for all environments)'),
        value: current.join(', '),
      });
      if (typed === undefined) return;
      chosen = typed.split(',').map((e) => e.trim()).filter((e) => e !== '');
    } else {
      const picked = await vscode.window.showQuickPick(
        known.map((e) => ({ label: e, picked: current.includes(e) })),
        { title: vscode.l10n.t('Release Health: environments'), placeHolder: vscode.l10n.t('Environments to include (pick none for all)'), canPickMany: true },
      );
      if (picked === undefined) return;
      chosen = picked.map((p) => p.label);
    }
  }
  await apply(services, SETTING.environments, chosen);
}

export async function selectProjects(services: ExtensionServices, arg?: unknown): Promise<void> {
  const given = stringList(arg);
  if (given !== null) return apply(services, SETTING.sentryProjects, given);
  const settings = services.settings();
  if (settings.source !== 'sentry') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Projects are picked for a Sentry source; demo and file data show every project they contain.'));
    return;
  }
  const { url, organization } = settings.sentry;
  const token = organization ? await services.tokens.get(url, organization) : undefined;
  if (!token) {
    await vscode.commands.executeCommand(COMMAND.connect);
    return;
  }
  let projects;
  try {
    projects = await withRequestProgress(vscode.l10n.t('Listing projects…'), (signal) =>
      services.sentry.listProjects(sentryConnection(settings, { url, organization, token }), { signal, log: services.log.request }),
    );
  } catch (err) {
    void services.notifier.error(describeApiError(err, settings.sentry), { repeat: true });
    return;
  }
  const chosen = await pickProjects(projects, settings.sentry.projects, { title: vscode.l10n.t('Release Health: projects of {0}', organization) });
  if (chosen !== undefined) await apply(services, SETTING.sentryProjects, chosen);
}
