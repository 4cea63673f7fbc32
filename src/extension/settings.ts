// The one typed accessor of the extension's settings. It reads through a `get` function (a
// vscode.WorkspaceConfiguration in the host, a plain object in unit tests) so every rule about
// defaults and bad values lives here, free of `vscode`, and is testable.
import { DEFAULT_THRESHOLDS, type HealthStat, type StatsPeriod, type Thresholds } from '../health/types';
import { isStatsPeriod } from '../health/windows';
import { isSourceKind, type SourceKind } from '../present/ids';

export const SECTION = 'releaseHealth';

/** Keys relative to the `releaseHealth` section, as package.json contributes them. */
export const SETTING = {
  source: 'source',
  sentryUrl: 'sentry.url',
  sentryOrganization: 'sentry.organization',
  sentryProjects: 'sentry.projects',
  filePath: 'file.path',
  environments: 'environments',
  summaryPeriod: 'summaryPeriod',
  healthStatsPeriod: 'healthStatsPeriod',
  stat: 'stat',
  release: 'release',
  thresholdTarget: 'thresholds.target',
  thresholdCritical: 'thresholds.critical',
  thresholdMinimumSessions: 'thresholds.minimumSessions',
  refreshIntervalMinutes: 'refreshIntervalMinutes',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
  workspaceProject: 'workspace.project',
  notifications: 'notifications',
} as const;

export type SettingKey = (typeof SETTING)[keyof typeof SETTING];

/** Periods offered by "Select Period" (the view title's Period action). */
export const PICKABLE_PERIODS: readonly StatsPeriod[] = ['24h', '48h', '7d', '14d', '30d', '90d'];

export const DEFAULT_SENTRY_URL = 'https://sentry.io';
export const DEFAULT_REFRESH_MINUTES = 5;
export const DEFAULT_TIMEOUT_SECONDS = 30;

export interface ProxySettings {
  /** `http.proxy`; null when unset (the API client then uses the environment's proxy, if any). */
  url: string | null;
  /** `http.proxyStrictSSL`. */
  strictSSL: boolean;
}

export interface ReleaseHealthSettings {
  /** null: not configured yet (the welcome view shows). */
  source: SourceKind | null;
  sentry: { url: string; organization: string; projects: string[] };
  filePath: string;
  environments: string[];
  summaryPeriod: StatsPeriod;
  healthStatsPeriod: StatsPeriod;
  stat: HealthStat;
  /** Tracked release pinned by the user; null: the workspace's release, else the newest of the first project. */
  release: string | null;
  /** Project of the workspace folders' releases; null: the only project, else the one whose releases match. */
  workspaceProject: string | null;
  thresholds: Thresholds;
  /** 0: never poll. */
  refreshIntervalMinutes: number;
  requestTimeoutSeconds: number;
  proxy: ProxySettings;
  /** Tell when the tracked release gets worse after a refresh (the watch). */
  notifications: boolean;
}

/** What a `vscode.WorkspaceConfiguration` offers for reading. */
export interface SettingsReader {
  get<T>(key: string): T | undefined;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

function list(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const item of v) {
    const s = str(item);
    if (s !== '' && !out.includes(s)) out.push(s);
  }
  return out;
}

function num(v: unknown, fallback: number, min: number, max = Number.POSITIVE_INFINITY): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : fallback;
}

function period(v: unknown): StatsPeriod {
  const s = str(v);
  return isStatsPeriod(s) ? s : '24h';
}

export function parseSource(v: unknown): SourceKind | null {
  const s = str(v);
  return isSourceKind(s) ? s : null;
}

/** Base URL without trailing slashes; the default when empty. */
export function normalizeBaseUrl(v: unknown): string {
  const s = str(v).replace(/\/+$/, '');
  return s === '' ? DEFAULT_SENTRY_URL : s;
}

/**
 * @param config the `releaseHealth` section
 * @param http the `http` section (proxy settings VS Code users already set)
 */
export function readSettings(config: SettingsReader, http?: SettingsReader): ReleaseHealthSettings {
  const g = (k: SettingKey): unknown => config.get(k);
  const target = num(g(SETTING.thresholdTarget), DEFAULT_THRESHOLDS.target, 0, 100);
  const critical = num(g(SETTING.thresholdCritical), DEFAULT_THRESHOLDS.critical, 0, 100);
  const proxyUrl = str(http?.get('proxy'));
  const strictSSL = http?.get('proxyStrictSSL');
  return {
    source: parseSource(g(SETTING.source)),
    sentry: {
      url: normalizeBaseUrl(g(SETTING.sentryUrl)),
      organization: str(g(SETTING.sentryOrganization)),
      projects: list(g(SETTING.sentryProjects)),
    },
    filePath: str(g(SETTING.filePath)),
    environments: list(g(SETTING.environments)),
    summaryPeriod: period(g(SETTING.summaryPeriod)),
    healthStatsPeriod: period(g(SETTING.healthStatsPeriod)),
    stat: str(g(SETTING.stat)) === 'users' ? 'users' : 'sessions',
    release: str(g(SETTING.release)) || null,
    workspaceProject: str(g(SETTING.workspaceProject)) || null,
    thresholds: {
      target,
      // A critical threshold above the target would make "warning" unreachable; cap it.
      critical: Math.min(critical, target),
      minimumSessions: Math.floor(num(g(SETTING.thresholdMinimumSessions), DEFAULT_THRESHOLDS.minimumSessions, 0)),
    },
    refreshIntervalMinutes: num(g(SETTING.refreshIntervalMinutes), DEFAULT_REFRESH_MINUTES, 0),
    requestTimeoutSeconds: num(g(SETTING.requestTimeoutSeconds), DEFAULT_TIMEOUT_SECONDS, 1, 600),
    proxy: { url: proxyUrl === '' ? null : proxyUrl, strictSSL: strictSSL !== false },
    notifications: g(SETTING.notifications) !== false,
  };
}

/** What a settings change requires, from `ConfigurationChangeEvent.affectsConfiguration`. */
export interface SettingsImpact {
  /** Different data: look up the cache or fetch. */
  reload: boolean;
  /** Only health status changes: recompute from the data at hand. */
  thresholds: boolean;
  /** The status bar's tracked release, or the workspace's project. */
  tracked: boolean;
  polling: boolean;
  /** The `configured` context key (welcome view). */
  source: boolean;
}

const RELOAD_KEYS: readonly SettingKey[] = [
  SETTING.source, SETTING.sentryUrl, SETTING.sentryOrganization, SETTING.sentryProjects, SETTING.filePath,
  SETTING.environments, SETTING.summaryPeriod, SETTING.healthStatsPeriod, SETTING.stat, SETTING.requestTimeoutSeconds,
];

export function settingsImpact(affects: (section: string) => boolean): SettingsImpact {
  const any = (keys: readonly string[]) => keys.some((k) => affects(`${SECTION}.${k}`));
  return {
    reload: any(RELOAD_KEYS) || affects('http.proxy') || affects('http.proxyStrictSSL'),
    thresholds: affects(`${SECTION}.thresholds`),
    tracked: affects(`${SECTION}.${SETTING.release}`) || affects(`${SECTION}.${SETTING.workspaceProject}`),
    polling: affects(`${SECTION}.${SETTING.refreshIntervalMinutes}`),
    source: affects(`${SECTION}.${SETTING.source}`),
  };
}
