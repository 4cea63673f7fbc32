// The `field` values of the sessions endpoint and how each becomes metric columns and output
// values, as Sentry's metrics_sessions_v2 Field classes do: which columns it reads, which
// session.status group each column fills, and the errors for combinations Sentry refuses.
import { badRequest } from '../http/httpErrors';
import {
  DURATION_COLUMNS, RATE_COLUMNS, SESSION_ABNORMAL, SESSION_ALL, SESSION_CRASHED, SESSION_ERRORED, SESSION_HEALTHY,
  SESSION_UNHANDLED, USER_ABNORMAL, USER_ALL, USER_CRASHED, USER_ERRORED, USER_HEALTHY, USER_UNHANDLED, type MetricColumn,
} from './metricColumns';

/** Sentry's SessionStatus enum, in its declaration order (the order status groups are created in). */
export const SESSION_STATUSES = ['abnormal', 'crashed', 'errored', 'healthy', 'unhandled'] as const;
export type SessionStatusName = (typeof SESSION_STATUSES)[number];

/** null: no session.status filter; a set (possibly empty): only those statuses. */
export type StatusFilter = ReadonlySet<SessionStatusName> | null;

export type Value = number | null;

export abstract class SessionField {
  readonly hidden = new Set<MetricColumn>();
  readonly metricColumns: MetricColumn[];

  constructor(
    readonly name: string,
    protected readonly groupByStatus: boolean,
    protected readonly statusFilter: StatusFilter,
  ) {
    this.metricColumns = this.columns();
  }

  protected abstract columns(): MetricColumn[];

  /** The status group a column's values go to, or null when not grouping by status. */
  abstract statusOf(column: MetricColumn): SessionStatusName | null;

  normalize(value: Value): Value {
    return value === null || !Number.isFinite(value) ? null : value;
  }

  /** Combining two columns that land in the same output cell: the newer wins. */
  accumulate(_previous: Value, next: Value): Value {
    return next;
  }

  /** Value of an empty cell (`default_for`). */
  get defaultValue(): Value {
    return null;
  }
}

abstract class CountField extends SessionField {
  protected abstract readonly byStatus: Record<SessionStatusName, MetricColumn>;
  protected abstract readonly all: MetricColumn;

  protected columns(): MetricColumn[] {
    if (this.statusFilter) {
      const cols = SESSION_STATUSES.filter((s) => this.statusFilter!.has(s)).map((s) => this.byStatus[s]);
      if (this.statusFilter.has('healthy') || this.statusFilter.has('errored')) {
        // Sentry always orders by one of the selected metrics; healthy/errored cannot be ordered by.
        this.hidden.add(this.all);
        return [this.all, ...cols];
      }
      return cols;
    }
    if (this.groupByStatus) {
      this.hidden.add(this.all);
      return [this.all, this.byStatus.healthy, this.byStatus.abnormal, this.byStatus.crashed, this.byStatus.errored, this.byStatus.unhandled];
    }
    return [this.all];
  }

  statusOf(column: MetricColumn): SessionStatusName | null {
    if (!this.groupByStatus) return null;
    for (const s of SESSION_STATUSES) if (this.byStatus[s] === column) return s;
    return null;
  }

  override normalize(value: Value): Value {
    const v = super.normalize(value);
    return v === null ? null : Math.trunc(v);
  }

  override get defaultValue(): Value {
    return 0;
  }
}

class SumSessionField extends CountField {
  protected get byStatus(): Record<SessionStatusName, MetricColumn> {
    return { healthy: SESSION_HEALTHY, abnormal: SESSION_ABNORMAL, crashed: SESSION_CRASHED, errored: SESSION_ERRORED, unhandled: SESSION_UNHANDLED };
  }

  protected get all(): MetricColumn {
    return SESSION_ALL;
  }

  /** Filtering by several statuses without grouping adds them up (crashed + abnormal, ...). */
  override accumulate(previous: Value, next: Value): Value {
    return (previous ?? 0) + (next ?? 0);
  }
}

class CountUniqueUserField extends CountField {
  constructor(name: string, groupByStatus: boolean, statusFilter: StatusFilter) {
    // Sentry cannot do set arithmetic across statuses outside the metrics layer.
    if (statusFilter && statusFilter.size > 1 && !groupByStatus) {
      throw badRequest('Cannot filter count_unique by multiple session.status unless it is in groupBy');
    }
    super(name, groupByStatus, statusFilter);
  }

  protected get byStatus(): Record<SessionStatusName, MetricColumn> {
    return { healthy: USER_HEALTHY, abnormal: USER_ABNORMAL, crashed: USER_CRASHED, errored: USER_ERRORED, unhandled: USER_UNHANDLED };
  }

  protected get all(): MetricColumn {
    return USER_ALL;
  }
}

class DurationField extends SessionField {
  protected columns(): MetricColumn[] {
    // Only healthy (exited) sessions have durations.
    if (this.statusFilter === null || this.statusFilter.has('healthy')) return [DURATION_COLUMNS[this.name.slice(0, 3)]];
    return [];
  }

  statusOf(): SessionStatusName | null {
    return this.groupByStatus ? 'healthy' : null;
  }

  /** Stored in seconds, answered in milliseconds. */
  override normalize(value: Value): Value {
    const v = super.normalize(value);
    return v === null ? null : v * 1000;
  }
}

class RateField extends SessionField {
  constructor(name: string, groupByStatus: boolean, statusFilter: StatusFilter) {
    if (groupByStatus) throw badRequest(`Cannot group field ${name} by session.status`);
    if (statusFilter !== null) throw badRequest(`Cannot filter field ${name} by session.status`);
    super(name, groupByStatus, statusFilter);
  }

  protected columns(): MetricColumn[] {
    return [RATE_COLUMNS[this.name]];
  }

  statusOf(): SessionStatusName | null {
    return null;
  }
}

const DURATION_FIELDS = ['avg', 'p50', 'p75', 'p90', 'p95', 'p99', 'max'].map((op) => `${op}(session.duration)`);

export const FIELD_NAMES: readonly string[] = ['sum(session)', 'count_unique(user)', ...DURATION_FIELDS, ...Object.keys(RATE_COLUMNS)];

export function isFieldName(name: string): boolean {
  return FIELD_NAMES.includes(name);
}

/** Builds a field; throws Sentry's 400s for status grouping or filtering it cannot do. */
export function makeField(name: string, groupByStatus: boolean, statusFilter: StatusFilter): SessionField {
  if (name === 'sum(session)') return new SumSessionField(name, groupByStatus, statusFilter);
  if (name === 'count_unique(user)') return new CountUniqueUserField(name, groupByStatus, statusFilter);
  if (DURATION_FIELDS.includes(name)) return new DurationField(name, groupByStatus, statusFilter);
  return new RateField(name, groupByStatus, statusFilter);
}

/** Value of an empty cell of a field name (`default_for`): counts 0, everything else null. */
export function defaultFor(name: string): Value {
  return name === 'sum(session)' || name === 'count_unique(user)' ? 0 : null;
}
