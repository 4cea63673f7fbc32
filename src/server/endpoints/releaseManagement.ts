// Release management as sentry-cli drives it, with Sentry's shapes and status codes:
//   POST /organizations/{org}/releases/                       releases new (201, 208 if it exists)
//   GET|PUT /organizations/{org}/releases/{version}/          info; set-commits, finalize
//   GET /organizations/{org}/releases/{version}/commits/
//   GET /organizations/{org}/releases/{version}/previous-with-commits/   set-commits' starting point
//   GET|POST /organizations/{org}/releases/{version}/deploys/ deploys list / new
//   GET /organizations/{org}/repos/
// Every change is one logged ReleaseChange (durable before the answer, like sessions).
import type { ApiData, ApiRequest, ApiResponse } from './apiTypes';
import { canAccess, requireScope } from '../http/auth';
import { ApiError, badRequest, notFound } from '../http/httpErrors';
import { parseDateTime } from '../http/isoTime';
import type { DurableStore } from '../store/durableStore';
import type { ReleaseChange, ReleaseCommit } from '../store/managedReleases';
import type { ProjectInfo } from '../store/projectRegistry';
import type { ReleaseInfo } from '../store/sessionStore';
import { serializeRelease } from './releasesEndpoint';
import { deploysNewestFirst, repositoryIndex, serializeCommit, serializeDeploy, serializeRepository } from './releaseShapes';

export interface ManagementRequest extends ApiRequest {
  method: string;
  /** Parsed JSON body (writes), else undefined. */
  body: unknown;
}

const READ_SCOPES = ['project:read', 'project:write', 'project:admin', 'project:releases', 'org:ci'];
const WRITE_SCOPES = ['project:write', 'project:admin', 'project:releases', 'org:ci'];
const MAX_COMMITS = 10000;
const MAX_VERSION = 200;

/** Sentry's Release.is_valid_version. */
export function isValidVersion(version: string): boolean {
  return version !== '' && version.trim() === version && version.length <= MAX_VERSION && !/[\r\n\f\t/\\]/.test(version)
    && version !== '.' && version !== '..' && version.toLowerCase() !== 'latest';
}

type Body = Record<string, unknown>;

function objectBody(body: unknown): Body {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Invalid body: expected a JSON object');
  return body as Body;
}

function optionalText(body: Body, key: string, max = 4096): string | null | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v !== 'string' || v.length > max) throw new ApiError(400, { [key]: [`Not a valid string.`] });
  return v;
}

/** sentry-cli sends nanosecond fractions; Sentry reads them as datetimes. */
function optionalDate(body: Body, key: string): number | null | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (v === null) return null;
  const seconds = typeof v === 'string' ? parseDateTime(v.replace(/(\.\d{6})\d+/, '$1')) : null;
  if (seconds === null) throw new ApiError(400, { [key]: ['Datetime has wrong format.'] });
  return Math.floor(seconds);
}

function commitsOf(body: Body): ReleaseCommit[] | undefined {
  const v = body.commits;
  const refs = body.refs;
  if (v === undefined && refs === undefined) return undefined;
  if (v !== undefined) {
    if (!Array.isArray(v) || v.length > MAX_COMMITS) throw new ApiError(400, { commits: ['Expected a list of commits.'] });
    return v.map((c) => {
      const o = objectBody(c);
      const id = typeof o.id === 'string' ? o.id.trim() : '';
      if (!/^[0-9a-zA-Z._-]{1,64}$/.test(id)) throw new ApiError(400, { commits: ['Each commit needs an id.'] });
      const text = (k: string): string | null => (typeof o[k] === 'string' ? (o[k] as string).slice(0, 4096) : null);
      const ts = typeof o.timestamp === 'string' ? parseDateTime(o.timestamp.replace(/(\.\d{6})\d+/, '$1')) : null;
      return { id, repository: text('repository'), message: text('message'), authorName: text('author_name'), authorEmail: text('author_email'), timestamp: ts === null ? null : Math.floor(ts) };
    });
  }
  // refs name a repository's head commit; without an integration to fetch the range, the head
  // commit is what is known.
  if (!Array.isArray(refs)) throw new ApiError(400, { refs: ['Expected a list of refs.'] });
  return refs.map((r) => {
    const o = objectBody(r);
    if (typeof o.commit !== 'string' || o.commit === '') throw new ApiError(400, { refs: ['Each ref needs a commit.'] });
    return { id: o.commit, repository: typeof o.repository === 'string' ? o.repository : null, message: null, authorName: null, authorEmail: null, timestamp: null };
  });
}

/** `projects` (slugs or ids) the caller may write to; an unknown one is Sentry's 400. */
function projectsOf(body: Body, req: ApiRequest, data: ApiData, required: boolean): ProjectInfo[] | undefined {
  const v = body.projects;
  if (v === undefined && !required) return undefined;
  if (!Array.isArray(v) || (required && v.length === 0)) throw new ApiError(400, { projects: ['This field is required.'] });
  return v.map((p) => {
    const found = typeof p === 'number' ? data.registry.get(p) : typeof p === 'string' ? data.registry.bySlugName(p) ?? (/^\d+$/.test(p) ? data.registry.get(Number(p)) : undefined) : undefined;
    if (!found || !canAccess(req.grant, found)) throw new ApiError(400, { projects: ['Invalid project ids or slugs'] });
    return found;
  });
}

function visibleProjects(req: ApiRequest, data: ApiData): ProjectInfo[] {
  return data.registry.list().filter((p) => canAccess(req.grant, p));
}

/** The release when the caller can see one of its projects (or it has none yet), else 404. */
function findRelease(version: string, req: ApiRequest, data: ApiData): ReleaseInfo {
  const r = data.store.release(version);
  if (!r) throw notFound();
  const visible = visibleProjects(req, data);
  if (r.projects.size > 0 && !visible.some((p) => r.projects.has(p.id))) throw notFound();
  return r;
}

function releaseBody(version: string, req: ApiRequest, data: ApiData): Record<string, unknown> {
  return serializeRelease(data.store.release(version)!, visibleProjects(req, data), data, null);
}

export async function createRelease(req: ManagementRequest, data: ApiData, durable: DurableStore): Promise<ApiResponse> {
  requireScope(req.grant, WRITE_SCOPES);
  const body = objectBody(req.body);
  const version = typeof body.version === 'string' ? body.version : '';
  if (!isValidVersion(version)) throw new ApiError(400, { version: ['Release with name ' + JSON.stringify(version) + ' is not valid.'] });
  const projects = projectsOf(body, req, data, true)!;
  const existing = data.store.release(version);
  // A release first seen in session data already exists: 208, as Sentry answers a second create.
  const isNew = !existing;
  const change: ReleaseChange = {
    version,
    projectIds: projects.map((p) => p.id),
    at: Math.floor(req.now),
    set: setOf(body, !existing),
    deploy: null,
  };
  await durable.commit([{ kind: 'release', change }]);
  return { status: isNew ? 201 : 208, body: releaseBody(version, req, data) };
}

function setOf(body: Body, creating: boolean): ReleaseChange['set'] {
  const set: NonNullable<ReleaseChange['set']> = {};
  const dateStarted = optionalDate(body, 'dateStarted');
  const dateReleased = optionalDate(body, 'dateReleased');
  const ref = optionalText(body, 'ref');
  const url = optionalText(body, 'url');
  const commits = commitsOf(body);
  if (dateStarted !== undefined) set.dateStarted = dateStarted;
  if (dateReleased !== undefined) set.dateReleased = dateReleased;
  if (ref !== undefined) set.ref = ref;
  if (url !== undefined) set.url = url;
  if (commits !== undefined) set.commits = commits;
  return Object.keys(set).length === 0 && !creating ? null : set;
}

export async function releaseDetails(req: ManagementRequest, data: ApiData, durable: DurableStore, version: string): Promise<ApiResponse> {
  if (req.method === 'PUT') {
    requireScope(req.grant, WRITE_SCOPES);
    findRelease(version, req, data);
    const body = objectBody(req.body);
    const projects = projectsOf(body, req, data, false) ?? [];
    const change: ReleaseChange = { version, projectIds: projects.map((p) => p.id), at: Math.floor(req.now), set: setOf(body, false), deploy: null };
    await durable.commit([{ kind: 'release', change }]);
    return { status: 200, body: releaseBody(version, req, data) };
  }
  requireScope(req.grant, READ_SCOPES);
  findRelease(version, req, data);
  return { status: 200, body: releaseBody(version, req, data) };
}

export function releaseCommits(req: ManagementRequest, data: ApiData, version: string): ApiResponse {
  requireScope(req.grant, READ_SCOPES);
  findRelease(version, req, data);
  const repos = repositoryIndex(data.store.managed.repositories());
  return { status: 200, body: (data.store.managed.get(version)?.commits ?? []).map((c) => serializeCommit(c, repos)) };
}

/** The newest older release sharing a project that has commits; `{}` when none (Sentry's answer). */
export function previousWithCommits(req: ManagementRequest, data: ApiData, version: string): ApiResponse {
  requireScope(req.grant, READ_SCOPES);
  const current = findRelease(version, req, data);
  const shares = (r: ReleaseInfo) => current.projects.size === 0 || Array.from(r.projects.keys()).some((id) => current.projects.has(id));
  const older = data.store.releaseList()
    .filter((r) => r !== current && shares(r) && (data.store.managed.get(r.version)?.commits.length ?? 0) > 0)
    .filter((r) => r.firstSeen < current.firstSeen || (r.firstSeen === current.firstSeen && r.id < current.id))
    .sort((a, b) => b.firstSeen - a.firstSeen || b.id - a.id);
  return { status: 200, body: older.length > 0 ? releaseBody(older[0].version, req, data) : {} };
}

export async function releaseDeploys(req: ManagementRequest, data: ApiData, durable: DurableStore, version: string): Promise<ApiResponse> {
  if (req.method === 'POST') {
    requireScope(req.grant, WRITE_SCOPES);
    const release = findRelease(version, req, data);
    const body = objectBody(req.body);
    const environment = typeof body.environment === 'string' ? body.environment : '';
    if (!/^[^\n\r\f/]{1,64}$/.test(environment) || environment === 'none') throw new ApiError(400, { environment: ['This field is required.'] });
    const dateFinished = optionalDate(body, 'dateFinished') ?? Math.floor(req.now);
    const deploy = {
      id: data.store.managed.nextDeployId(),
      environment,
      name: optionalText(body, 'name', 64) ?? null,
      url: optionalText(body, 'url') ?? null,
      dateStarted: optionalDate(body, 'dateStarted') ?? null,
      dateFinished,
    };
    const change: ReleaseChange = { version, projectIds: Array.from(release.projects.keys()), at: Math.floor(req.now), set: null, deploy };
    await durable.commit([{ kind: 'release', change }]);
    return { status: 201, body: serializeDeploy(deploy) };
  }
  requireScope(req.grant, READ_SCOPES);
  findRelease(version, req, data);
  return { status: 200, body: deploysNewestFirst(data.store.managed.get(version)).map(serializeDeploy) };
}

export function repositories(req: ManagementRequest, data: ApiData): ApiResponse {
  requireScope(req.grant, ['org:read', 'org:write', 'org:admin', 'org:integrations', ...READ_SCOPES]);
  return { status: 200, body: data.store.managed.repositories().map(serializeRepository) };
}
