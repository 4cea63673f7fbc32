// ReleaseHealth values for extension tests: a healthy default, overridden per test.
import type { Overview, ReleaseHealth } from '../../../src/health/types';
import type { SourceScope, StoreSnapshot } from '../../../src/extension/store/storeTypes';

export function release(over: Partial<ReleaseHealth> = {}): ReleaseHealth {
  return {
    project: 'app', release: 'app@1.0.0', firstSeen: '2026-11-20T00:00:00.000Z', hasHealthData: true,
    totalSessions: 1000, sessionsHealthy: 950, sessionsErrored: 40, sessionsCrashed: 3, sessionsAbnormal: 2, sessionsUnhandled: 5,
    totalUsers: 200, usersHealthy: 180, usersErrored: 15, usersCrashed: 2, usersAbnormal: 1, usersUnhandled: 2,
    crashFreeSessions: 99.7, crashFreeUsers: 99, unhandledSessionRate: 0.8, unhandledUserRate: 2,
    totalSessions24h: 400, totalProjectSessions24h: 800, totalUsers24h: 100, totalProjectUsers24h: 150,
    adoption: 66.666, sessionsAdoption: 50,
    durationP50: null, durationP90: null,
    stats: { '24h': [] },
    crashFreeSessionsInterval: [99.4, 99.85], crashFreeUsersInterval: [96.4, 99.7],
    previousRelease: null, crashFreeSessionsDelta: null, regression: false,
    healthStatus: 'healthy', anomalies: [],
    ...over,
  };
}

export function scope(over: Partial<SourceScope> = {}): SourceScope {
  return {
    kind: 'demo', label: 'Demo data', organization: null, sentryUrl: null, environments: [],
    summaryPeriod: '24h', healthPeriod: '24h', ...over,
  };
}

export function overview(releases: ReleaseHealth[]): Overview {
  return { now: '2026-11-26T12:00:00.000Z', summaryPeriod: '24h', healthPeriod: '24h', stat: 'sessions', releases };
}

export function snapshot(releases: ReleaseHealth[], over: Partial<StoreSnapshot> = {}): StoreSnapshot {
  return { scope: scope(), overview: overview(releases), skipped: null, updatedAt: '2026-11-26T12:00:00.000Z', ...over };
}
