// Runs a validated sessions request against the store, reproducing Sentry's
// metrics_sessions_v2.run_sessions_query: status filter extraction, field construction and its
// errors, orderBy rules, the group limit (`10000 // intervals` without per_page, per_page + 1
// with it, and its 400), default ordering by the primary field, session.status fan-out with
// zero groups, and the empty-result rules.
import { badRequest } from '../http/httpErrors';
import { isoZ } from '../http/isoTime';
import { FAMILY_COUNTER, FAMILY_DURATION, FAMILY_ERROR_SET, FAMILY_USERS, mergeNeeds, type MetricColumn } from './metricColumns';
import type { ProjectRegistry } from '../store/projectRegistry';
import { pyTimedelta } from '../http/pyFormat';
import type { RangeReader, RangeStats } from './rangeStats';
import { extractStatusFilter, matches, parseSearchQuery, projectSlugs } from './searchQuery';
import { defaultFor, makeField, SESSION_STATUSES, type SessionField, type SessionStatusName, type Value } from './sessionFields';
import type { SessionsRequest } from './sessionsParams';
import type { SeriesKey, SessionStore } from '../store/sessionStore';

/** `MAX_POINTS` of the metrics layer: groups x intervals per query. */
export const METRICS_MAX_POINTS = 10000;

export interface GroupBy {
  project?: number;
  release?: string;
  environment?: string;
  'session.status'?: SessionStatusName;
}

export interface OutputGroup {
  by: GroupBy;
  totals: Record<string, Value>;
  series: Record<string, Value[]>;
}

export interface SessionsResult {
  groups: OutputGroup[];
  start: string;
  end: string;
  intervals: string[];
  query: string;
}

export interface Paging {
  /** Groups asked of the backend (per_page + 1), or null without per_page. */
  limit: number | null;
  offset: number;
}

interface InputGroup {
  by: GroupBy;
  sortKey: string;
  keys: SeriesKey[];
  totals: RangeStats;
  series: RangeStats[];
}

export function runSessionsQuery(
  req: SessionsRequest,
  paging: Paging,
  store: SessionStore,
  registry: ProjectRegistry,
  reader: RangeReader,
  /** Given: ties in the ordering are broken at random (ClickHouse keeps no order among them). */
  tieBreak: (() => number) | null = null,
): SessionsResult {
  const { range } = req;
  const intervals: number[] = [];
  for (let t = range.start; t < range.end; t += range.interval) intervals.push(t);
  const empty = (): SessionsResult => ({
    groups: [], start: isoZ(range.start), end: isoZ(range.end), intervals: intervals.map(isoZ), query: req.queryText,
  });
  if (intervals.length === 0) return empty();

  const expr = parseSearchQuery(req.queryText);
  const selectedSlugs = new Set(req.projects.map((p) => p.slug));
  const unknown = projectSlugs(expr).filter((s) => !selectedSlugs.has(s));
  if (unknown.length > 0) throw badRequest(`Invalid query. Project(s) ${unknown.join(', ')} do not exist or are not actively selected.`);
  const { where, statuses } = extractStatusFilter(expr);
  // A condition no status can meet (`session.status:bogus`): nothing to query.
  if (statuses !== null && statuses.size === 0) return empty();

  const groupByStatus = req.groupBy.includes('session.status');
  const fields = req.fields.map((name) => makeField(name, groupByStatus, statuses)).filter((f) => f.metricColumns.length > 0);
  if (fields.length === 0) return empty();

  const order = orderColumn(req, fields, groupByStatus);
  const limit = groupLimit(paging.limit, intervals.length, range.interval, range.end - range.start);
  if (order.column?.composite) throw badRequest(`Cannot order by ${req.orderBy[0]} with the current filters`);

  const columns = fields.flatMap((f) => f.metricColumns);
  const needs = mergeNeeds(columns);
  const families = columns.reduce((m, c) => m | c.families, 0);

  // Base groups: the non-status groupBy values of every matching series key.
  const projectIds = new Set(req.projects.map((p) => p.id));
  const environments = req.environments.length > 0 ? new Set(req.environments) : null;
  const groups = new Map<string, InputGroup>();
  for (const key of store.keys) {
    if (!projectIds.has(key.projectId)) continue;
    const release = store.releaseNames.name(key.release) ?? '';
    const environment = store.environmentNames.name(key.environment) ?? '';
    if (environments && !environments.has(environment)) continue;
    const projectSlug = registry.get(key.projectId)?.slug ?? '';
    if (!matches(where, { projectId: key.projectId, projectSlug, release, environment })) continue;
    const by: GroupBy = {};
    if (req.groupBy.includes('project')) by.project = key.projectId;
    if (req.groupBy.includes('release')) by.release = release;
    if (req.groupBy.includes('environment')) by.environment = environment;
    const sortKey = JSON.stringify([by.project ?? null, by.release ?? null, by.environment ?? null]);
    let g = groups.get(sortKey);
    if (!g) {
      g = { by, sortKey, keys: [], totals: undefined as unknown as RangeStats, series: [] };
      groups.set(sortKey, g);
    }
    g.keys.push(key);
  }

  let input: InputGroup[] = [];
  for (const g of groups.values()) {
    g.totals = reader.stats(g.keys, range.start, range.end, needs);
    if (hasData(g.totals, families)) input.push(g);
  }
  if (tieBreak) {
    const r = new Map(input.map((g) => [g, tieBreak()]));
    input.sort((a, b) => r.get(a)! - r.get(b)!);
  } else {
    input.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  }
  if (order.column) {
    const col = order.column;
    const dir = order.descending ? -1 : 1;
    const value = new Map(input.map((g) => [g, col.value(g.totals)]));
    // Stable sort over the key (or shuffled) order; nulls last in both directions (ClickHouse's default).
    input.sort((a, b) => {
      const va = value.get(a) ?? null;
      const vb = value.get(b) ?? null;
      if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
      return va === vb ? 0 : (va < vb ? -1 : 1) * dir;
    });
  }
  input = input.slice(paging.offset, paging.offset + limit);
  for (const g of input) g.series = intervals.map((t) => reader.stats(g.keys, t, t + range.interval, needs));

  const output = new Map<string, OutputGroup>();
  const outputGroup = (by: GroupBy): OutputGroup => {
    const k = JSON.stringify([by.project ?? null, by.release ?? null, by.environment ?? null, by['session.status'] ?? null]);
    let g = output.get(k);
    if (!g) {
      g = { by: orderedBy(by), totals: {}, series: {} };
      for (const f of req.fields) {
        g.totals[f] = defaultFor(f);
        g.series[f] = intervals.map(() => defaultFor(f));
      }
      output.set(k, g);
    }
    return g;
  };
  for (const field of fields) extractValues(field, input, statuses === null, outputGroup);

  if (output.size === 0) {
    // Sentry's defaults for no data: one empty group without groupBy, zero status groups when
    // grouping by status alone, nothing otherwise.
    if (req.groupBy.length === 0) outputGroup({});
    else if (req.groupBy.length === 1 && groupByStatus) for (const s of SESSION_STATUSES) outputGroup({ 'session.status': s });
  }
  return {
    groups: Array.from(output.values()),
    start: isoZ(range.start),
    end: isoZ(range.end),
    intervals: intervals.map(isoZ),
    query: req.queryText,
  };
}

/** Field.extract_values: each column's totals and series into its (status) group. */
function extractValues(field: SessionField, input: InputGroup[], ensureStatuses: boolean, outputGroup: (by: GroupBy) => OutputGroup): void {
  for (const column of field.metricColumns) {
    const status = field.statusOf(column);
    if (field.hidden.has(column)) continue;
    for (const g of input) {
      if (status !== null && ensureStatuses) for (const s of SESSION_STATUSES) outputGroup({ ...g.by, 'session.status': s });
      const target = outputGroup(status === null ? g.by : { ...g.by, 'session.status': status });
      target.totals[field.name] = field.accumulate(target.totals[field.name], field.normalize(column.value(g.totals)));
      const series = target.series[field.name];
      for (let i = 0; i < g.series.length; i++) series[i] = field.accumulate(series[i], field.normalize(column.value(g.series[i])));
    }
  }
}

/** `by` with Sentry's key order: project, release, environment, session.status. */
function orderedBy(by: GroupBy): GroupBy {
  const out: GroupBy = {};
  if (by.project !== undefined) out.project = by.project;
  if (by.release !== undefined) out.release = by.release;
  if (by.environment !== undefined) out.environment = by.environment;
  if (by['session.status'] !== undefined) out['session.status'] = by['session.status'];
  return out;
}

function hasData(s: RangeStats, families: number): boolean {
  return ((families & FAMILY_COUNTER) !== 0 && s.hasCounter)
    || ((families & FAMILY_ERROR_SET) !== 0 && s.hasErrorSet)
    || ((families & FAMILY_USERS) !== 0 && s.hasUsers)
    || ((families & FAMILY_DURATION) !== 0 && s.hasDurations);
}

/** `_parse_orderby`, else the primary field (`_get_primary_field`), descending. */
function orderColumn(req: SessionsRequest, fields: SessionField[], groupByStatus: boolean): { column: MetricColumn | null; descending: boolean } {
  if (req.orderBy.length > 0) {
    if (req.orderBy.length > 1) throw badRequest('Cannot order by multiple fields');
    if (groupByStatus) throw badRequest("Cannot use 'orderBy' when grouping by sessions.status");
    let name = req.orderBy[0];
    let descending = false;
    if (name.startsWith('-')) {
      name = name.slice(1);
      descending = true;
    }
    if (!req.fields.includes(name)) throw badRequest("'orderBy' must be one of the provided 'fields'");
    const field = fields.find((f) => f.name === name);
    if (!field || field.metricColumns.length !== 1) throw badRequest(`Cannot order by ${name} with the current filters`);
    return { column: field.metricColumns[0], descending };
  }
  let primary: SessionField | null = null;
  fields.forEach((f, i) => {
    if (i === 0 || f.name === 'sum(session)') primary = f;
  });
  const column = (primary as SessionField | null)?.metricColumns[0] ?? null;
  // Composite metrics (they read counters and sets) cannot be ordered by: arbitrary order.
  return { column: column && !column.composite ? column : null, descending: true };
}

/** DeprecatingMetricsQuery's limit rules. */
function groupLimit(requested: number | null, intervals: number, interval: number, rangeSeconds: number): number {
  if (requested === null) return Math.max(Math.floor(METRICS_MAX_POINTS / intervals), 1);
  if (requested > METRICS_MAX_POINTS) throw badRequest(`Requested limit exceeds the maximum allowed limit of ${METRICS_MAX_POINTS}`);
  if (intervals * requested > METRICS_MAX_POINTS) {
    throw badRequest(
      `Requested intervals (${intervals}) of timedelta of ${pyTimedelta(interval)} with statsPeriod timedelta of ${pyTimedelta(rangeSeconds)}`
      + ` is too granular for a per_page of ${requested} elements. Increase your interval, decrease your statsPeriod, or decrease your per_page parameter.`,
    );
  }
  return requested;
}
