// The Sentry API source, end to end: projects and releases listings, the `/sessions/` queries
// (sessionsFetch.ts), the adapter (apiOverviewInput.ts), then the same computeOverview as the
// raw-file source. Used by the extension ("Connect to Sentry…", refresh) and the CLI (--url).
import { computeOverview } from '../health/computeOverview';
import type { Overview, OverviewOptions } from '../health/types';
import { ageProject, withAgeWindows, type AgeWindowStats, type EqualAgeRequest } from '../health/equalAge';
import { fetchAgeWindows } from './ageWindowFetch';
import { buildApiOverviewInput, listedPairs, type ApiListing } from './apiOverviewInput';
import { limiter, type Limiter } from './concurrency';
import { resolveConfig, type ApiSourceConfig, type ResolvedConfig } from './config';
import { SentryApiError } from './errors';
import { fetchAll } from './paginate';
import { OrganizationSchema, parseBody, ProjectListSchema, ReleaseListSchema, type ProjectItem, type ReleaseItem } from './schemas';
import { cachedRegion, regionBase, rememberRegion } from './region';
import { fetchSessionsData } from './sessionsFetch';
import { SentryHttp, type RequestLogger } from './sentryHttp';
import { toReleaseRecord, type ReleaseRecord } from './releaseRecords';

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
  /** False when the token's user cannot read the project (Sentry lists it all the same). */
  hasAccess: boolean;
}

export interface ApiOverview extends Overview {
  projects: ApiProject[];
  /** The listed releases with their lastCommit / lastDeploy (no extra request: the listing has them). */
  releaseRecords: ReleaseRecord[];
  /** With `equalAge`: the compared releases' windows, keyed by ageKey(project, release). */
  ageWindows?: Record<string, AgeWindowStats | null>;
  /** The organization's region host when its API calls go there instead of the base URL. */
  regionUrl: string | null;
  /** HTTP requests this refresh took (retries included). */
  requests: number;
}

export interface ApiOrganization {
  id: string | null;
  slug: string;
  name: string;
  /** The organization's region host, when it differs from the base URL: API calls go there. */
  regionUrl: string | null;
}

/** The releases listing covers the has-data window (90 days), the longest any figure looks back. */
export const LISTING_PERIOD = '90d';

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
    hasAccess: p.hasAccess !== false,
  };
}

/**
 * GET /organizations/{org}/?detailed=0 (without it Sentry serializes every project and team of
 * the organization), then every later request of `http` goes to the organization's region.
 */
async function openOrganization(http: SentryHttp, cfg: ResolvedConfig): Promise<ApiOrganization> {
  const path = `${orgPath(cfg.organization)}/`;
  const res = await http.get(path, [['detailed', '0']]);
  const org = parseBody(OrganizationSchema, res.body, http.endpoint(path), http.host);
  const region = regionBase(cfg.base, org.links?.regionUrl);
  rememberRegion(cfg, region);
  if (region) http.useRegion(region);
  return { id: org.id ?? null, slug: org.slug, name: org.name, regionUrl: region ? region.href.replace(/\/$/, '') : null };
}

/** The region `http` went to, or null when it stayed on the base URL. */
function regionOf(http: SentryHttp, cfg: ResolvedConfig): string | null {
  return http.baseUrl.href === cfg.base.href ? null : http.baseUrl.href.replace(/\/$/, '');
}

/** Sends `http` to the organization's region, learning it first if this process does not know it yet. */
async function enterRegion(http: SentryHttp, cfg: ResolvedConfig): Promise<void> {
  const region = cachedRegion(cfg);
  if (region === undefined) await openOrganization(http, cfg);
  else if (region !== null) http.useRegion(region);
}

async function fetchProjects(http: SentryHttp, cfg: ResolvedConfig): Promise<ProjectItem[]> {
  return fetchAll(http, `${orgPath(cfg.organization)}/projects/`, [['per_page', '100']], ProjectListSchema);
}

/**
 * The configured projects (all the token can read when none are named); a named one that is
 * missing, or that the token cannot read, is an error. Sentry lists every project of the
 * organization, with `hasAccess: false` on the others; asking /sessions/ for one is a 403.
 */
function pickProjects(listed: ProjectItem[], cfg: ResolvedConfig, endpoint: string): ProjectItem[] {
  const all = listed.filter((p) => p.hasAccess !== false);
  if (cfg.projects.length === 0) return all;
  const closed = cfg.projects.filter((s) => listed.some((p) => p.slug === s && p.hasAccess === false));
  if (closed.length > 0) {
    const many = closed.length > 1;
    throw new SentryApiError(
      `The auth token's user has no access to project${many ? 's' : ''} ${closed.map((m) => `'${m}'`).join(', ')} of organization '${cfg.organization}' on ${cfg.base.host} (not a member of ${many ? 'their' : 'its'} teams): join ${many ? 'them' : 'it'} in Sentry, or select other projects.`,
      { kind: 'project-access', endpoint },
    );
  }
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
  // Sentry filters the listing on coalesce(dateReleased, dateCreated): without a period it pages
  // through every open release ever made. Older releases that still have sessions in the window
  // come from the sessions answers.
  params.push(['statsPeriod', LISTING_PERIOD], ['per_page', '100']);
  return fetchAll(http, `${orgPath(cfg.organization)}/releases/`, params, ReleaseListSchema);
}

export async function fetchApiOverview(
  config: ApiSourceConfig,
  token: string,
  options: OverviewOptions & { environments?: string[]; equalAge?: EqualAgeRequest },
  hooks: ApiHooks = {},
): Promise<ApiOverview> {
  const cfg = resolveConfig(config);
  const { environments: chosen, ...overviewOptions } = options;
  const environments = (chosen ?? cfg.environments).filter((e) => e !== '');
  return withClient(cfg, token, hooks, async (http, run) => {
    await enterRegion(http, cfg);
    const all = await run(() => fetchProjects(http, cfg));
    const projects = pickProjects(all, cfg, http.endpoint(`${orgPath(cfg.organization)}/projects/`));
    if (projects.length === 0) {
      return { ...computeOverview({ releases: [], projects: {} }, overviewOptions), projects: [], regionUrl: regionOf(http, cfg), releaseRecords: [], requests: http.requests };
    }
    // The releases listing runs alongside the first session queries; only the has-data step
    // needs it. fetchSessionsData awaits it together with them, so its failure surfaces first.
    const listing = run(() => fetchReleases(http, cfg, projects, environments)).then((r): ApiListing => ({ projects, releases: r }));
    const listedKeys = listing.then((l) => [...listedPairs(l).keys()]);
    listedKeys.catch(() => undefined); // awaited in fetchSessionsData; never an unhandled rejection meanwhile
    try {
      const data = await fetchSessionsData(http, cfg.organization, { projectIds: projectParams(cfg, projects), environments, coveredProjectIds: projects.map((p) => p.id) }, listedKeys, overviewOptions, run);
      const listed = await listing;
      let input = buildApiOverviewInput(listed, data, overviewOptions);
      let ageWindows: Record<string, AgeWindowStats | null> | undefined;
      if (options.equalAge) {
        const age = options.equalAge;
        const slug = ageProject(input.releases, age);
        const project = projects.find((p) => p.slug === slug);
        if (!project) throw new SentryApiError(`Project '${slug}' is not among the projects of this source.`, { kind: 'not-found', endpoint: http.endpoint(`${orgPath(cfg.organization)}/projects/`) });
        const windows = await fetchAgeWindows(http, cfg.organization, { projectId: project.id, projectSlug: project.slug, releases: age.releases, ageHours: age.ageHours, now: options.now, environments }, run);
        input = withAgeWindows(input, windows);
        ageWindows = Object.fromEntries(windows);
      }
      const overview = {
        ...computeOverview(input, overviewOptions),
        projects: projects.map(toApiProject),
        regionUrl: regionOf(http, cfg),
        releaseRecords: listed.releases.map(toReleaseRecord),
        requests: http.requests,
      };
      return ageWindows ? { ...overview, ageWindows } : overview;
    } catch (err) {
      throw environments.length > 0 ? unknownEnvironment(err, environments, all, cfg, http.host) : err;
    }
  });
}

/**
 * Sentry answers 404 on /sessions/ and /releases/ when a requested environment does not exist
 * in the organization (get_environments). The organization itself was found (its projects were
 * listed), so a 404 there is about the environments: name the ones no project lists.
 */
function unknownEnvironment(err: unknown, environments: string[], projects: ProjectItem[], cfg: ResolvedConfig, host: string): unknown {
  if (!(err instanceof SentryApiError) || err.kind !== 'not-found' || err.status !== 404) return err;
  const existing = new Set(projects.flatMap((p) => p.environments ?? []));
  // Without any project's list (a server that omits the field) no one name can be accused.
  const listed = projects.some((p) => p.environments !== undefined);
  const missing = listed ? environments.filter((e) => !existing.has(e)) : [];
  const names = (list: string[]) => list.map((e) => `'${e}'`).join(', ');
  const what = missing.length === 1
    ? `Environment ${names(missing)} does not exist`
    : missing.length > 1
      ? `Environments ${names(missing)} do not exist`
      : environments.length === 1 ? `Environment ${names(environments)} does not exist` : `One of the environments ${names(environments)} does not exist`;
  return new SentryApiError(
    `${what} in organization '${cfg.organization}' on ${host} (404 for ${err.endpoint}): choose environments that have data, or none for all.`,
    { kind: 'unknown-environment', endpoint: err.endpoint, status: 404, environments: missing.length > 0 ? missing : environments },
  );
}

/**
 * Proves that base URL, token and organization work together: the organization (which an
 * organization token with only org:ci may still read), then one project, which needs org:read
 * as every refresh does. A token that cannot read projects fails here, not on every refresh.
 */
export async function checkConnection(config: ApiSourceConfig, token: string, hooks: ApiHooks = {}): Promise<ApiOrganization> {
  const cfg = resolveConfig(config);
  return withClient(cfg, token, hooks, async (http) => {
    const org = await openOrganization(http, cfg);
    const path = `${orgPath(cfg.organization)}/projects/`;
    const res = await http.get(path, [['per_page', '1']]);
    parseBody(ProjectListSchema, res.body, http.endpoint(path), http.host);
    return org;
  });
}

/** Every project of the organization; those the token cannot read have `hasAccess: false`. */
export async function listProjects(config: ApiSourceConfig, token: string, hooks: ApiHooks = {}): Promise<ApiProject[]> {
  const cfg = resolveConfig(config);
  return withClient(cfg, token, hooks, async (http) => {
    await enterRegion(http, cfg);
    return (await fetchProjects(http, cfg)).map(toApiProject);
  });
}
