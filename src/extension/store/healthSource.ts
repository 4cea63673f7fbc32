// What the store asks of a source (demo, file, Sentry). Sources fetch and run the pipeline; the
// store owns caching, cancellation and state. Views never talk to sources.
import type { ReleaseDeployInfo, ReleaseRecord } from '../../api/releaseRecords';
import type { AgeWindowStats, EqualAgeRequest } from '../../health/equalAge';
import type { Overview, SkipReport, UnixSeconds } from '../../health/types';
import type { ReleaseHealthSettings } from '../settings';
import type { SourceKind, SourceScope, StoreError } from './storeTypes';

export interface SourceRequest {
  settings: ReleaseHealthSettings;
  /** From the store's clock, in whole seconds. */
  now: UnixSeconds;
  /** Aborted when a newer load supersedes this one. */
  signal: AbortSignal;
  /** A user-asked refresh: sources that keep data between loads (demo) start afresh. */
  force: boolean;
  /** Also measure these releases over their first hours (a comparison's equal-age mode). */
  equalAge?: EqualAgeRequest;
}

export interface SourceResult {
  overview: Overview;
  scope: SourceScope;
  skipped: SkipReport | null;
  /** Environments seen in the data (offered by "Select Environment"). */
  environments: string[];
  /** What release management recorded per release (Sentry only: commits, deploys). */
  records?: ReleaseRecord[];
  /** With `equalAge`: the windows, keyed by ageKey(project, release). */
  ageWindows?: Record<string, AgeWindowStats | null>;
}

export interface HealthSource {
  readonly kind: SourceKind;
  load(request: SourceRequest): Promise<SourceResult>;
  /** A release's deploys, newest first; sources without release management have none. */
  loadDeploys?(settings: ReleaseHealthSettings, version: string, signal: AbortSignal): Promise<ReleaseDeployInfo[]>;
}

/** A failure the user can fix: the store shows it with its fixing action. */
export class SourceError extends Error {
  constructor(readonly storeError: StoreError) {
    super(storeError.message);
    this.name = 'SourceError';
  }
}

/** Thrown by sources when the request's signal aborted; the store drops such results. */
export class LoadCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'LoadCancelled';
  }
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new LoadCancelled();
}

/** The source chosen by the settings, and the part of the settings its data depends on. */
export interface SourceSelection {
  source: HealthSource;
  /** Equal keys mean equal data (thresholds excluded: they are applied afterwards). */
  cacheKey: string;
}
