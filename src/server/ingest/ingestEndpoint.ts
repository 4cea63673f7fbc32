// POST /api/{project_id}/envelope/: what relay does with session data from real SDKs. The DSN
// public key authenticates (missing: 401, unknown: 403) before any of the body is read when it
// comes in a header or the query, and before anything past the envelope header is decoded when
// only the envelope's `dsn` carries it. `session` and `sessions` items are validated with the
// raw-data parser and stored; everything dropped is counted and logged. 200 is sent only once
// the data is on disk.
import type { IncomingMessage } from 'http';
import { parseSessionDocument, type SessionRecord } from '../../raw/sessionLine';
import type { DurableStore } from '../store/durableStore';
import { envelopeHeaders, EnvelopeError, parseEnvelope } from './envelope';
import { keyFromAuthHeader, keyFromDsn } from './envelopeAuth';
import { ApiError } from '../http/httpErrors';
import type { LogEntry } from '../store/logRecords';
import { DecodeBudget, readDecodedBody } from '../http/requestBody';
import { admitRecord } from './admission';
import type { DropLog } from './dropLog';
import type { AutoProjects } from './autoProjects';

export interface IngestContext {
  durable: DurableStore;
  keys: ReadonlySet<string>;
  /** Unix seconds. */
  now: () => number;
  budget: DecodeBudget;
  drops: DropLog;
  autoProjects: AutoProjects;
}

export interface IngestResult {
  body: Record<string, unknown>;
  accepted: number;
  dropped: number;
}

const SESSION_ITEM_TYPES = new Set(['session', 'sessions']);
/** Item types relay knows; this server stores only sessions, the others are ignored (and counted). */
const KNOWN_ITEM_TYPES = new Set([
  'event', 'transaction', 'security', 'attachment', 'form_data', 'raw_security', 'nel', 'unreal_report', 'user_report',
  'user_report_v2', 'feedback', 'client_report', 'profile', 'profile_chunk', 'replay_event', 'replay_recording',
  'replay_video', 'check_in', 'span', 'log', 'otel_log', 'otel_span', 'statsd', 'metric_buckets', 'metric_meta',
]);

/** Sentry's project ids: positive integers that fit a double exactly. */
export function parseProjectId(text: string): number | null {
  if (!/^\d{1,16}$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}

export async function handleEnvelope(req: IncomingMessage, projectIdText: string, searchKey: string | null, ctx: IngestContext): Promise<IngestResult> {
  const projectId = parseProjectId(projectIdText);
  if (projectId === null) throw new ApiError(400, { detail: 'invalid project id: not a positive integer Sentry can hold' });

  // The key, before the body: a header or the query, checked now; else the envelope's dsn, checked
  // on its first line.
  const headerKey = keyFromAuthHeader(headerText(req.headers['x-sentry-auth'])) ?? keyFromAuthHeader(headerText(req.headers.authorization)) ?? searchKey;
  if (headerKey !== null && !ctx.keys.has(headerKey)) throw rejectedKey();
  // Whether the project exists (or may be created) is told only to a caller with a valid key.
  if (headerKey !== null) ctx.autoProjects.check(projectId);
  const gate = headerKey !== null ? undefined : (firstLine: Buffer): void => {
    let key: string | null = null;
    try {
      key = keyFromDsn(envelopeHeaders(firstLine).dsn);
    } catch {
      // No readable header: no key.
    }
    if (key === null) throw new ApiError(401, { detail: 'bad x-sentry-auth header', causes: ['missing authorization information'] });
    if (!ctx.keys.has(key)) throw rejectedKey();
    ctx.autoProjects.check(projectId);
  };

  const held = await readDecodedBody(req, { budget: ctx.budget, gate });
  try {
    return await store(held.body, projectId, ctx);
  } finally {
    held.release();
  }
}

async function store(body: Buffer, projectId: number, ctx: IngestContext): Promise<IngestResult> {
  let envelope;
  try {
    envelope = parseEnvelope(body);
  } catch (err) {
    if (err instanceof EnvelopeError) throw new ApiError(400, { detail: 'invalid envelope', causes: [err.message] });
    throw err;
  }

  const now = ctx.now();
  const records: SessionRecord[] = [];
  let dropped = 0;
  let reasons: Map<string, number> | null = null; // most envelopes drop nothing
  const drop = (reason: string): void => {
    dropped++;
    reasons ??= new Map();
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  };
  for (const item of envelope.items) {
    if (!SESSION_ITEM_TYPES.has(item.type)) {
      drop(KNOWN_ITEM_TYPES.has(item.type) ? `${item.type} item (not stored by this server)` : `item of unknown type ${JSON.stringify(item.type.slice(0, 40))}`);
      continue;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(item.payload.toString('utf8'));
    } catch {
      drop(`${item.type} item that is not valid JSON (truncated?)`);
      continue;
    }
    const parsed = parseSessionDocument(doc);
    // The item type decides the shape, as in relay: a `session` must be an update.
    if (!parsed.ok) {
      drop(`invalid ${item.type} item: ${parsed.reason}`);
      continue;
    }
    if ((item.type === 'session') !== (parsed.record.kind === 'update')) {
      drop(`${item.type} item of the wrong shape`);
      continue;
    }
    parsed.record.project = null; // the URL names the project, not the document
    const admitted = admitRecord(parsed.record, now);
    for (const reason of admitted.refused) drop(reason);
    if (admitted.record) records.push(admitted.record);
  }

  if (reasons) ctx.drops.add(reasons);
  if (records.length > 0) {
    const entries: LogEntry[] = [];
    const created = ctx.autoProjects.reserve(projectId);
    try {
      if (created) entries.push({ kind: 'project', project: created });
      for (const record of records) entries.push({ kind: 'session', session: { projectId, record } });
      try {
        await ctx.durable.commit(entries);
      } catch {
        // Not on disk, so not acknowledged: relay's answer when it cannot queue, and the SDK retries.
        throw new ApiError(503, { detail: 'failed to queue envelope' }).withHeaders({ 'Retry-After': '1' });
      }
    } finally {
      if (created) ctx.autoProjects.settle(projectId);
    }
  }
  const eventId = envelope.headers.event_id;
  return { body: typeof eventId === 'string' ? { id: eventId } : {}, accepted: records.length, dropped };
}

function rejectedKey(): ApiError {
  return new ApiError(403, { detail: 'event submission rejected with_reason: ProjectId' });
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
