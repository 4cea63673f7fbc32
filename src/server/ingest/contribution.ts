// What one session update or aggregate entry adds to the metrics, following relay's session
// metric extraction (contract §4.3, health-pipeline "Ingestion rules"), the same rules as
// src/raw/sessionAccumulator.ts: counters tagged init/crashed/abnormal/unhandled/errored_preaggr,
// the errored-session set, and the user set tagged by status. Every metric is dated `started`.
import type { AggregateEntryRecord, SessionUpdateRecord } from '../../raw/sessionLine';
import type { Interner } from '../store/interner';

/** Set kinds kept per bucket; user kinds 1..7 match the USER_* bits (kind k is bit k-1). */
export const SET_ERRORED_SIDS = 0;
export const SET_USERS = 1;
export const SET_ERRORED_USERS = 2;
export const SET_CRASHED_USERS = 3;
export const SET_ABNORMAL_USERS = 4;
export const SET_UNHANDLED_USERS = 5;
export const SET_ANR_USERS = 6;
export const SET_FG_ANR_USERS = 7;
export const SET_KINDS = 8;

export const USER_ALL = 1;
export const USER_ERRORED = 2;
export const USER_CRASHED = 4;
export const USER_ABNORMAL = 8;
export const USER_UNHANDLED = 16;
export const USER_ANR = 32;
export const USER_FG_ANR = 64;

export interface Contribution {
  started: number;
  init: number;
  crashed: number;
  abnormal: number;
  unhandled: number;
  erroredPreaggr: number;
  /** Interned session id in the errored set, or -1. */
  erroredSid: number;
  /** Interned user id, or -1. */
  uid: number;
  /** USER_* bits: which user sets the user joins. */
  userFlags: number;
  /** Seconds of an `exited` update, or NaN. */
  duration: number;
}

export function isEmptyContribution(c: Contribution): boolean {
  return c.init === 0 && c.crashed === 0 && c.abnormal === 0 && c.unhandled === 0 && c.erroredPreaggr === 0
    && c.erroredSid < 0 && c.uid < 0 && Number.isNaN(c.duration);
}

export function hasCounter(c: Contribution): boolean {
  return c.init > 0 || c.crashed > 0 || c.abnormal > 0 || c.unhandled > 0 || c.erroredPreaggr > 0;
}

export function updateContribution(u: SessionUpdateRecord, users: Interner, sessions: Interner): Contribution {
  const errored = u.errors > 0 || (u.status !== 'ok' && u.status !== 'exited');
  let userFlags = 0;
  const uid = u.did === null ? -1 : users.id(u.did);
  if (uid >= 0) {
    userFlags = USER_ALL;
    if (errored) userFlags |= USER_ERRORED;
    if (u.status === 'crashed') userFlags |= USER_CRASHED;
    else if (u.status === 'unhandled') userFlags |= USER_UNHANDLED;
    else if (u.status === 'abnormal') {
      userFlags |= USER_ABNORMAL;
      // relay tags the abnormal user metric with its mechanism; anr_rate() reads those tags.
      if (u.abnormalMechanism === 'anr_foreground') userFlags |= USER_ANR | USER_FG_ANR;
      else if (u.abnormalMechanism === 'anr_background') userFlags |= USER_ANR;
    }
  }
  return {
    started: u.started,
    init: u.init ? 1 : 0,
    crashed: u.status === 'crashed' ? 1 : 0,
    abnormal: u.status === 'abnormal' ? 1 : 0,
    unhandled: u.status === 'unhandled' ? 1 : 0,
    erroredPreaggr: 0,
    // relay gives a session without `sid` a random one: it is its own session.
    erroredSid: errored ? (u.sid === null ? sessions.fresh() : sessions.id(u.sid)) : -1,
    uid,
    userFlags,
    duration: u.status === 'exited' && u.duration !== null ? u.duration : Number.NaN,
  };
}

export function aggregateContribution(e: AggregateEntryRecord, users: Interner): Contribution {
  const erroredCount = e.errored + e.abnormal + e.crashed + e.unhandled;
  const uid = e.did === null ? -1 : users.id(e.did);
  let userFlags = 0;
  if (uid >= 0) {
    userFlags = USER_ALL;
    if (erroredCount > 0) userFlags |= USER_ERRORED;
    if (e.crashed > 0) userFlags |= USER_CRASHED;
    if (e.abnormal > 0) userFlags |= USER_ABNORMAL;
    if (e.unhandled > 0) userFlags |= USER_UNHANDLED;
  }
  return {
    started: e.started,
    init: e.exited + erroredCount,
    crashed: e.crashed,
    abnormal: e.abnormal,
    unhandled: e.unhandled,
    erroredPreaggr: erroredCount,
    erroredSid: -1,
    uid,
    userFlags,
    duration: Number.NaN,
  };
}
