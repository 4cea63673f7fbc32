// The CLI's Sentry API side, bundled apart (dist/apiSource.js) and required only for --url:
// `overview`/`compare --url` (same output as --file; nothing is skipped from an API) and
// `workspace --url` (the releases with their recorded commits, the matched release's deploys).
import type { ApiSourceConfig } from '../api/config';
import { fetchApiOverview } from '../api/fetchApiOverview';
import { fetchReleaseDeploys, fetchReleaseRecords } from '../api/releaseRecords';
import type { EqualAgeRequest } from '../health/equalAge';
import type { KnownRelease } from '../workspace/types';
import { overviewOptionsOf, type OverviewArgs } from './overviewArgs';
import type { CommandIO, SourceOverview } from './overviewCommand';
import { UsageError } from './usageError';
import type { WorkspaceArgs } from './workspaceArgs';

/** Commit lists read for at most this many releases (the newest with several commits). */
const COMMIT_LISTS = 50;

interface ApiArgs {
  url: string | null;
  org: string | null;
  projects: string[];
  environments: string[];
  tokenEnv: string;
}

export function apiToken(args: { tokenEnv: string }, io: CommandIO): string {
  const token = io.env[args.tokenEnv]?.trim();
  if (!token) {
    throw new UsageError(`no Sentry auth token: set ${args.tokenEnv} to a token with the org:read and project:read scopes (or name another variable with --token-env)`);
  }
  return token;
}

function apiConfig(args: ApiArgs, io: CommandIO): ApiSourceConfig {
  const timeout = Number(io.env.RELEASE_HEALTH_TIMEOUT_SECONDS);
  return {
    baseUrl: args.url!,
    organization: args.org!,
    projects: args.projects,
    environments: args.environments,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout * 1000 : undefined,
    env: io.env,
  };
}

export async function apiSource(args: OverviewArgs, io: CommandIO, extra: { equalAge?: EqualAgeRequest } = {}): Promise<SourceOverview> {
  const token = apiToken(args, io);
  const overview = await fetchApiOverview(apiConfig(args, io), token, { ...overviewOptionsOf(args), equalAge: extra.equalAge });
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

export interface WorkspaceApi {
  releases: KnownRelease[];
  projects: string[];
  deploysOf: (version: string) => Promise<Array<{ environment: string; dateFinished: string | null }>>;
}

export async function workspaceApi(args: WorkspaceArgs, io: CommandIO): Promise<WorkspaceApi> {
  const token = apiToken(args, io);
  const config = apiConfig(args, io);
  const records = await fetchReleaseRecords(config, token, { projects: args.projects, commitLists: COMMIT_LISTS });
  const releases: KnownRelease[] = records.releases.flatMap((r) => r.projects
    .filter((p) => records.projects.includes(p))
    .map((project) => ({ project, version: r.version, dateCreated: r.dateCreated, commits: records.commits.get(r.version) ?? [] })));
  return {
    releases,
    projects: records.projects,
    deploysOf: async (version) => (await fetchReleaseDeploys(config, token, version)).map((d) => ({ environment: d.environment, dateFinished: d.dateFinished })),
  };
}
