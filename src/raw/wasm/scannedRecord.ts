// The records the WebAssembly line scanner hands over: the fields the accumulator counts, with
// every string (release, environment, project, user id) as the scanner's interned id, so that the
// accumulator looks them up by number (scannedIds.ts) instead of building and hashing strings.
import type { SessionStatus, UnixSeconds } from '../../health/types';

/** No string (the field is absent, null or empty): the id the scanner writes. */
export const NO_ID = -1;

/** Where a scanner's ids come from: one table per scanner, ids dense from 0, never reused. */
export interface ScannedNames {
  text(id: number): string;
}

export interface ScannedUpdate {
  names: ScannedNames;
  project: number;
  release: number;
  environment: number;
  did: number;
  started: UnixSeconds;
  init: boolean;
  status: SessionStatus;
  errors: number;
  /** True when the update marks its session errored (errors > 0 or a status other than ok and exited). */
  errored: boolean;
  /** The session id, read only for an errored update (the only one that needs it); null: anonymous (or not errored). */
  sid: string | null;
  duration: number | null;
  /** abnormal_mechanism's id (NO_ID: none); the accumulator does not count it, the differential tests check it. */
  mechanism: number;
}

export interface ScannedEntry {
  started: UnixSeconds;
  did: number;
  exited: number;
  errored: number;
  abnormal: number;
  crashed: number;
  unhandled: number;
}

export interface ScannedAggregate {
  names: ScannedNames;
  project: number;
  release: number;
  environment: number;
  entries: ScannedEntry[];
}
