// GET /api/0/organizations/{org}/sessions/ (contract §1): Sentry's endpoint with its paginator,
// SessionsDataSeriesPaginator: it asks for per_page + 1 groups and, when exactly that many come
// back (counted after the session.status fan-out, as Sentry counts), drops the last one and
// links a next page.
import type { ApiData, ApiRequest, ApiResponse } from './apiTypes';
import { requireScope } from '../http/auth';
import { linkHeader, parseCursor, parsePerPage } from '../query/pagination';
import { parseSessionsRequest } from '../query/sessionsParams';
import { runSessionsQuery } from '../query/sessionsQuery';

/** SNUBA_LIMIT: the paginator's default and maximum per_page. */
export const SESSIONS_MAX_PER_PAGE = 5000;

export function sessionsEndpoint(req: ApiRequest, data: ApiData): ApiResponse {
  requireScope(req.grant, ['org:read', 'org:write', 'org:admin']);
  const perPage = parsePerPage(req.q, SESSIONS_MAX_PER_PAGE, SESSIONS_MAX_PER_PAGE);
  const cursor = parseCursor(req.q.get('cursor'));
  const offset = cursor?.offset ?? 0;
  const parsed = parseSessionsRequest(req.q, req.grant, data.registry, (e) => data.store.knownEnvironment(e), req.now);
  const result = runSessionsQuery(
    parsed,
    { limit: req.q.get('per_page') !== undefined ? perPage + 1 : null, offset: req.q.get('cursor') !== undefined ? offset : 0 },
    data.store,
    data.registry,
    data.reader,
    data.shuffleTies ? Math.random : null,
  );
  const hasMore = result.groups.length === perPage + 1;
  if (hasMore) result.groups.pop();
  const link = linkHeader(
    req.origin,
    req.path,
    req.q,
    { value: 0, offset: Math.max(0, offset - perPage), isPrev: true, hasResults: offset > 0 },
    { value: 0, offset: Math.max(0, offset + perPage), isPrev: false, hasResults: hasMore },
  );
  return { status: 200, body: result, headers: { Link: link } };
}
