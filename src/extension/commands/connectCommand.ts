// "Connect to Sentry…": base URL, organization and token, checked with one request (going back
// to the value that is wrong, with the reason shown), then the projects; the token goes to
// SecretStorage only. With an argument object (tests, automation) the prompts are skipped.
import * as vscode from 'vscode';
import { organizationTokenProblem } from '../../api/tokenKinds';
import { describeApiError } from '../sentry/apiErrorMessages';
import { readableProjects } from '../sentry/projectAccess';
import { apiErrorKind, type SentryProject } from '../sentry/sentryClient';
import { sentryConnection } from '../sentry/sentryConnection';
import { hostOf, parseBaseUrlInput, validateBaseUrl, validateOrganization } from '../sentry/sentryUrls';
import type { ExtensionServices } from '../services';
import { normalizeBaseUrl, SETTING } from '../settings';
import { updateSetting } from '../vscodeSettings';
import { parseConnectArgument, stepForErrorKind, type ConnectArgument } from './connectArgument';
import { askInput } from './inputStep';
import { tokenToOffer, type OfferedToken } from './tokenOffer';
import { withRequestProgress } from './requestProgress';
import { COMMAND } from '../../present/ids';

export interface ConnectResult {
  ok: boolean;
  /** What went wrong, as the user is told. */
  message?: string;
  /** API error kind when the check failed. */
  kind?: string;
  projects?: string[];
}

const title = () => vscode.l10n.t('Connect to Sentry');

async function save(services: ExtensionServices, v: ConnectArgument, projects: string[], regionUrl: string | null): Promise<void> {
  await services.tokens.store(v.url, v.organization, v.token);
  // A new token may see other data: nothing cached may be reused.
  services.store.clearCache();
  // One reload for all four settings, not one per setting (each would start and cancel a fetch).
  const impact = await services.settingsBatch(async () => {
    await updateSetting(SETTING.sentryUrl, v.url);
    await updateSetting(SETTING.sentryOrganization, v.organization);
    await updateSetting(SETTING.sentryProjects, projects);
    await updateSetting(SETTING.source, 'sentry');
  });
  const region = regionUrl ? `, region ${hostOf(regionUrl)}` : '';
  services.log.info(`Connected to ${hostOf(v.url)} / ${v.organization} (${projects.length === 0 ? 'all projects' : projects.join(', ')}${region})`);
  // Same settings, new token: the watcher saw no change, so loading is this command's job.
  if (impact?.reload) await services.store.whenIdle();
  else await services.store.refresh();
}

export async function connect(services: ExtensionServices, arg?: unknown): Promise<ConnectResult> {
  const parsed = parseConnectArgument(arg);
  if (parsed === null) return connectInteractively(services);
  if (!parsed.ok) {
    void services.notifier.error({ message: parsed.message, fixCommand: COMMAND.connect, fixTitle: vscode.l10n.t('Connect to Sentry…') }, { repeat: true });
    return { ok: false, message: parsed.message };
  }
  const v = parsed.value;
  let info;
  try {
    info = await services.sentry.checkConnection(sentryConnection(services.settings(), v), { log: services.log.request });
  } catch (err) {
    const error = describeApiError(err, v);
    void services.notifier.error(error, { repeat: true });
    return { ok: false, message: error.message, kind: apiErrorKind(err) ?? undefined };
  }
  const projects = v.projects ?? [];
  await save(services, v, projects, info?.regionUrl ?? null);
  return { ok: true, projects };
}

async function connectInteractively(services: ExtensionServices): Promise<ConnectResult> {
  const settings = services.settings();
  let url = settings.sentry.url;
  let organization = settings.sentry.organization;
  // Chosen when the token box opens, for the URL and organization of that moment.
  let offered: OfferedToken | null = null;
  let step: 'url' | 'organization' | 'token' = 'url';
  let error: string | undefined;
  const cancelled: ConnectResult = { ok: false, message: vscode.l10n.t('Cancelled.') };

  for (;;) {
    if (step === 'url') {
      const v = await askInput({
        title: title(), step: 1, totalSteps: 4, value: url, error,
        prompt: vscode.l10n.t("Base URL of your Sentry: https://sentry.io, a regional one (https://de.sentry.io), a self-hosted one, or your organization's URL"),
        validate: validateBaseUrl,
      });
      if (v === undefined) return cancelled;
      // An organization's URL pasted from the browser gives the base URL and the organization.
      const typed = parseBaseUrlInput(v);
      url = normalizeBaseUrl(typed.baseUrl);
      if (typed.organization !== null) organization = typed.organization;
      error = undefined;
      step = 'organization';
    }
    if (step === 'organization') {
      const v = await askInput({
        title: title(), step: 2, totalSteps: 4, value: organization, error,
        prompt: vscode.l10n.t('Organization slug on {0} (as in {1}/organizations/<slug>/)', hostOf(url), url),
        validate: validateOrganization,
      });
      if (v === undefined) return cancelled;
      organization = v;
      error = undefined;
      step = 'token';
    }
    offered = await tokenToOffer(offered, url, organization, (u, o) => services.tokens.get(u, o));
    const v = await askInput({
      title: title(), step: 3, totalSteps: 4, value: offered.token, error, password: true,
      prompt: vscode.l10n.t("Auth token for {0}: a personal token (User Settings › Personal Tokens) or an internal integration's, with the org:read and project:read scopes. Organization tokens (sntrys_…) cannot read projects or sessions. It is kept in VS Code's secret storage only.", hostOf(url)),
      validate: (t) => (t.trim() === '' ? vscode.l10n.t('Enter the auth token') : organizationTokenProblem(t)),
    });
    if (v === undefined) return cancelled;
    const token = v;
    offered = { token, url };
    error = undefined;

    const conn = sentryConnection(services.settings(), { url, organization, token });
    try {
      const { projects, regionUrl } = await withRequestProgress(vscode.l10n.t('Checking {0} / {1}…', hostOf(url), organization), async (signal) => {
        const info = await services.sentry.checkConnection(conn, { signal, log: services.log.request });
        return { regionUrl: info?.regionUrl ?? null, projects: await services.sentry.listProjects(conn, { signal, log: services.log.request }) };
      });
      const chosen = await pickProjects(projects, settings.sentry.organization === organization ? settings.sentry.projects : []);
      if (chosen === undefined) return cancelled;
      await save(services, { url, organization, token }, chosen, regionUrl);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Connected to {0} / {1}: {2}.', hostOf(url), organization, chosen.length === 0 ? vscode.l10n.t('all projects') : chosen.join(', ')),
      );
      return { ok: true, projects: chosen };
    } catch (err) {
      const kind = apiErrorKind(err);
      if (kind === 'cancelled') return cancelled;
      // Back to the value that is wrong, with the reason in its input box.
      error = describeApiError(err, { url, organization }).message;
      step = stepForErrorKind(kind);
      services.log.warn(`Connection check failed: ${error}`);
    }
  }
}

/** Where the pick appears: step 4 of Connect, or the Select Projects command on its own. */
export interface PickProjectsTitle {
  title: string;
  step?: number;
  totalSteps?: number;
}

/**
 * Multi-select of the organization's projects ; nothing picked means every project.
 * Projects the token cannot read (Sentry lists them with hasAccess false) are left out: asking
 * for their data would be a 403 on every refresh.
 */
export function pickProjects(listed: SentryProject[], current: string[], heading: PickProjectsTitle = { title: title(), step: 4, totalSteps: 4 }): Promise<string[] | undefined> {
  const projects = readableProjects(listed);
  if (projects.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
    pick.title = heading.title;
    pick.step = heading.step;
    pick.totalSteps = heading.totalSteps;
    const hidden = listed.length - projects.length;
    pick.placeholder = hidden > 0
      ? vscode.l10n.t('Projects to show (pick none for every project); {0} you have no access to not listed', hidden)
      : vscode.l10n.t('Projects to show (pick none for every project)');
    pick.canSelectMany = true;
    pick.ignoreFocusOut = true;
    pick.items = projects.map((p) => ({ label: p.slug, description: p.name && p.name !== p.slug ? p.name : undefined }));
    pick.selectedItems = pick.items.filter((i) => current.includes(i.label));
    let done = false;
    const finish = (value: string[] | undefined) => {
      if (done) return;
      done = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidAccept(() => finish(pick.selectedItems.map((i) => i.label)));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}
