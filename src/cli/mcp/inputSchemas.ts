// The arguments the MCP tools take, shared where two tools take the same one.
import { z } from 'zod';
import { STATS_PERIODS } from '../../health/types';

const period = z.enum(STATS_PERIODS as [string, ...string[]]);

export const projectArg = z.string().min(1).optional().describe('Project slug. Omit for every project.');

export const summaryPeriodArg = period
  .optional()
  .describe("Period the figures cover, ending now: 1h, 24h, 1d, 48h, 2d, 7d, 14d, 30d or 90d. Default: the server's --summary-period (24h).");

export const healthStatsPeriodArg = period
  .optional()
  .describe("Period of the time series in `stats` (hourly buckets up to 48h, daily beyond). Default: the server's --health-period (24h).");

export const statArg = z.enum(['sessions', 'users']).optional().describe('What the time series counts: sessions started or distinct users per bucket. Default: sessions.');

export const environmentsArg = z
  .array(z.string().min(1))
  .optional()
  .describe("Only sessions of these environments (e.g. [\"production\"]). Default: the server's --environment list (all environments when none).");
