// The Sentry API source, end to end: projects and releases listings, the `/sessions/` queries
// (sessionsFetch.ts), the adapter (apiOverviewInput.ts), then the same computeOverview as the
// raw-file source. Used by the extension ("Connect to Sentry…", refresh) and the CLI (--url).
import { computeOverview } from '../health/computeOverview';
import type { Overview, OverviewOptions } from '../health/types';
import { buildApiOverviewInput, listedPairs, type ApiListing } from './apiOverviewInput';
import { limiter, type Limiter } from './concurrency';
import { resolveConfig, type ApiSourceConfig, type ResolvedConfig } from './config';
import { SentryApiError } from './errors';
import { fetchAll } from './paginate';
import { OrganizationSchema, parseBody, ProjectListSchema, ReleaseListSchema, type ProjectItem, type ReleaseItem } from './schemas';
import { fetchSessionsData } from './sessionsFetch';
import { SentryHttp, type RequestLogger } from './sentryHttp';

export type { ApiSourceConfig, ProxyConfig, RetryConfig } from './config';
export type { RequestLogEntry, RequestLogger } from './sentryHttp';
export { SentryApiError, SentryInvalidResponseError, isSentryApiError, type SentryApiErrorKind } from './errors';

export interface ApiHooks {
  signal?: AbortSignal;
  log?: RequestLogger;
}

export interface ApiProject {
  id: string;
  slug: string;
  name: string;
  platform: string | null;
  /** Environments Sentry lists for the project, when it does. */
  environments?: string[];
}

export interface ApiOverview extends Overview {
  projects: ApiProject[];
  /** HTTP requests this refresh took (retries included). */
  requests: number;
}

export interface ApiOrganization {
  id: string | null;
  slug: string;
  name: string;
}

const orgPath = (org: string) => `/api/0/organizations/${encodeURIComponent(org)}`;

/** Runs `work` with a client whose requests all stop (cancelled) as soon as one fails or the caller aborts. */
async function withClient<T>(cfg: ResolvedConfig, token: string, hooks: ApiHooks, work: (http: SentryHttp, run: Limiter) => Promise<T>): Promise<T> {
  const inner = new AbortController();
  const onAbort = () => inner.abort();
  if (hooks.signal?.aborted) inner.abort();
  hooks.signal?.addEventListener('abort', onAbort, { once: true });
  const http = new SentryHttp(cfg, token, { signal: inner.signal, log: hooks.log });
  try {
    return await work(http, limiter(cfg.concurrency));
  } catch (err) {
    inner.abort();
    throw err;
  } finally {
    hooks.signal?.removeEventListener('abort', onAbort);
    http.close();
  }
}

function toApiProject(p: ProjectItem): ApiProject {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name ?? p.slug,
    platform: p.platform ?? null,
    ...(p.environments ? { environments: p.environments } : {}),
  };
}

async function fetchProjects(http: SentryHttp, cfg: ResolvedConfig): Promise<ProjectItem[]> {
  return fetchAll(http, `${orgPath(cfg.organization)}/projects/`, [['per_page', '100']], ProjectListSchema);
}

/** The configured projects (all when none are named); a named one that is missing is an error. */
function pickProjects(all: ProjectItem[], cfg: ResolvedConfig, endpoint: string): ProjectItem[] {
  if (cfg.projects.length === 0) return all;
  const bySlug = new Map(all.map((p) => [p.slug, p]));
  const missing = cfg.projects.filter((s) => !bySlug.has(s));
  if (missing.length > 0) {
    const known = all.slice(0, 8).map((p) => p.slug).join(', ');
    throw new SentryApiError(
      `Project${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')} not found in organization '${cfg.organization}' on ${cfg.base.host}, or the token cannot see ${missing.length > 1 ? 'them' : 'it'}${known ? ` (it sees: ${known}${all.length > 8 ? ', …' : ''})` : ''}.`,
      { kind: 'not-found', endpoint },
    );
  }
  return [...new Set(cfg.projects)].map((s) => bySlug.get(s)!);
}

/**
 * `project` values for listings and session queries: the ids of the configured projects, or
 * `-1` (every project the token can access) when none are configured, so that an organization
 * with hundreds of projects does not put them all in every URL.
 */
function projectParams(cfg: ResolvedConfig, projects: ProjectItem[]): string[] {
  return cfg.projects.length === 0 ? ['-1'] : projects.map((p) => p.id);
}

async function fetchReleases(http: SentryHttp, cfg: ResolvedConfig, projects: ProjectItem[], environments: string[]): Promise<ReleaseItem[]> {
  const params: Array<[string, string]> = projectParams(cfg, projects).map((id) => ['project', id]);
  for (const e of environments) params.push(['environment', e]);
  params.push(['per_page', '100']);
  return fetchAll(http, `${orgPath(cfg.organization)}/releases/`, params, ReleaseListSchema);
}

export async function fetchApiOverview(
  config: ApiSourceConfig,
  token: string,
  options: OverviewOptions & { environments?: string[] },
  hooks: ApiHooks = {},
): Promise<ApiOverview> {
  const cfg = resolveConfig(config);
  const { environments: chosen, ...overviewOptions } = options;
  const environments = (chosen ?? cfg.environments).filter((e) => e !== '');
  return withClient(cfg, token, hooks, async (http, run) => {
    const all = await run(() => fetchProjects(http, cfg));
    const projects = pickProjects(all, cfg, http.endpoint(`${orgPath(cfg.organization)}/projects/`));
    if (projects.length === 0) {
      return { ...computeOverview({ releases: [], projects: {} }, overviewOptions), projects: [], requests: http.requests };
    }
    // The releases listing runs alongside the first session queries; only the has-data step
    // needs it. fetchSessionsData awaits it together with them, so its failure surfaces first.
    const listing = run(() => fetchReleases(http, cfg, projects, environments)).then((r): ApiListing => ({ projects, releases: r }));
    const listedKeys = listing.then((l) => [...listedPairs(l).keys()]);
    listedKeys.catch(() => undefined); // awaited in fetchSessionsData; never an unhandled rejection meanwhile
    const data = await fetchSessionsData(http, cfg.organization, { projectIds: projectParams(cfg, projects), environments }, listedKeys, overviewOptions, run);
    const input = buildApiOverviewInput(await listing, data, overviewOptions);
    return { ...computeOverview(input, overviewOptions), projects: projects.map(toApiProject), requests: http.requests };
  });
}

/** One request proving that base URL, token and organization work together (org:read). */
export async function checkConnection(config: ApiSourceConfig, token: string, hooks: ApiHooks = {}): Promise<ApiOrganization> {
  const cfg = resolveConfig(config);
  return withClient(cfg, token, hooks, async (http) => {
    const path = `${orgPath(cfg.organization)}/`;
    const res = await http.get(path);
    const org = parseBody(OrganizationSchema, res.body, http.endpoint(path), http.host);
    return { id: org.id ?? null, slug: org.slug, name: org.name };
  });
}

/** Every project of the organization the token can see. */
export async function listProjects(config: ApiSourceConfig, token: string, hooks: ApiHooks = {}): Promise<ApiProject[]> {
  const cfg = resolveConfig(config);
  return withClient(cfg, token, hooks, async (http) => (await fetchProjects(http, cfg)).map(toApiProject));
}
