// A small simulation of Sentry's API for the client's tests, faithful where the client could go
// wrong: bearer auth, Link-header cursors, the /sessions/ interval alignment and group limit
// (`intervals × (per_page+1) ≤ 10000`), orderBy refused with session.status, and real Sentry's
// paginator quirk for status groups (it compares fanned-out groups with per_page+1, so a cut
// answer has no next page). Status-grouped answers come in a different order on every request,
// as pages without orderBy are not stable on real Sentry.
import type * as http from 'http';
import { json, type Handler } from './fakeServer';

export interface SimRecord {
  project: string;
  release: string;
  environment?: string;
  /** Unix seconds (the sessions' `started` bucket). */
  t: number;
  init: number;
  erroredAll?: number;
  crashed?: number;
  abnormal?: number;
  unhandled?: number;
  users?: number;
  usersErrored?: number;
  usersCrashed?: number;
  usersAbnormal?: number;
  usersUnhandled?: number;
  durationMs?: number;
}

export interface SimOptions {
  token: string;
  org?: string;
  /** `noAccess`: listed with `hasAccess: false`; its sessions are a 403, as on Sentry. */
  projects: Array<{ id: string; slug: string; platform?: string | null; noAccess?: boolean; environments?: string[] }>;
  /** `dateReleased` wins over `dateCreated` for the listing's date filter (coalesce). */
  releases: Array<{ version: string; dateCreated: string; dateReleased?: string | null; projects: string[] }>;
  records: SimRecord[];
  /** Older servers: no `unhandled` status group. */
  fourStatuses?: boolean;
  /**
   * Older self-hosted Sentry (sessions backend, before metrics): per_page is ignored (no Link
   * header), groups are ordered by the primary field and cut at `5000 // intervals`, silently.
   */
  legacySessions?: boolean;
  /** Unix seconds the listing's `statsPeriod` counts back from. Default: the real clock. */
  now?: number;
  /** `links.regionUrl` of the organization. */
  regionUrl?: string;
  /** A Sentry-style server that pages status groups honestly (next link by pairs), still in no order. */
  honestStatusPaging?: boolean;
  /** Groups with equal orderBy values come in a random order on every request (ClickHouse keeps none). */
  shuffleTies?: boolean;
  /** Environment names of the organization; default every one in `records`. Others are a 404. */
  environments?: string[];
}

const STATUSES = ['healthy', 'errored', 'crashed', 'abnormal', 'unhandled'];

function parseDuration(text: string | null): number | null {
  const m = /^(\d+)([smhdw])$/.exec(text ?? '');
  if (!m) return null;
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2] as 's']!;
}

/** `release:["a","b"]` or `release:a` → the versions; null when there is no release filter. */
export function parseReleaseFilter(query: string | null): string[] | null {
  if (!query) return null;
  const m = /^release:\[(.*)\]$/.exec(query.trim());
  if (!m) {
    const one = /^release:(?:"((?:\\.|[^"])*)"|(\S+))$/.exec(query.trim());
    if (!one) throw new Error(`sim cannot parse query ${query}`);
    return [one[1] !== undefined ? one[1].replace(/\\"/g, '"') : one[2]];
  }
  const out: string[] = [];
  const re = /\s*(?:"((?:\\.|[^"])*)"|([^,\]]+))\s*(?:,|$)/g;
  let v: RegExpExecArray | null;
  while ((v = re.exec(m[1])) !== null && v[0] !== '') out.push(v[1] !== undefined ? v[1].replace(/\\"/g, '"') : v[2].trim());
  return out;
}

function link(url: URL, offset: number, limit: number, hasMore: boolean): string {
  const base = new URL(url.href);
  base.searchParams.delete('cursor');
  const prev = `0:${Math.max(0, offset - limit)}:1`;
  const next = `0:${offset + limit}:0`;
  return `<${base.href}&cursor=${prev}>; rel="previous"; results="${offset > 0}"; cursor="${prev}", <${base.href}&cursor=${next}>; rel="next"; results="${hasMore}"; cursor="${next}"`;
}

function offsetOf(url: URL): number {
  const c = url.searchParams.get('cursor');
  return c ? Number(c.split(':')[1]) || 0 : 0;
}

interface Agg {
  init: number; erroredAll: number; crashed: number; abnormal: number; unhandled: number;
  users: number; usersErrored: number; usersCrashed: number; usersAbnormal: number; usersUnhandled: number;
  durations: number[];
}

function emptyAgg(): Agg {
  return { init: 0, erroredAll: 0, crashed: 0, abnormal: 0, unhandled: 0, users: 0, usersErrored: 0, usersCrashed: 0, usersAbnormal: 0, usersUnhandled: 0, durations: [] };
}

function addRec(a: Agg, r: SimRecord): void {
  a.init += r.init;
  a.erroredAll += r.erroredAll ?? 0;
  a.crashed += r.crashed ?? 0;
  a.abnormal += r.abnormal ?? 0;
  a.unhandled += r.unhandled ?? 0;
  a.users += r.users ?? 0;
  a.usersErrored += r.usersErrored ?? 0;
  a.usersCrashed += r.usersCrashed ?? 0;
  a.usersAbnormal += r.usersAbnormal ?? 0;
  a.usersUnhandled += r.usersUnhandled ?? 0;
  if (r.durationMs !== undefined) a.durations.push(r.durationMs);
}

function value(a: Agg, field: string, status: string | null): number | null {
  if (field === 'sum(session)') {
    switch (status) {
      case null: return a.init;
      case 'healthy': return Math.max(0, a.init - a.erroredAll);
      case 'errored': return Math.max(0, a.erroredAll - a.crashed - a.abnormal);
      case 'crashed': return a.crashed;
      case 'abnormal': return a.abnormal;
      case 'unhandled': return a.unhandled;
    }
  }
  if (field === 'count_unique(user)') {
    switch (status) {
      case null: return a.users;
      case 'healthy': return Math.max(0, a.users - a.usersErrored);
      case 'errored': return Math.max(0, a.usersErrored - a.usersCrashed - a.usersAbnormal);
      case 'crashed': return a.usersCrashed;
      case 'abnormal': return a.usersAbnormal;
      case 'unhandled': return a.usersUnhandled;
    }
  }
  if (/^p\d\d\(session\.duration\)$/.test(field)) {
    if (status !== null && status !== 'healthy') return null;
    if (a.durations.length === 0) return null;
    return a.durations[0];
  }
  throw new Error(`Invalid field: "${field}"`);
}

export function sentrySim(o: SimOptions): Handler & { sessionsRequests: () => number } {
  const org = o.org ?? 'acme';
  let shuffle = 1;
  let sessionsCount = 0;
  const slugToId = new Map(o.projects.map((p) => [p.slug, p.id]));
  const closedIds = new Set(o.projects.filter((p) => p.noAccess).map((p) => p.id));
  const knownEnvironments = new Set(o.environments ?? o.records.map((r) => r.environment ?? ''));
  const simNow = () => o.now ?? Date.now() / 1000;
  const idToSlug = new Map(o.projects.map((p) => [p.id, p.slug]));

  const sessions = (res: http.ServerResponse, url: URL) => {
    sessionsCount++;
    const q = url.searchParams;
    const fields = q.getAll('field');
    if (fields.length === 0) return json(res, 400, { detail: 'Request is missing a "field"' });
    const groupBy = q.getAll('groupBy');
    const statusGrouped = groupBy.includes('session.status');
    if (statusGrouped && q.get('orderBy')) return json(res, 400, { detail: "Cannot use 'orderBy' when grouping by sessions.status" });
    const interval = parseDuration(q.get('interval') ?? '1h')!;
    const start = Date.parse(q.get('start')!) / 1000;
    const end = Date.parse(q.get('end')!) / 1000;
    if (!Number.isFinite(start) || !Number.isFinite(end)) return json(res, 400, { detail: 'start and end are both required' });
    const aligned = Math.floor(start / interval) * interval;
    const n = Math.ceil((end - aligned) / interval);
    if (n > 1000) return json(res, 400, { detail: 'Your interval and date range would create too many results. Use a larger interval, or a smaller date range.' });
    const perPage = q.get('per_page') ? Number(q.get('per_page')) : null;
    if (!o.legacySessions && perPage !== null && n * (perPage + 1) > 10000) {
      return json(res, 400, { detail: `Requested intervals (${n}) of timedelta of ${interval} is too granular for a per_page of ${perPage + 1} elements.` });
    }
    const limit = o.legacySessions ? Math.floor(5000 / n) : perPage !== null ? perPage + 1 : Math.max(1, Math.floor(10000 / n));
    const projectIds = new Set(q.getAll('project').filter((id) => id !== '-1')); // -1: every accessible project
    if ([...projectIds].some((id) => closedIds.has(id))) return json(res, 403, { detail: 'You do not have permission to perform this action.' });
    const envs = new Set(q.getAll('environment'));
    if ([...envs].some((e) => !knownEnvironments.has(e))) return json(res, 404, { detail: 'The requested resource does not exist' });
    const releases = parseReleaseFilter(q.get('query'));
    const releaseSet = releases ? new Set(releases) : null;
    const keyFields = groupBy.filter((g) => g !== 'session.status');
    const intervals = Array.from({ length: n }, (_, i) => aligned + i * interval);

    const groups = new Map<string, { by: Record<string, string | number>; total: Agg; buckets: Agg[] }>();
    for (const r of o.records) {
      const pid = slugToId.get(r.project)!;
      if (projectIds.size > 0 && !projectIds.has(pid)) continue;
      if (closedIds.has(pid)) continue; // -1 is every project the token can access
      if (envs.size > 0 && !envs.has(r.environment ?? '')) continue;
      if (releaseSet && !releaseSet.has(r.release)) continue;
      if (r.t < aligned || r.t >= end) continue;
      const by: Record<string, string | number> = {};
      for (const k of keyFields) by[k] = k === 'project' ? Number(pid) : k === 'release' ? r.release : (r.environment ?? '');
      const key = JSON.stringify(by);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { by, total: emptyAgg(), buckets: intervals.map(emptyAgg) }));
      addRec(g.total, r);
      addRec(g.buckets[Math.floor((r.t - aligned) / interval)], r);
    }
    let list = [...groups.values()];
    const orderBy = o.legacySessions ? `-${fields[0]}` : q.get('orderBy');
    if (orderBy) {
      const desc = orderBy.startsWith('-');
      const f = orderBy.replace(/^-/, '');
      const tie = new Map(list.map((g) => [g, o.shuffleTies ? Math.random() : 0]));
      list.sort((a, b) => ((value(a.total, f, null) ?? 0) - (value(b.total, f, null) ?? 0)) * (desc ? -1 : 1) || tie.get(a)! - tie.get(b)! || (JSON.stringify(a.by) < JSON.stringify(b.by) ? -1 : 1));
    } else {
      // No order: a different one on every request.
      let seed = (shuffle++ * 2654435761) >>> 0;
      const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [list[i], list[j]] = [list[j], list[i]];
      }
    }
    const offset = o.legacySessions ? 0 : offsetOf(url);
    list = list.slice(offset, offset + limit);
    const honest = o.honestStatusPaging === true && statusGrouped && perPage !== null && !o.legacySessions;
    const pairsMore = honest && list.length === limit;
    if (pairsMore) list = list.slice(0, limit - 1);
    const statuses = o.fourStatuses ? STATUSES.slice(0, 4) : STATUSES;
    const out: unknown[] = [];
    for (const g of list) {
      for (const status of statusGrouped ? statuses : [null]) {
        const by = status === null ? g.by : { ...g.by, 'session.status': status };
        out.push({
          by,
          totals: Object.fromEntries(fields.map((f) => [f, value(g.total, f, status)])),
          series: Object.fromEntries(fields.map((f) => [f, g.buckets.map((b) => value(b, f, status) ?? (f.startsWith('p') ? null : 0))])),
        });
      }
    }
    // Real Sentry's SessionsDataSeriesPaginator: compares the (fanned-out) groups with limit.
    const hasMore = honest ? pairsMore : !o.legacySessions && perPage !== null && out.length === limit;
    if (hasMore && !honest) out.pop();
    const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');
    json(
      res,
      200,
      { start: iso(aligned), end: iso(aligned + n * interval), intervals: intervals.map(iso), groups: out, query: q.get('query') ?? '' },
      perPage !== null && !o.legacySessions ? { Link: link(url, offset, perPage, hasMore) } : {},
    );
  };

  const listing = <T>(res: http.ServerResponse, url: URL, items: T[], max: number) => {
    const perPage = Math.min(max, Number(url.searchParams.get('per_page') ?? max));
    const offset = offsetOf(url);
    const page = items.slice(offset, offset + perPage);
    json(res, 200, page, { Link: link(url, offset, perPage, offset + perPage < items.length) });
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, url: URL): void => {
    if (req.headers.authorization !== `Bearer ${o.token}`) return json(res, 401, { detail: 'Invalid token' });
    const m = /^\/api\/0\/organizations\/([^/]+)\/(?:(projects|releases|sessions)\/)?$/.exec(url.pathname);
    if (!m) return json(res, 404, { detail: 'Not found' });
    if (decodeURIComponent(m[1]) !== org) return json(res, 404, { detail: 'The requested resource does not exist' });
    const project = (p: SimOptions['projects'][number]) => ({
      id: p.id, slug: p.slug, name: p.slug.toUpperCase(), platform: p.platform ?? null, hasAccess: !p.noAccess, ...(p.environments ? { environments: p.environments } : {}),
    });
    if (!m[2]) {
      // organization_details.py: detailed unless detailed=0 (every project and team).
      const detailed = url.searchParams.get('detailed') !== '0';
      return json(res, 200, {
        id: '1', slug: org, name: 'Acme Inc.',
        ...(o.regionUrl ? { links: { organizationUrl: `https://${org}.sentry.example`, regionUrl: o.regionUrl } } : {}),
        ...(detailed ? { projects: o.projects.map(project), teams: [] } : {}),
      });
    }
    if (m[2] === 'projects') {
      return listing(res, url, o.projects.map(project), 100);
    }
    if (m[2] === 'releases') {
      const ids = new Set(url.searchParams.getAll('project').filter((id) => id !== '-1'));
      if (url.searchParams.getAll('environment').some((e) => !knownEnvironments.has(e))) return json(res, 404, { detail: 'The requested resource does not exist' });
      const period = parseDuration(url.searchParams.get('statsPeriod'));
      const since = period === null ? -Infinity : simNow() - period;
      const items = o.releases
        .filter((r) => ids.size === 0 || r.projects.some((s) => ids.has(slugToId.get(s)!)))
        .filter((r) => Date.parse(r.dateReleased ?? r.dateCreated) / 1000 >= since)
        .map((r) => ({ version: r.version, dateCreated: r.dateCreated, projects: r.projects.map((s) => ({ id: Number(slugToId.get(s)), slug: s })) }));
      return listing(res, url, items, 100);
    }
    void idToSlug;
    return sessions(res, url);
  };
  return Object.assign(handle as Handler, { sessionsRequests: () => sessionsCount });
}
