// `healthData` of a release's project in GET /releases/?health=1 (contract §2.2, §3.4): what
// Sentry's metrics backend computes in get_release_health_data_overview, including its quirks:
// the summary window starts at the first whole hour after now - period, totals are null rather
// than 0, the environment filter applies to adoption only, and a release without sessions in
// the summary window still has health data if its counters show up in the last 90 days.
import { SET_CRASHED_USERS, SET_ERRORED_SIDS, SET_USERS } from '../ingest/contribution';
import type { RangeReader } from './rangeStats';
import type { SeriesKey, SessionStore } from '../store/sessionStore';
import { sortedQuantile } from './sortedQuantile';

const HOUR = 3600;
const DAY = 86400;

/** get_rollup_starts_and_buckets: rollup seconds and bucket count of each stats period. */
const ROLLUPS: Record<string, [number, number]> = {
  '1h': [HOUR, 1], '24h': [HOUR, 24], '1d': [HOUR, 24], '48h': [HOUR, 48], '2d': [HOUR, 48],
  '7d': [DAY, 7], '14d': [DAY, 14], '30d': [DAY, 30], '90d': [3 * DAY, 30],
};

export interface HealthOptions {
  summaryStatsPeriod: string;
  healthStatsPeriod: string;
  healthStat: 'sessions' | 'users';
  environments: string[];
  /** Unix seconds. */
  now: number;
}

const ALL_SETS = (1 << SET_ERRORED_SIDS) | (1 << SET_USERS) | (1 << SET_CRASHED_USERS);

function keysOf(store: SessionStore, projectId: number, release: string | null, environments: string[] | null): SeriesKey[] {
  const r = release === null ? null : store.releaseNames.lookup(release);
  if (release !== null && r === undefined) return [];
  return store.keys.filter((k) => k.projectId === projectId
    && (r === null || k.release === r)
    && (environments === null || environments.length === 0 || environments.includes(store.environmentNames.name(k.environment) ?? '')));
}

/** Metrics rows at hourly granularity are kept when their hour starts at or after `start`. */
function hourAfter(t: number): number {
  return Math.ceil(t / HOUR) * HOUR;
}

export function releaseHealthData(store: SessionStore, reader: RangeReader, projectId: number, release: string, o: HealthOptions): Record<string, unknown> {
  const keys = keysOf(store, projectId, release, null);
  const [rollup, buckets] = ROLLUPS[o.summaryStatsPeriod];
  const summaryStart = hourAfter(o.now - rollup * buckets);
  const s = reader.stats(keys, summaryStart, o.now, { sets: ALL_SETS, durations: true });
  const totalSessions = s.init > 0 ? s.init : null;
  const totalUsers = s.distinct[SET_USERS] > 0 ? s.distinct[SET_USERS] : null;
  let hasHealthData = totalSessions !== null;
  if (!hasHealthData && o.summaryStatsPeriod !== '90d') {
    // check_has_health_data: any session counter (any status) in the last 90 days.
    hasHealthData = reader.stats(keys, hourAfter(o.now - 90 * DAY), o.now, { sets: 0, durations: false }).hasCounter;
  }
  const erroredAll = s.distinct[SET_ERRORED_SIDS] + s.erroredPreaggr;

  // get_release_adoption: the last 24 hours, environment filter applied.
  const adoptionStart = hourAfter(o.now - DAY);
  const adoptionNeeds = { sets: 1 << SET_USERS, durations: false };
  const release24 = reader.stats(keysOf(store, projectId, release, o.environments), adoptionStart, o.now, adoptionNeeds);
  const project24 = reader.stats(keysOf(store, projectId, null, o.environments), adoptionStart, o.now, adoptionNeeds);
  const hasAdoption = release24.hasCounter || release24.hasUsers;
  const users24 = release24.distinct[SET_USERS];
  const projectUsers24 = project24.distinct[SET_USERS];

  const out: Record<string, unknown> = {
    durationP50: sortedQuantile(s.durations, 0.5),
    durationP90: sortedQuantile(s.durations, 0.9),
    crashFreeUsers: totalUsers ? 100 - (s.distinct[SET_CRASHED_USERS] / totalUsers) * 100 : null,
    crashFreeSessions: totalSessions ? 100 - (s.crashed / totalSessions) * 100 : null,
    totalUsers,
    totalUsers24h: hasAdoption ? users24 : null,
    totalProjectUsers24h: hasAdoption ? projectUsers24 : null,
    totalSessions,
    totalSessions24h: hasAdoption ? release24.init : null,
    totalProjectSessions24h: hasAdoption ? project24.init : null,
    adoption: hasAdoption && users24 && projectUsers24 ? (users24 / projectUsers24) * 100 : null,
    sessionsAdoption: hasAdoption && release24.init && project24.init ? (release24.init / project24.init) * 100 : null,
    sessionsCrashed: s.crashed,
    // The 2025 backend also takes unhandled sessions out of the errored count.
    sessionsErrored: Math.max(0, erroredAll - s.crashed - s.abnormal - s.unhandled),
    hasHealthData,
  };
  if (o.healthStatsPeriod) out.stats = { [o.healthStatsPeriod]: healthStats(reader, keys, o) };
  return out;
}

/** _make_stats buckets of the health-stats period: sessions or distinct users per bucket. */
function healthStats(reader: RangeReader, keys: SeriesKey[], o: HealthOptions): Array<[number, number]> {
  const [rollup, buckets] = ROLLUPS[o.healthStatsPeriod];
  const first = (Math.floor((o.now - rollup * buckets) / rollup) + 1) * rollup;
  const needs = { sets: o.healthStat === 'users' ? 1 << SET_USERS : 0, durations: false };
  const out: Array<[number, number]> = [];
  for (let i = 0; i < buckets; i++) {
    const t = first + i * rollup;
    const s = reader.stats(keys, t, t + rollup, needs);
    out.push([t, o.healthStat === 'users' ? s.distinct[SET_USERS] : s.init]);
  }
  return out;
}

