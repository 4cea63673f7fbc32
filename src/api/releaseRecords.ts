// What release management recorded for releases, read from Sentry: the releases listing's
// lastCommit / lastDeploy / counts, `/releases/{version}/commits/` and `/releases/{version}/deploys/`.
// The CLI's `workspace` and the extension's store use these; nothing here knows of a UI.
import { parseInstant } from './sessionGroups';
import { limiter } from './concurrency';
import { resolveConfig, type ApiSourceConfig, type ResolvedConfig } from './config';
import { fetchAll } from './paginate';
import { CommitListSchema, DeployListSchema, parseBody, ProjectListSchema, ReleaseListSchema, type CommitItem, type DeployItem, type ReleaseItem } from './schemas';
import { SentryHttp } from './sentryHttp';
import type { ApiHooks } from './fetchApiOverview';

export interface ReleaseCommitInfo {
  id: string;
  message: string | null;
  /** ISO time of the commit, as Sentry gives it. */
  dateCreated: string | null;
  authorName: string | null;
  authorEmail: string | null;
}

export interface ReleaseDeployInfo {
  environment: string;
  /** ISO time; null when Sentry has none. */
  dateFinished: string | null;
  dateStarted: string | null;
  name: string | null;
  url: string | null;
}

/** One release of the listing with what release management recorded. */
export interface ReleaseRecord {
  version: string;
  projects: string[];
  /** Unix seconds, or null. */
  dateCreated: number | null;
  dateReleased: string | null;
  commitCount: number;
  lastCommit: ReleaseCommitInfo | null;
  deployCount: number;
  lastDeploy: ReleaseDeployInfo | null;
  /** Every recorded commit SHA, newest first, when its list was read (else only lastCommit is known). */
  commits?: string[];
}

export function toCommitInfo(c: CommitItem): ReleaseCommitInfo {
  return { id: c.id, message: c.message ?? null, dateCreated: c.dateCreated ?? null, authorName: c.author?.name ?? null, authorEmail: c.author?.email ?? null };
}

export function toDeployInfo(d: DeployItem): ReleaseDeployInfo {
  return { environment: d.environment, dateFinished: d.dateFinished ?? null, dateStarted: d.dateStarted ?? null, name: d.name ?? null, url: d.url ?? null };
}

export function toReleaseRecord(r: ReleaseItem): ReleaseRecord {
  const created = r.dateCreated ? parseInstant(r.dateCreated) : NaN;
  return {
    version: r.version,
    projects: (r.projects ?? []).map((p) => p.slug),
    dateCreated: Number.isFinite(created) ? created : null,
    dateReleased: r.dateReleased ?? null,
    commitCount: r.commitCount ?? (r.lastCommit ? 1 : 0),
    lastCommit: r.lastCommit ? toCommitInfo(r.lastCommit) : null,
    deployCount: r.deployCount ?? (r.lastDeploy ? 1 : 0),
    lastDeploy: r.lastDeploy ? toDeployInfo(r.lastDeploy) : null,
  };
}

const orgPath = (org: string) => `/api/0/organizations/${encodeURIComponent(org)}`;
const releasePath = (org: string, version: string) => `${orgPath(org)}/releases/${encodeURIComponent(version)}`;

async function withHttp<T>(config: ApiSourceConfig, token: string, hooks: ApiHooks, work: (http: SentryHttp, cfg: ResolvedConfig) => Promise<T>): Promise<T> {
  const cfg = resolveConfig(config);
  const http = new SentryHttp(cfg, token, { signal: hooks.signal, log: hooks.log });
  try {
    return await work(http, cfg);
  } finally {
    http.close();
  }
}

/** Deploys of a release, newest first (Sentry's order). */
export function fetchReleaseDeploys(config: ApiSourceConfig, token: string, version: string, hooks: ApiHooks = {}): Promise<ReleaseDeployInfo[]> {
  return withHttp(config, token, hooks, async (http, cfg) => {
    const path = `${releasePath(cfg.organization, version)}/deploys/`;
    const res = await http.get(path);
    return parseBody(DeployListSchema, res.body, http.endpoint(path), http.host).map(toDeployInfo);
  });
}

/** Commits recorded with a release, newest first. */
export function fetchReleaseCommits(config: ApiSourceConfig, token: string, version: string, hooks: ApiHooks = {}): Promise<ReleaseCommitInfo[]> {
  return withHttp(config, token, hooks, async (http, cfg) => {
    const list = await fetchAll(http, `${releasePath(cfg.organization, version)}/commits/`, [['per_page', '100']], CommitListSchema);
    return list.map(toCommitInfo);
  });
}

export interface ReleaseRecordsOptions {
  /** Project slugs; empty: every project the token sees. */
  projects: string[];
  /** Commit lists fetched for at most this many of the newest releases with several commits. */
  commitLists: number;
}

export interface ReleaseRecords {
  projects: string[];
  releases: ReleaseRecord[];
  /** version -> recorded commit SHAs (newest first), for the releases whose lists were read. */
  commits: Map<string, string[]>;
}

/**
 * The releases of the projects with their lastCommit/lastDeploy, and the commit lists of the
 * newest ones: what finding the workspace's release needs (a handful of requests).
 */
export function fetchReleaseRecords(config: ApiSourceConfig, token: string, options: ReleaseRecordsOptions, hooks: ApiHooks = {}): Promise<ReleaseRecords> {
  return withHttp(config, token, hooks, async (http, cfg) => {
    const allProjects = await fetchAll(http, `${orgPath(cfg.organization)}/projects/`, [['per_page', '100']], ProjectListSchema);
    const wanted = options.projects.length > 0 ? allProjects.filter((p) => options.projects.includes(p.slug)) : allProjects;
    const params: Array<[string, string]> = options.projects.length > 0 ? wanted.map((p) => ['project', p.id]) : [['project', '-1']];
    const listed = wanted.length === 0 ? [] : await fetchAll(http, `${orgPath(cfg.organization)}/releases/`, [...params, ['per_page', '100']], ReleaseListSchema);
    const releases = listed.map(toReleaseRecord);
    const commits = new Map<string, string[]>();
    for (const r of releases) if (r.lastCommit) commits.set(r.version, [r.lastCommit.id]);
    const run = limiter(cfg.concurrency);
    const several = releases.filter((r) => r.commitCount > 1).slice(0, options.commitLists);
    await Promise.all(several.map((r) => run(async () => {
      const list = await fetchAll(http, `${releasePath(cfg.organization, r.version)}/commits/`, [['per_page', '100']], CommitListSchema);
      commits.set(r.version, list.map((c) => c.id));
    })));
    return { projects: wanted.map((p) => p.slug), releases, commits };
  });
}
