// Reads a sessions request the way Sentry's endpoint validates it, in the same order, so the
// first error a client sees is Sentry's first error: projects, environments and date range
// (get_filter_params), then fields, groupBy, interval and bucket count (QueryDefinition).
import type { Grant } from '../http/auth';
import { resolveEnvironments, resolveProjects } from './filterParams';
import { badRequest } from '../http/httpErrors';
import type { ProjectInfo, ProjectRegistry } from '../store/projectRegistry';
import type { QueryDict } from '../http/queryDict';
import { isFieldName } from './sessionFields';
import { constrainRange, dateRangeFromParams, parseInterval, type ConstrainedRange } from './timeRange';

export const GROUP_BY_NAMES = ['project', 'environment', 'release', 'session.status'];

export interface SessionsRequest {
  /** As requested, without repeats. */
  fields: string[];
  groupBy: string[];
  orderBy: string[];
  /** The `query` parameter, echoed back. */
  queryText: string;
  projects: ProjectInfo[];
  environments: string[];
  range: ConstrainedRange;
}

export function parseSessionsRequest(
  q: QueryDict,
  grant: Grant,
  registry: ProjectRegistry,
  knownEnvironment: (name: string) => boolean,
  now: number,
): SessionsRequest {
  const projects = resolveProjects(q, grant, registry);
  if (projects.length === 0) throw badRequest('No projects available');
  const environments = resolveEnvironments(q, knownEnvironment);
  const dateRange = dateRangeFromParams(q, now);

  const rawFields = q.getList('field');
  if (rawFields.length === 0) throw badRequest('Request is missing a "field"');
  for (const f of rawFields) if (!isFieldName(f)) throw badRequest(`Invalid field: "${f}"`);
  const rawGroupBy = q.getList('groupBy');
  for (const g of rawGroupBy) if (!GROUP_BY_NAMES.includes(g)) throw badRequest(`Invalid groupBy: "${g}"`);

  const interval = parseInterval(q);
  const range = constrainRange(dateRange, interval, now);
  return {
    fields: Array.from(new Set(rawFields)),
    groupBy: Array.from(new Set(rawGroupBy)),
    orderBy: q.getList('orderBy'),
    queryText: q.get('query') ?? '',
    projects,
    environments,
    range,
  };
}
