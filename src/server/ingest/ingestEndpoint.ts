// POST /api/{project_id}/envelope/: what relay does with session data from real SDKs. The DSN
// public key authenticates (missing: 401, unknown: 403); `session` and `sessions` items are
// validated with the raw-data parser and stored; other item types are ignored; invalid session
// items are dropped as relay drops them. 200 is sent only once the data is on disk.
import type { IncomingMessage } from 'http';
import { parseSessionDocument, type SessionRecord } from '../../raw/sessionLine';
import type { DurableStore } from '../store/durableStore';
import { envelopeHeaders, EnvelopeError, parseEnvelope } from './envelope';
import { keyFromAuthHeader, keyFromDsn } from './envelopeAuth';
import { ApiError } from '../http/httpErrors';
import type { LogEntry } from '../store/logRecords';
import { decodeBody, readBody } from '../http/requestBody';

export interface IngestContext {
  durable: DurableStore;
  keys: ReadonlySet<string>;
  /** Unix seconds. */
  now: () => number;
}

export interface IngestResult {
  body: Record<string, unknown>;
  accepted: number;
  dropped: number;
}

const SESSION_ITEM_TYPES = new Set(['session', 'sessions']);

export async function handleEnvelope(req: IncomingMessage, projectIdText: string, searchKey: string | null, ctx: IngestContext): Promise<IngestResult> {
  const projectId = Number(projectIdText);
  const raw = await readBody(req);
  const body = await decodeBody(raw, req.headers['content-encoding']);

  let headerKey = keyFromAuthHeader(headerText(req.headers['x-sentry-auth'])) ?? keyFromAuthHeader(headerText(req.headers.authorization));
  let envelopeKey: string | null = null;
  try {
    envelopeKey = keyFromDsn(envelopeHeaders(body).dsn);
  } catch {
    // A broken header is reported below, after auth.
  }
  headerKey ??= searchKey ?? envelopeKey;
  if (headerKey === null) throw new ApiError(401, { detail: 'bad x-sentry-auth header', causes: ['missing authorization information'] });
  if (!ctx.keys.has(headerKey)) throw new ApiError(403, { detail: 'event submission rejected with_reason: ProjectId' });

  let envelope;
  try {
    envelope = parseEnvelope(body);
  } catch (err) {
    if (err instanceof EnvelopeError) throw new ApiError(400, { detail: 'invalid envelope', causes: [err.message] });
    throw err;
  }

  const records: SessionRecord[] = [];
  let dropped = 0;
  for (const item of envelope.items) {
    if (!SESSION_ITEM_TYPES.has(item.type)) continue;
    let doc: unknown;
    try {
      doc = JSON.parse(item.payload.toString('utf8'));
    } catch {
      dropped++;
      continue;
    }
    const parsed = parseSessionDocument(doc);
    // The item type decides the shape, as in relay: a `session` must be an update.
    if (!parsed.ok || (item.type === 'session') !== (parsed.record.kind === 'update')) {
      dropped++;
      continue;
    }
    records.push({ ...parsed.record, project: null });
  }

  const entries: LogEntry[] = [];
  if (records.length > 0) {
    if (!ctx.durable.registry.get(projectId)) {
      // An envelope for an id nobody declared creates that project, as a DSN implies one exists.
      let slug = `project-${projectId}`;
      for (let n = 2; ctx.durable.registry.bySlugName(slug); n++) slug = `project-${projectId}-${n}`;
      entries.push({ kind: 'project', project: { id: projectId, slug, name: slug, platform: null, dateCreated: Math.floor(ctx.now()) } });
    }
    for (const record of records) entries.push({ kind: 'session', session: { projectId, record } });
    try {
      await ctx.durable.commit(entries);
    } catch {
      // Not on disk, so not acknowledged: relay's answer when it cannot queue, and the SDK retries.
      throw new ApiError(503, { detail: 'failed to queue envelope' });
    }
  }
  const eventId = envelope.headers.event_id;
  return { body: typeof eventId === 'string' ? { id: eventId } : {}, accepted: records.length, dropped };
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
