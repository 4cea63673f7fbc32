// GET /api/0/organizations/{org}/releases/ (contract §2.1, classic path): the releases of the
// selected projects. Releases here are created from session data, as Sentry's
// debounce_update_release_health_data does: dateCreated is the first session seen. Ordered by
// dateCreated descending, OffsetPaginator pages of at most 100.
import type { ApiData, ApiRequest, ApiResponse } from './apiTypes';
import { requireScope } from '../http/auth';
import { resolveEnvironments, resolveProjects } from '../query/filterParams';
import { ApiError, badRequest } from '../http/httpErrors';
import { isoZ } from '../http/isoTime';
import { linkHeader, offsetPaginate, parseCursor, parsePerPage } from '../query/pagination';
import type { ProjectInfo } from '../store/projectRegistry';
import { releaseHealthData, type HealthOptions } from '../query/releaseHealthData';
import { semverKey, versionInfo } from './releaseVersion';
import { managedFields, repositoryIndex } from './releaseShapes';
import type { ReleaseInfo } from '../store/sessionStore';
import { dateRangeFromParams } from '../query/timeRange';

const STATS_PERIODS = ['1h', '24h', '1d', '48h', '2d', '7d', '14d', '30d', '90d'];
const SESSION_SORTS = ['crash_free_sessions', 'crash_free_users', 'sessions', 'users', 'sessions_24h', 'users_24h'];
const SORTS = ['date', 'build', 'semver', 'adoption', ...SESSION_SORTS];

function periodDetail(name: string): string {
  return `Invalid ${name}. Valid choices are ${STATS_PERIODS.map((p) => `'${p}'`).join(', ')}`;
}

export function releasesEndpoint(req: ApiRequest, data: ApiData): ApiResponse {
  requireScope(req.grant, ['project:read', 'project:write', 'project:admin', 'project:releases', 'org:ci']);
  const { q } = req;
  const withHealth = q.get('health') === '1';
  const summaryStatsPeriod = q.get('summaryStatsPeriod') || '14d';
  const healthStatsPeriod = q.get('healthStatsPeriod') || (withHealth ? '24h' : '');
  const healthStat = (q.get('healthStat') || 'sessions') as 'sessions' | 'users';
  if (!STATS_PERIODS.includes(summaryStatsPeriod)) throw badRequest(periodDetail('summaryStatsPeriod'));
  if (healthStatsPeriod && !STATS_PERIODS.includes(healthStatsPeriod)) throw badRequest(periodDetail('healthStatsPeriod'));
  if (healthStat !== 'sessions' && healthStat !== 'users') throw badRequest('invalid healthStat');

  const projects = resolveProjects(q, req.grant, data.registry);
  if (projects.length === 0) return { status: 200, body: [] };
  const environments = resolveEnvironments(q, (e) => data.store.knownEnvironment(e));
  const hasDateFilter = ['statsPeriod', 'statsPeriodStart', 'statsPeriodEnd', 'start', 'end', 'timeframe', 'timeframeStart', 'timeframeEnd']
    .some((k) => q.get(k) !== undefined);
  const dateRange = hasDateFilter ? dateRangeFromParams(q, req.now) : null;

  const status = q.get('status') ?? 'open';
  if (status !== '' && status !== 'open' && status !== 'archived') throw badRequest('invalid value for status');
  const projectIds = new Set(projects.map((p) => p.id));
  let releases = data.store.releaseList().filter((r) => {
    const inProjects = Array.from(r.projects.keys()).some((id) => projectIds.has(id));
    const inEnvironments = environments.length === 0 || environments.some((e) => r.environments.has(e));
    const inRange = dateRange === null || (r.firstSeen >= dateRange.start && r.firstSeen <= dateRange.end);
    return inProjects && inEnvironments && inRange;
  });
  // Every release created from sessions is open.
  if (status === 'archived') releases = [];
  const query = q.get('query');
  if (query) releases = releases.filter((r) => matchesReleaseQuery(r.version, query));

  const sort = q.get('sort') || 'date';
  if (!SORTS.includes(sort)) throw new ApiError(400, { detail: 'invalid sort' });
  if (SESSION_SORTS.includes(sort) && q.get('flatten') !== '1') {
    throw new ApiError(400, { detail: 'sorting by crash statistics requires flattening (flatten=1)' });
  }
  releases = [...releases].sort(byDateDesc);
  if (sort === 'semver') releases = releases.filter((r) => semverKey(r.version) !== null).sort(bySemverDesc);
  if (sort === 'build') releases = releases.filter((r) => versionInfo(r.version).version.buildCode != null);

  const perPage = parsePerPage(q, 100, 100);
  const page = offsetPaginate(releases, perPage, parseCursor(q.get('cursor')));
  return {
    status: 200,
    body: page.results.map((r) => serializeRelease(r, projects, data, withHealth ? {
      data,
      options: { summaryStatsPeriod, healthStatsPeriod, healthStat, environments, now: req.now },
    } : null)),
    headers: { Link: linkHeader(req.origin, req.path, q, page.prev, page.next) },
  };
}

function byDateDesc(a: ReleaseInfo, b: ReleaseInfo): number {
  return b.firstSeen - a.firstSeen || b.id - a.id;
}

function bySemverDesc(a: ReleaseInfo, b: ReleaseInfo): number {
  const ka = semverKey(a.version)!;
  const kb = semverKey(b.version)!;
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
  return byDateDesc(a, b);
}

/** Free text matches the version case-insensitively; `release:` / `release.version:` exactly. */
function matchesReleaseQuery(version: string, query: string): boolean {
  const m = /^(release|release\.version):"?(.*?)"?$/.exec(query.trim());
  if (m) return version === m[2];
  return version.toLowerCase().includes(query.trim().toLowerCase());
}

export function serializeRelease(r: ReleaseInfo, selected: ProjectInfo[], data: ApiData, health: { data: ApiData; options: HealthOptions } | null): Record<string, unknown> {
  const managed = managedFields(data.store.managed.get(r.version), repositoryIndex(data.store.managed.repositories()));
  return {
    id: r.id,
    version: r.version,
    shortVersion: r.version,
    status: 'open',
    versionInfo: versionInfo(r.version),
    dateCreated: isoZ(r.firstSeen),
    data: {},
    newGroups: 0,
    owner: null,
    ...managed,
    firstEvent: null,
    lastEvent: null,
    currentProjectMeta: {},
    userAgent: null,
    projects: selected
      .filter((p) => r.projects.has(p.id))
      .map((p) => {
        const healthData = health ? releaseHealthData(health.data.store, health.data.reader, p.id, r.version, health.options) : null;
        return {
          id: p.id,
          slug: p.slug,
          name: p.name,
          newGroups: 0,
          platform: p.platform,
          platforms: p.platform ? [p.platform] : [],
          // Without health=1 Sentry's current serializer always says false (contract §2.2).
          hasHealthData: healthData ? healthData.hasHealthData : false,
          ...(healthData ? { healthData } : {}),
        };
      }),
  };
}
