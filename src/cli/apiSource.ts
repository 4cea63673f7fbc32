// `release-health overview --url BASE --org SLUG [--project SLUG]... [--token-env VAR]`:
// the Sentry API source for the CLI. Same output as --file (nothing is skipped from an API).
import { fetchApiOverview } from '../api/fetchApiOverview';
import type { EqualAgeRequest } from '../health/equalAge';
import { overviewOptionsOf, type OverviewArgs } from './overviewArgs';
import type { CommandIO, SourceOverview } from './overviewCommand';
import { UsageError } from './usageError';

export async function apiSource(args: OverviewArgs, io: CommandIO, extra: { equalAge?: EqualAgeRequest } = {}): Promise<SourceOverview> {
  const token = io.env[args.tokenEnv]?.trim();
  if (!token) {
    throw new UsageError(`no Sentry auth token: set ${args.tokenEnv} to a token with the org:read and project:read scopes (or name another variable with --token-env)`);
  }
  const timeout = Number(io.env.RELEASE_HEALTH_TIMEOUT_SECONDS);
  const overview = await fetchApiOverview(
    {
      baseUrl: args.url!,
      organization: args.org!,
      projects: args.projects,
      environments: args.environments,
      timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout * 1000 : undefined,
      env: io.env,
    },
    token,
    { ...overviewOptionsOf(args), equalAge: extra.equalAge },
  );
  return {
    now: overview.now,
    summaryPeriod: overview.summaryPeriod,
    healthPeriod: overview.healthPeriod,
    stat: overview.stat,
    releases: overview.releases,
    skipped: { count: 0, samples: [] },
    ...(overview.ageWindows ? { ageWindows: overview.ageWindows } : {}),
  };
}
