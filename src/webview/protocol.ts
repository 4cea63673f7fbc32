// The one message protocol between the release panel's host (extension side) and its webview.
// Both sides import this module; it holds only types, constants and guards, so the browser
// bundle stays free of vscode and the store. Modelled on gitlens' webview protocol: every
// message has a `type` constant and a payload interface, and each side checks what it receives.
import type { HealthStat, RateComparison, ReleaseHealth, StatsPeriod } from '../health/types';
import { isSourceKind, type SourceKind } from '../present/ids';

export type PanelSourceKind = SourceKind;

export interface PanelReleaseKey {
  source: PanelSourceKind;
  project: string;
  release: string;
}

/**
 * Where the panel's figures stand: `loading` before the store has any data for the release,
 * `ready` when they are current, `error` when the last fetch failed (figures may be stale),
 * `unconfigured` when no source is set up.
 */
export type PanelPhase = 'loading' | 'ready' | 'error' | 'unconfigured';

/** The scope line: where the figures come from and what window they cover. */
export interface PanelScope {
  sourceKind: PanelSourceKind;
  /** e.g. "Demo data", "sentry.io / acme", "sessions.ndjson". */
  sourceLabel: string;
  organization: string | null;
  project: string;
  /** Empty means every environment. */
  environments: string[];
  summaryPeriod: StatsPeriod;
  healthPeriod: StatsPeriod;
  stat: HealthStat;
  /** ISO time of the fetch; null before the first one. */
  updatedAt: string | null;
}

/** External links the host has vetted; the webview may ask the host to open only these. */
export interface PanelLinks {
  openInSentry: string | null;
  previousReleaseInSentry: string | null;
}

export interface PanelStoreError {
  message: string;
  /** Label of the action the host runs on `runFix`, e.g. "Sign in again". */
  fixTitle: string;
}

/** A deploy of the release (sentry-cli `deploys new`). */
export interface PanelDeploy {
  environment: string;
  /** ISO time; null when the server has none. */
  dateFinished: string | null;
  name: string | null;
}

export interface PanelCommit {
  id: string;
  message: string | null;
  authorName: string | null;
  /** ISO time. */
  dateCreated: string | null;
}

/** What release management recorded for the release (Sentry sources only). */
export interface PanelReleaseRecord {
  deploys:
    | { status: 'loading' }
    | { status: 'ready'; items: PanelDeploy[] }
    | { status: 'error'; message: string }
    | { status: 'none' };
  deployCount: number;
  lastCommit: PanelCommit | null;
  commitCount: number;
}

/** The release holds a workspace folder's git HEAD. */
export interface PanelWorkspace {
  /** "this workspace" or "HEAD +3". */
  mark: string;
  /** How it was found, in words. */
  matchedBy: string;
}

/** Everything the webview renders; also what it saves with setState for restores. */
export interface PanelModel {
  key: PanelReleaseKey;
  phase: PanelPhase;
  error: PanelStoreError | null;
  /** Null when the store has no data yet, or the release is not in it. */
  health: ReleaseHealth | null;
  scope: PanelScope | null;
  links: PanelLinks;
  /** Deploys and last commit; null (or absent in older saved states) when the source has none. */
  record?: PanelReleaseRecord | null;
  workspace?: PanelWorkspace | null;
}

// ---- the comparison view -----------------------------------------------------------------------

/** One comparison view per (source, project, base, candidate). */
export interface ComparisonKey {
  source: PanelSourceKind;
  project: string;
  base: string;
  candidate: string;
}

/** One compared figure, with its texts written by the host (src/present). */
export interface ComparisonRowModel extends RateComparison {
  figure: 'crashFreeSessions' | 'crashFreeUsers';
  label: string;
  /** e.g. "−0.8 pp, 95 % CI −1.3 to −0.3". */
  differenceText: string;
  pValueText: string;
  verdictWords: string;
  /** e.g. "2.3.0 crashes more than 2.2.0: −0.8 pp, 95 % CI −1.3 to −0.3". */
  sentence: string;
}

/** One release's series, x = hours since the start of its first session's hour. */
export interface AgeSeries {
  release: string;
  points: Array<[ageHours: number, value: number]>;
}

export interface ComparisonViewModel {
  key: ComparisonKey;
  phase: PanelPhase;
  error: string | null;
  equalAge: boolean;
  /** The hours each release is measured over in equal-age mode; null otherwise. */
  ageHours: number | null;
  baseHealth: ReleaseHealth | null;
  candidateHealth: ReleaseHealth | null;
  /** Each release's window (ISO start and end): equal-age windows, or the summary window. */
  windows: { base: [string, string] | null; candidate: [string, string] | null };
  rows: ComparisonRowModel[];
  series: { stat: HealthStat; bucketHours: number; base: AgeSeries; candidate: AgeSeries } | null;
  minimumSessions: number;
  scope: PanelScope | null;
}

// ---- host → webview ------------------------------------------------------------------------

export const HostMessageType = {
  State: 'releaseHealth/state',
  ComparisonState: 'releaseHealth/comparisonState',
} as const;

export interface StateMessage {
  type: typeof HostMessageType.State;
  model: PanelModel;
}

export interface ComparisonStateMessage {
  type: typeof HostMessageType.ComparisonState;
  model: ComparisonViewModel;
}

export type HostMessage = StateMessage | ComparisonStateMessage;

// ---- webview → host ------------------------------------------------------------------------

export const WebviewMessageType = {
  /** The page (re)loaded: send the current state. */
  Ready: 'releaseHealth/ready',
  /** Open one of the model's `links` in the browser. */
  OpenExternal: 'releaseHealth/openExternal',
  /** Open the panel of another release of the same source and project (the previous one). */
  OpenRelease: 'releaseHealth/openRelease',
  Refresh: 'releaseHealth/refresh',
  /** Run the action that fixes the store's current error. */
  RunFix: 'releaseHealth/runFix',
  /** The release panel's "Compare with…": the host asks which release, then opens the comparison. */
  CompareWith: 'releaseHealth/compareWith',
  /** The comparison view's equal-age toggle. */
  SetEqualAge: 'releaseHealth/setEqualAge',
} as const;

export interface ReadyMessage {
  type: typeof WebviewMessageType.Ready;
}
export interface OpenExternalMessage {
  type: typeof WebviewMessageType.OpenExternal;
  url: string;
}
export interface OpenReleaseMessage {
  type: typeof WebviewMessageType.OpenRelease;
  release: string;
}
export interface RefreshMessage {
  type: typeof WebviewMessageType.Refresh;
}
export interface RunFixMessage {
  type: typeof WebviewMessageType.RunFix;
}

export interface CompareWithMessage {
  type: typeof WebviewMessageType.CompareWith;
}
export interface SetEqualAgeMessage {
  type: typeof WebviewMessageType.SetEqualAge;
  on: boolean;
}

export type WebviewMessage =
  | ReadyMessage
  | OpenExternalMessage
  | OpenReleaseMessage
  | RefreshMessage
  | RunFixMessage
  | CompareWithMessage
  | SetEqualAgeMessage;

/** What the comparison view keeps with setState (the model is repainted at once when shown again). */
export interface ComparisonSavedState {
  comparison: ComparisonKey;
  model: ComparisonViewModel | null;
}

/** What the webview keeps with setState; the host's serializer reads `key` after a reload. */
export interface PanelSavedState {
  key: PanelReleaseKey;
  model: PanelModel | null;
}

// ---- guards --------------------------------------------------------------------------------

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Release names and slugs are free text, but never empty nor absurdly long. */
function isName(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= 1000;
}

export function isPanelReleaseKey(v: unknown): v is PanelReleaseKey {
  return (
    isRecord(v) &&
    isSourceKind(v.source) &&
    isName(v.project) &&
    isName(v.release)
  );
}

export function isPanelSavedState(v: unknown): v is PanelSavedState {
  return isRecord(v) && isPanelReleaseKey(v.key) && (v.model === null || v.model === undefined || isPanelModel(v.model));
}

const PHASES: readonly PanelPhase[] = ['loading', 'ready', 'error', 'unconfigured'];

/** A shallow check: the host builds models from typed data, so this guards shape, not figures. */
export function isPanelModel(v: unknown): v is PanelModel {
  return (
    isRecord(v) &&
    isPanelReleaseKey(v.key) &&
    typeof v.phase === 'string' &&
    (PHASES as readonly string[]).includes(v.phase) &&
    (v.error === null || (isRecord(v.error) && typeof v.error.message === 'string')) &&
    (v.health === null || (isRecord(v.health) && typeof v.health.release === 'string')) &&
    (v.scope === null || isRecord(v.scope)) &&
    isRecord(v.links)
  );
}

export function isComparisonKey(v: unknown): v is ComparisonKey {
  return (
    isRecord(v) &&
    isSourceKind(v.source) &&
    isName(v.project) &&
    isName(v.base) &&
    isName(v.candidate)
  );
}

export function isComparisonViewModel(v: unknown): v is ComparisonViewModel {
  return (
    isRecord(v) &&
    isComparisonKey(v.key) &&
    typeof v.phase === 'string' &&
    (PHASES as readonly string[]).includes(v.phase) &&
    typeof v.equalAge === 'boolean' &&
    Array.isArray(v.rows) &&
    isRecord(v.windows)
  );
}

export function isComparisonSavedState(v: unknown): v is ComparisonSavedState {
  return isRecord(v) && isComparisonKey(v.comparison) && (v.model === null || v.model === undefined || isComparisonViewModel(v.model));
}

export function isHostMessage(v: unknown): v is HostMessage {
  if (!isRecord(v)) return false;
  if (v.type === HostMessageType.State) return isPanelModel(v.model);
  if (v.type === HostMessageType.ComparisonState) return isComparisonViewModel(v.model);
  return false;
}

/** The host's check of everything a webview sends: the webview is not trusted. */
export function isWebviewMessage(v: unknown): v is WebviewMessage {
  if (!isRecord(v)) return false;
  switch (v.type) {
    case WebviewMessageType.Ready:
    case WebviewMessageType.Refresh:
    case WebviewMessageType.RunFix:
    case WebviewMessageType.CompareWith:
      return true;
    case WebviewMessageType.SetEqualAge:
      return typeof v.on === 'boolean';
    case WebviewMessageType.OpenExternal:
      return typeof v.url === 'string' && v.url.length <= 8192;
    case WebviewMessageType.OpenRelease:
      return isName(v.release);
    default:
      return false;
  }
}

/** Only web links leave the editor: no command:, file:, javascript: or vscode: URIs. */
export function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * performance.mark names the webview sets as it starts (script running), gets its first state,
 * has the figures in the DOM, and has drawn the chart: the e2e test reads them for the panel's
 * time breakdown (bench/README.md).
 */
export const PanelMark = {
  Script: 'rh-script',
  State: 'rh-state',
  Figures: 'rh-figures',
  Chart: 'rh-chart',
} as const;
