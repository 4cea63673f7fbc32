// GET /api/0/organizations/{org}/projects/ (contract §2.4): every project of the organization,
// as Sentry lists them to a member, with `hasAccess` false on those the caller cannot read;
// ordered by slug, OffsetPaginator pages of up to 100, Sentry's project summary shape.
import type { ApiData, ApiRequest, ApiResponse } from './apiTypes';
import { canAccess, requireScope, type Grant } from '../http/auth';
import { ApiError } from '../http/httpErrors';
import { isoZ } from '../http/isoTime';
import { linkHeader, offsetPaginate, parseCursor, parsePerPage } from '../query/pagination';
import type { ProjectInfo } from '../store/projectRegistry';

const STATS_PERIODS = ['', '1h', '24h', '7d', '14d', '30d'];

export function projectsEndpoint(req: ApiRequest, data: ApiData): ApiResponse {
  requireScope(req.grant, ['org:read', 'org:write', 'org:admin']);
  const statsPeriod = req.q.get('statsPeriod');
  if (statsPeriod !== undefined && !STATS_PERIODS.includes(statsPeriod)) {
    throw new ApiError(400, { error: { params: { stats_period: { message: "Invalid stats_period. Valid choices are '', '24h', '14d', and '30d'" } } } });
  }
  let projects = data.registry.list();
  const query = req.q.get('query');
  if (query) projects = projects.filter((p) => matchesProjectQuery(p, query));
  if (req.q.get('all_projects') === '1') return { status: 200, body: projects.map((p) => serializeProject(p, data, req.grant)) };
  const perPage = parsePerPage(req.q, 100, 100);
  const page = offsetPaginate(projects, perPage, parseCursor(req.q.get('cursor')));
  return {
    status: 200,
    body: page.results.map((p) => serializeProject(p, data, req.grant)),
    headers: { Link: linkHeader(req.origin, req.path, req.q, page.prev, page.next) },
  };
}

/** Free text on name/slug, `id:`, `slug:`; any other key matches nothing (as in Sentry). */
function matchesProjectQuery(p: ProjectInfo, query: string): boolean {
  for (const token of query.trim().split(/\s+/)) {
    const m = /^([a-z_]+):(.*)$/.exec(token);
    if (!m) {
      const t = token.toLowerCase();
      if (!p.slug.toLowerCase().includes(t) && !p.name.toLowerCase().includes(t)) return false;
    } else if (m[1] === 'id') {
      if (!m[2].split(',').includes(String(p.id))) return false;
    } else if (m[1] === 'slug') {
      if (!m[2].split(',').includes(p.slug)) return false;
    } else {
      return false;
    }
  }
  return true;
}

export function serializeProject(p: ProjectInfo, data: ApiData, grant: Grant): Record<string, unknown> {
  const latest = data.store.releaseList()
    .filter((r) => r.projects.has(p.id))
    .reduce<{ version: string; t: number } | null>((best, r) => {
      const t = r.projects.get(p.id)!;
      return best === null || t > best.t ? { version: r.version, t } : best;
    }, null);
  return {
    id: String(p.id),
    slug: p.slug,
    name: p.name,
    platform: p.platform,
    dateCreated: isoZ(p.dateCreated),
    isBookmarked: false,
    isMember: canAccess(grant, p),
    hasAccess: canAccess(grant, p),
    features: [],
    firstEvent: null,
    firstTransactionEvent: false,
    access: canAccess(grant, p) ? ['project:read', 'project:releases'] : [],
    hasSessions: data.store.hasSessions(p.id),
    hasProfiles: false,
    hasReplays: false,
    hasFeedbacks: false,
    hasMonitors: false,
    hasMinifiedStackTrace: false,
    hasUserReports: false,
    platforms: p.platform ? [p.platform] : [],
    latestRelease: latest ? { version: latest.version } : null,
    environments: data.store.environmentsOf(p.id),
    teams: [],
    latestDeploys: null,
  };
}
