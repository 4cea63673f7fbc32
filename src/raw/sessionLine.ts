// Parses one NDJSON line of raw session data (an SDK session update or a session aggregate,
// optionally carrying `project`) into a checked record, or says why it cannot be used.
import type { SessionStatus, UnixSeconds } from '../health/types';

export interface SessionUpdateRecord {
  kind: 'update';
  project: string | null;
  release: string;
  environment: string;
  started: UnixSeconds;
  /** null when the SDK sent none: each such update is its own session. */
  sid: string | null;
  did: string | null;
  init: boolean;
  status: SessionStatus;
  errors: number;
  duration: number | null;
  abnormalMechanism: string | null;
}

export interface AggregateEntryRecord {
  started: UnixSeconds;
  did: string | null;
  exited: number;
  errored: number;
  abnormal: number;
  crashed: number;
  unhandled: number;
}

export interface SessionAggregateRecord {
  kind: 'aggregate';
  project: string | null;
  release: string;
  environment: string;
  entries: AggregateEntryRecord[];
}

export type SessionRecord = SessionUpdateRecord | SessionAggregateRecord;

export type ParseResult = { ok: true; record: SessionRecord } | { ok: false; reason: string };

const STATUSES: ReadonlySet<string> = new Set(['ok', 'exited', 'crashed', 'abnormal', 'errored', 'unhandled']);
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

function fail(reason: string): ParseResult {
  return { ok: false, reason };
}

/** ISO-8601 string or Unix seconds (as relay accepts both). */
export function parseTime(value: unknown): UnixSeconds | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.length === 0) return null;
  // Date.parse accepts loose forms; require an ISO-like date first.
  const text = value.trim();
  const m = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!m) return null;
  // A time without a zone is UTC (as Sentry reads it), not the machine's local time.
  const ms = Date.parse(m[1] !== undefined && m[4] === undefined ? `${text}Z` : text);
  return Number.isFinite(ms) ? ms / 1000 : null;
}

function userOf(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  if (value === '' || value.toLowerCase() === NIL_UUID) return null;
  return value;
}

function countOf(value: unknown): number | undefined {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return undefined;
  return value;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseSessionLine(line: string): ParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch {
    return fail('not JSON');
  }
  return parseSessionDocument(doc);
}

export function parseSessionDocument(doc: unknown): ParseResult {
  if (!isObject(doc)) return fail('not a JSON object');
  const attrs = doc.attrs;
  if (!isObject(attrs)) return fail('no attrs.release');
  const release = attrs.release;
  if (typeof release !== 'string' || release.length === 0) return fail('no attrs.release');
  const env = attrs.environment;
  if (env !== undefined && env !== null && typeof env !== 'string') return fail('attrs.environment is not a string');
  const environment = typeof env === 'string' ? env : '';
  const projectRaw = doc.project;
  if (projectRaw !== undefined && projectRaw !== null && (typeof projectRaw !== 'string' || projectRaw === '')) {
    return fail('project is not a slug');
  }
  const project = typeof projectRaw === 'string' ? projectRaw : null;

  if (doc.aggregates !== undefined) {
    if (!Array.isArray(doc.aggregates)) return fail('aggregates is not a list');
    const entries: AggregateEntryRecord[] = [];
    for (let i = 0; i < doc.aggregates.length; i++) {
      const e = doc.aggregates[i];
      if (!isObject(e)) return fail(`aggregates[${i}] is not an object`);
      if (e.started === undefined || e.started === null) return fail(`aggregates[${i}] has no started`);
      const started = parseTime(e.started);
      if (started === null) return fail(`aggregates[${i}].started is not a time`);
      const did = userOf(e.did);
      if (did === undefined) return fail(`aggregates[${i}].did is not a string`);
      const counts = ['exited', 'errored', 'abnormal', 'crashed', 'unhandled'].map((k) => countOf(e[k]));
      const bad = counts.findIndex((c) => c === undefined);
      if (bad >= 0) {
        return fail(`aggregates[${i}].${['exited', 'errored', 'abnormal', 'crashed', 'unhandled'][bad]} is not a non-negative count`);
      }
      const [exited, errored, abnormal, crashed, unhandled] = counts as number[];
      entries.push({ started, did, exited, errored, abnormal, crashed, unhandled });
    }
    return { ok: true, record: { kind: 'aggregate', project, release, environment, entries } };
  }

  if (doc.started === undefined || doc.started === null) return fail('no started');
  const started = parseTime(doc.started);
  if (started === null) return fail('started is not a time');
  const statusRaw = doc.status ?? 'ok';
  if (typeof statusRaw !== 'string' || !STATUSES.has(statusRaw)) return fail(`unknown status ${JSON.stringify(statusRaw).slice(0, 40)}`);
  const errors = countOf(doc.errors);
  if (errors === undefined) return fail('errors is not a non-negative count');
  const did = userOf(doc.did);
  if (did === undefined) return fail('did is not a string');
  const sidRaw = doc.sid;
  if (sidRaw !== undefined && sidRaw !== null && typeof sidRaw !== 'string') return fail('sid is not a string');
  const init = doc.init;
  if (init !== undefined && init !== null && typeof init !== 'boolean') return fail('init is not a boolean');
  const durationRaw = doc.duration;
  const duration = typeof durationRaw === 'number' && Number.isFinite(durationRaw) && durationRaw >= 0 ? durationRaw : null;
  const mech = doc.abnormal_mechanism;
  return {
    ok: true,
    record: {
      kind: 'update',
      project,
      release,
      environment,
      started,
      sid: typeof sidRaw === 'string' && sidRaw !== '' ? sidRaw : null,
      did,
      init: init === true,
      status: statusRaw as SessionStatus,
      errors,
      duration,
      abnormalMechanism: typeof mech === 'string' && mech !== 'none' ? mech : null,
    },
  };
}
