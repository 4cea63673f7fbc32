// The `project` and `environment` parameters shared by the organization endpoints, resolved as
// Sentry's OrganizationEndpoint.get_filter_params does: ids must be integers, `-1` is every
// accessible project, none given is every project the caller belongs to, and a requested project
// the caller cannot see (or that does not exist) is 403. An unknown environment name is 404.
import { canAccess, type Grant } from '../http/auth';
import { badRequest, forbidden, notFound } from '../http/httpErrors';
import type { ProjectInfo, ProjectRegistry } from '../store/projectRegistry';
import type { QueryDict } from '../http/queryDict';

export const ALL_ACCESS_PROJECTS = -1;

export function resolveProjects(q: QueryDict, grant: Grant, registry: ProjectRegistry): ProjectInfo[] {
  const raw = q.getList('project');
  const ids = new Set<number>();
  for (const text of raw) {
    if (!/^\s*[+-]?\d+\s*$/.test(text)) throw badRequest('Invalid project parameter. Values must be numbers.');
    ids.add(Number(text));
  }
  const slugs = q.getList('projectSlug');
  const accessible = registry.list().filter((p) => canAccess(grant, p));
  if (ids.has(ALL_ACCESS_PROJECTS) || slugs.includes('$all')) return accessible;
  if (ids.size === 0 && slugs.length === 0) return accessible;
  const chosen = new Map<number, ProjectInfo>();
  for (const id of ids) {
    const p = registry.get(id);
    if (!p || !canAccess(grant, p)) throw forbidden();
    chosen.set(p.id, p);
  }
  for (const slug of slugs) {
    const p = registry.bySlugName(slug);
    if (!p || !canAccess(grant, p)) throw forbidden();
    chosen.set(p.id, p);
  }
  return Array.from(chosen.values());
}

export function resolveEnvironments(q: QueryDict, known: (name: string) => boolean): string[] {
  const names = Array.from(new Set(q.getList('environment')));
  for (const n of names) if (!known(n)) throw notFound();
  return names;
}
