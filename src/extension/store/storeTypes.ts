// The contract between the one store that owns fetched data and results, and its readers
// (tree, panels, status bar). Readers never fetch; they read snapshots and listen for changes.
import type { ReleaseDeployInfo, ReleaseRecord } from '../../api/releaseRecords';
import type { AgeWindowStats, EqualAgeRequest } from '../../health/equalAge';
import type { Overview, ReleaseHealth, SkipReport, StatsPeriod } from '../../health/types';

import type { SourceKind } from '../../present/ids';

export type { SourceKind };

/** Identifies one release across sources: a panel is keyed by this. */
export interface ReleaseKey {
  source: SourceKind;
  project: string;
  release: string;
}

export function releaseKeyId(k: ReleaseKey): string {
  return JSON.stringify([k.source, k.project, k.release]);
}

/** Where the figures came from, shown in the panel's scope line. */
export interface SourceScope {
  kind: SourceKind;
  /** e.g. "Demo data", "sentry.io / acme", "sessions.ndjson". */
  label: string;
  organization: string | null;
  /** Base URL for "Open in Sentry" links; null for demo and file sources. */
  sentryUrl: string | null;
  environments: string[];
  summaryPeriod: StatsPeriod;
  healthPeriod: StatsPeriod;
  /** Sentry only: numeric project id by slug, for release page links (`?project=<id>`). */
  projectIds?: Record<string, string>;
  /** File source only: the session file's absolute path (a skipped line opens it at that line). */
  file?: string;
}

/** What went wrong, with the action that fixes it. */
export interface StoreError {
  message: string;
  /** Command id offered as the fix (e.g. releaseHealth.connect, releaseHealth.openSettings, releaseHealth.refresh). */
  fixCommand: string;
  fixTitle: string;
  /** The user's own action led here (e.g. signing out): shown in the views, no notification. */
  quiet?: boolean;
}

export type StoreState =
  | { status: 'unconfigured' }
  | { status: 'loading'; previous: StoreSnapshot | null }
  | { status: 'ready'; snapshot: StoreSnapshot }
  | { status: 'error'; error: StoreError; previous: StoreSnapshot | null };

export interface StoreSnapshot {
  scope: SourceScope;
  overview: Overview;
  skipped: SkipReport | null;
  /** ISO time of the fetch. */
  updatedAt: string;
  /** Release management's records (lastCommit, lastDeploy) by version; empty for demo and file data. */
  records?: ReadonlyMap<string, ReleaseRecord>;
}

/** A release's deploys as the store knows them: asked for on first read, then cached per fetch. */
export type DeploysView = { status: 'none' } | { status: 'loading' } | { status: 'ready'; deploys: ReleaseDeployInfo[] } | { status: 'error'; message: string };
/** The data a state shows: current when ready, the previous data while loading or after an error. */
export function shownSnapshot(state: StoreState): StoreSnapshot | null {
  if (state.status === 'ready') return state.snapshot;
  if (state.status === 'loading' || state.status === 'error') return state.previous;
  return null;
}

export interface ReleaseHealthStoreReader {
  readonly state: StoreState;
  /** The latest snapshot, also while loading or after an error. */
  readonly snapshot: StoreSnapshot | null;
  findRelease(key: ReleaseKey): ReleaseHealth | undefined;
  /** The release's deploys; the first read starts loading them (listeners hear when they arrive). */
  deploysOf(key: ReleaseKey): DeploysView;
  /** Fires after every state change. */
  onDidChange(listener: () => void): { dispose(): void };
  /**
   * The overview with some releases measured over their first hours (a comparison's equal-age
   * mode), from the current source; thresholds applied. Cached like a load.
   */
  loadEqualAge(request: EqualAgeRequest, signal?: AbortSignal): Promise<EqualAgeResult>;
}

export interface EqualAgeResult {
  source: SourceKind;
  overview: Overview;
  ageWindows: Record<string, AgeWindowStats | null>;
}
