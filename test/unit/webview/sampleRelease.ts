// A ReleaseHealth with every field set, for the panel's render tests.
import type { ReleaseHealth } from '../../../src/health/types';
import type { PanelModel } from '../../../src/webview/protocol';

export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

export function sampleRelease(overrides: Partial<ReleaseHealth> = {}): ReleaseHealth {
  return {
    project: 'mobile-app',
    release: 'mobile-app@2.5.0',
    firstSeen: '2026-11-23T12:04:00.000Z',
    hasHealthData: true,
    totalSessions: 12345,
    sessionsHealthy: 12000,
    sessionsErrored: 200,
    sessionsCrashed: 100,
    sessionsAbnormal: 5,
    sessionsUnhandled: 40,
    totalUsers: 4000,
    usersHealthy: 3900,
    usersErrored: 50,
    usersCrashed: 30,
    usersAbnormal: 2,
    usersUnhandled: 18,
    crashFreeSessions: 100 - (100 / 12345) * 100,
    crashFreeUsers: 99.25,
    unhandledSessionRate: (140 / 12345) * 100,
    unhandledUserRate: 1.2,
    totalSessions24h: 12345,
    totalProjectSessions24h: 20000,
    totalUsers24h: 4000,
    totalProjectUsers24h: 5000,
    adoption: 80,
    sessionsAdoption: 61.725,
    durationP50: null,
    durationP90: null,
    stats: { '24h': Array.from({ length: 24 }, (_, i) => [1_764_000_000 + i * 3600, i * 10] as [number, number]) },
    crashFreeSessionsInterval: [99.04, 99.33],
    crashFreeUsersInterval: [98.9, 99.5],
    previousRelease: 'mobile-app@2.4.1',
    crashFreeSessionsDelta: -0.4567,
    regression: true,
    healthStatus: 'warning',
    anomalies: [],
    ...overrides,
  };
}

export function sampleModel(overrides: Partial<PanelModel> = {}, health: Partial<ReleaseHealth> = {}): PanelModel {
  const r = sampleRelease(health);
  return {
    key: { source: 'demo', project: r.project, release: r.release },
    phase: 'ready',
    error: null,
    health: r,
    scope: {
      sourceKind: 'demo',
      sourceLabel: 'Demo data',
      organization: null,
      project: r.project,
      environments: [],
      summaryPeriod: '24h',
      healthPeriod: '24h',
      stat: 'sessions',
      updatedAt: '2026-11-26T11:58:12.000Z',
    },
    links: { openInSentry: null, previousReleaseInSentry: null },
    ...overrides,
  };
}
