// The documents the MCP tools return, as zod schemas: the SDK publishes them as each tool's
// `outputSchema` and checks every `structuredContent` against them before it leaves.
import { z } from 'zod';
import { COMPARISON_VERDICTS } from '../../health/compareReleases';
import { STATS_PERIODS } from '../../health/types';

const HEALTH_STATUS = z.enum(['insufficient-data', 'critical', 'warning', 'healthy']);
const rate = z.number().nullable();
const interval = z.tuple([z.number(), z.number()]).nullable().describe('95 % Wilson interval [low, high] in percent');

/** One release exactly as `release-health overview --format json` prints it (docs/health-pipeline.md). */
export const releaseHealthSchema = z.object({
  project: z.string(),
  release: z.string(),
  firstSeen: z.string().nullable(),
  hasHealthData: z.boolean(),
  totalSessions: z.number(),
  sessionsHealthy: z.number(),
  sessionsErrored: z.number(),
  sessionsCrashed: z.number(),
  sessionsAbnormal: z.number(),
  sessionsUnhandled: z.number(),
  totalUsers: z.number(),
  usersHealthy: z.number(),
  usersErrored: z.number(),
  usersCrashed: z.number(),
  usersAbnormal: z.number(),
  usersUnhandled: z.number(),
  crashFreeSessions: rate,
  crashFreeUsers: rate,
  unhandledSessionRate: rate,
  unhandledUserRate: rate,
  totalSessions24h: z.number(),
  totalProjectSessions24h: z.number(),
  totalUsers24h: z.number(),
  totalProjectUsers24h: z.number(),
  adoption: rate,
  sessionsAdoption: rate,
  durationP50: z.number().nullable(),
  durationP90: z.number().nullable(),
  stats: z.record(z.string(), z.array(z.tuple([z.number(), z.number()]))).describe('{"<healthStatsPeriod>": [[unixSeconds, value], ...]}'),
  crashFreeSessionsInterval: interval,
  crashFreeUsersInterval: interval,
  previousRelease: z.string().nullable(),
  crashFreeSessionsDelta: z.number().nullable(),
  regression: z.boolean(),
  healthStatus: HEALTH_STATUS,
  anomalies: z.array(z.string()),
});

export const releaseHealthListShape = {
  releases: z.array(releaseHealthSchema),
};

const listedRelease = z.object({
  release: z.string(),
  hasHealthData: z.boolean(),
  healthStatus: HEALTH_STATUS,
  crashFreeSessions: rate,
  crashFreeUsers: rate,
  totalSessions: z.number(),
  totalUsers: z.number(),
  adoption: rate,
  firstSeen: z.string().nullable(),
  previousRelease: z.string().nullable(),
  regression: z.boolean(),
});

export const releaseListShape = {
  now: z.string(),
  summaryPeriod: z.enum(STATS_PERIODS as [string, ...string[]]),
  projects: z.array(z.object({ project: z.string(), releases: z.array(listedRelease) })),
};

const gateFigure = z.enum(['crashFreeSessions', 'crashFreeUsers']);

export const gateResultShape = {
  outcome: z.enum(['pass', 'fail', 'insufficient-data']),
  project: z.string(),
  release: z.string(),
  figures: z.object({
    totalSessions: z.number(),
    sessionsCrashed: z.number(),
    totalUsers: z.number(),
    usersCrashed: z.number(),
    crashFreeSessions: rate,
    crashFreeUsers: rate,
    crashFreeSessionsInterval: interval,
    crashFreeUsersInterval: interval,
    healthStatus: HEALTH_STATUS,
  }),
  minSessions: z.number(),
  checks: z.array(z.object({ figure: gateFigure, threshold: z.number(), value: rate, passed: z.boolean().nullable() })),
  reason: z.string(),
};

const rateComparison = z.object({
  base: rate.describe("Base release's rate in percent; null without sessions (users)"),
  candidate: rate,
  difference: rate.describe('candidate − base, in percentage points'),
  differenceInterval: z.tuple([z.number(), z.number()]).nullable().describe("95 % interval of the difference (Newcombe's method 10), percentage points"),
  pValue: rate.describe('Two-sided pooled two-proportion z-test'),
  verdict: z.enum(COMPARISON_VERDICTS as unknown as [string, ...string[]]),
});

/** `release-health compare --format json`. */
export const comparisonShape = {
  project: z.string(),
  base: z.string(),
  candidate: z.string(),
  age: z.number().nullable().describe('Hours of the equal-age windows; null: both over the summary period'),
  crashFreeSessions: rateComparison,
  crashFreeUsers: rateComparison,
  baseHealth: releaseHealthSchema,
  candidateHealth: releaseHealthSchema,
};
