// `release-health workspace --url ...`: the releases with their recorded commits, and the
// matched release's deploys, from the Sentry API (loaded only for --url, like apiSource).
import { fetchReleaseDeploys, fetchReleaseRecords } from '../api/releaseRecords';
import type { ApiSourceConfig } from '../api/config';
import type { KnownRelease } from '../workspace/types';
import type { CommandIO } from './overviewCommand';
import { UsageError } from './usageError';
import type { WorkspaceArgs } from './workspaceArgs';

/** Commit lists read for at most this many releases (the newest with several commits). */
const COMMIT_LISTS = 50;

export interface WorkspaceApi {
  releases: KnownRelease[];
  projects: string[];
  deploysOf: (version: string) => Promise<Array<{ environment: string; dateFinished: string | null }>>;
}

export function apiToken(args: { tokenEnv: string }, io: CommandIO): string {
  const token = io.env[args.tokenEnv]?.trim();
  if (!token) {
    throw new UsageError(`no Sentry auth token: set ${args.tokenEnv} to a token with the org:read and project:read scopes (or name another variable with --token-env)`);
  }
  return token;
}

export async function workspaceApi(args: WorkspaceArgs, io: CommandIO): Promise<WorkspaceApi> {
  const token = apiToken(args, io);
  const timeout = Number(io.env.RELEASE_HEALTH_TIMEOUT_SECONDS);
  const config: ApiSourceConfig = {
    baseUrl: args.url!,
    organization: args.org!,
    projects: args.projects,
    environments: args.environments,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout * 1000 : undefined,
    env: io.env,
  };
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
