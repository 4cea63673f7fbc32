// Dispatches HTTP requests: SDK ingest (POST /api/{project_id}/envelope/) and the organization
// API (GET /api/0/organizations/{org}/{projects|releases|sessions}/) with Sentry's order of
// checks: rate limit, then authentication (401), organization (404), scope/project (403).
import type { IncomingMessage, ServerResponse } from 'http';
import type { ApiData, ApiRequest, ApiResponse } from '../endpoints/apiTypes';
import type { Authenticator } from './auth';
import { ApiError, notFound } from './httpErrors';
import { handleEnvelope, type IngestContext } from '../ingest/ingestEndpoint';
import { organizationDetails, serializeOrganization } from '../endpoints/organizationEndpoint';
import { projectsEndpoint, serializeProject } from '../endpoints/projectsEndpoint';
import { QueryDict } from './queryDict';
import { RELEASE_PAGE_ROUTE, sendReleasePage } from './releasePage';
import type { RateLimiter } from './rateLimit';
import { releasesEndpoint } from '../endpoints/releasesEndpoint';
import { managementRoute, type ManagementRoute } from '../endpoints/managementRoutes';
import { DecodeBudget, readDecodedBody } from './requestBody';
import { sessionsEndpoint } from '../endpoints/sessionsEndpoint';

export interface RouterContext {
  org: string;
  /** The organization's numeric id (Sentry accepts id or slug in URLs). */
  orgId: string;
  /** Unix seconds. */
  orgCreated: number;
  auth: Authenticator;
  limiter: RateLimiter;
  data: ApiData;
  ingest: IngestContext;
  latencyMs: number;
  /** Unix milliseconds. */
  clock: () => number;
  log: (line: string) => void;
}

const ENDPOINTS: Record<string, (req: ApiRequest, data: ApiData) => ApiResponse> = {
  projects: projectsEndpoint,
  releases: releasesEndpoint,
  sessions: sessionsEndpoint,
};

const ORG_ROUTE = /^\/api\/0\/organizations\/([^/]+)\/([a-z]+)\/?$/;
const ORG_DETAILS_ROUTE = /^\/api\/0\/organizations\/([^/]+)\/?$/;
const ORG_LIST_ROUTE = /^\/api\/0\/organizations\/?$/;
const API_ROOT_ROUTE = /^\/api\/0\/?$/;
/** Release bodies are small JSON (set-commits sends at most a few thousand commits). */
const MAX_API_BODY = 8 * 1024 * 1024;
/** Decoded release-management bodies held at once, across requests. */
const MANAGEMENT_BUDGET = new DecodeBudget(64 * 1024 * 1024);
const ENVELOPE_ROUTE = /^\/api\/(\d+)\/envelope\/?$/;

/** Browser SDKs post cross-origin, as to relay. */
const ENVELOPE_CORS: Readonly<Record<string, string>> = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'x-sentry-error,x-sentry-rate-limits,retry-after' };
/** The answer to an envelope without an event_id: `{}`, as send() would write it. */
const ENVELOPE_EMPTY_OK: Readonly<Record<string, string | number>> = { ...ENVELOPE_CORS, 'Content-Type': 'application/json', 'Content-Length': 2 };

export function route(req: IncomingMessage, res: ServerResponse, ctx: RouterContext): Promise<void> {
  // The envelope route is the hot one (every SDK request): a path already in normal form is
  // matched as sent, without building a URL; anything else (dot segments, escapes) goes the long way.
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const envelope = raw.includes('#') ? null : ENVELOPE_ROUTE.exec(q < 0 ? raw : raw.slice(0, q));
  if (envelope) return envelopeRequest(req, res, ctx, envelope[1], q < 0 ? null : raw.slice(q + 1));
  return routeUrl(req, res, ctx, new URL(raw, 'http://localhost'));
}

async function envelopeRequest(req: IncomingMessage, res: ServerResponse, ctx: RouterContext, projectId: string, search: string | null): Promise<void> {
  const method = req.method ?? 'GET';
  try {
    if (method === 'OPTIONS') {
      res.writeHead(200, { ...ENVELOPE_CORS, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'content-type,x-sentry-auth,content-encoding', 'Content-Length': 0 });
      res.end();
      return;
    }
    if (method !== 'POST') throw methodNotAllowed(method);
    try {
      const result = await handleEnvelope(req, projectId, search === null ? null : new URLSearchParams(search).get('sentry_key'), ctx.ingest);
      if (result.body.id === undefined && !res.headersSent) {
        // What nearly every SDK request gets: relay's `{}`, headers built once.
        res.writeHead(200, ENVELOPE_EMPTY_OK);
        res.end('{}');
      } else {
        send(res, 200, result.body, ENVELOPE_CORS);
      }
    } catch (err) {
      // Refused before its body was read: close rather than drain what the client still sends.
      sendError(res, err, req.complete ? ENVELOPE_CORS : { ...ENVELOPE_CORS, Connection: 'close' }, ctx);
    }
  } catch (err) {
    sendError(res, err, {}, ctx);
  }
}

async function routeUrl(req: IncomingMessage, res: ServerResponse, ctx: RouterContext, url: URL): Promise<void> {
  const path = url.pathname;
  const method = req.method ?? 'GET';
  try {
    const envelope = ENVELOPE_ROUTE.exec(path);
    if (envelope) {
      await envelopeRequest(req, res, ctx, envelope[1], url.search === '' ? null : url.search.slice(1));
      return;
    }
    const managed = managementRoute(path, method);
    if (managed) {
      await managementRequest(req, res, ctx, managed, path, url.search);
      return;
    }
    if (API_ROOT_ROUTE.test(path)) {
      // sentry-cli `info`: who the token is and its scopes; no token is answered too.
      const header = headerText(req.headers.authorization);
      const grant = header ? ctx.auth.authenticate(header) : null;
      send(res, 200, { version: '0', auth: grant ? { scopes: Array.from(grant.scopes) } : null, user: null }, {});
      return;
    }
    const org = ORG_ROUTE.exec(path);
    if (org && ENDPOINTS[org[2]]) {
      await apiRequest(req, res, ctx, decodeSlug(org[1]), org[2], path, url.search);
      return;
    }
    const details = ORG_DETAILS_ROUTE.exec(path);
    if (details) {
      await apiRequest(req, res, ctx, decodeSlug(details[1]), 'organization', path, url.search);
      return;
    }
    if (ORG_LIST_ROUTE.test(path)) {
      await apiRequest(req, res, ctx, null, 'organizations', path, url.search);
      return;
    }
    // Where "Open in Sentry" goes: Sentry's web page of a release.
    const page = RELEASE_PAGE_ROUTE.exec(path);
    if (page && (method === 'GET' || method === 'HEAD')) {
      sendReleasePage(res, page, { slug: ctx.org, id: ctx.orgId }, method);
      return;
    }
    throw notFound();
  } catch (err) {
    sendError(res, err, {}, ctx);
  }
}

/**
 * What every organization API request goes through, in Sentry's order: the rate limit, the
 * configured latency, then the handler; errors become Sentry's error bodies. A valid token is
 * its own caller; anything else counts against its address, so guessing tokens is slowed like
 * any other traffic (a fresh guess is not a fresh caller).
 */
async function admitted(req: IncomingMessage, res: ServerResponse, ctx: RouterContext, name: string, handle: () => Promise<ApiResponse> | ApiResponse): Promise<void> {
  const known = ctx.auth.lookup(headerText(req.headers.authorization));
  const caller = known ? `token:${known.token}` : `addr:${req.socket.remoteAddress ?? 'unknown'}`;
  let headers: Record<string, string> = {};
  let done = (): void => undefined;
  try {
    const admission = ctx.limiter.admit(caller, name);
    headers = admission.headers;
    done = admission.done;
    if (ctx.latencyMs > 0) await new Promise((r) => setTimeout(r, ctx.latencyMs));
    const out = await handle();
    send(res, out.status, out.body, { ...headers, ...out.headers });
  } catch (err) {
    if (err instanceof ApiError) headers = { ...headers, ...err.headers };
    sendError(res, err, headers, ctx);
  } finally {
    done();
  }
}

/** Authenticates, then checks the organization of the path (`org` null: not under one). */
function authorizedRequest(req: IncomingMessage, ctx: RouterContext, org: string | null, path: string, search: string): ApiRequest {
  const grant = ctx.auth.authenticate(headerText(req.headers.authorization));
  if (org !== null && org !== ctx.org && org !== ctx.orgId) throw notFound();
  return { path, q: new QueryDict(search), origin: `http://${req.headers.host ?? 'localhost'}`, grant, now: ctx.clock() / 1000 };
}

/** `org` null: the organization list, which is not under one organization. */
function apiRequest(req: IncomingMessage, res: ServerResponse, ctx: RouterContext, org: string | null, name: string, path: string, search: string): Promise<void> {
  return admitted(req, res, ctx, name, () => {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(req.method ?? '');
    const apiReq = authorizedRequest(req, ctx, org, path, search);
    const { grant } = apiReq;
    const info = { id: ctx.orgId, slug: ctx.org, dateCreated: ctx.orgCreated, origin: apiReq.origin };
    if (name === 'organization') {
      return {
        status: 200,
        body: organizationDetails(info, grant, apiReq.q.get('detailed') !== '0', () =>
          ctx.data.registry.list().map((p) => serializeProject(p, ctx.data, grant))),
      };
    }
    if (name === 'organizations') return { status: 200, body: [serializeOrganization(info, grant)] };
    return ENDPOINTS[name](apiReq, ctx.data);
  });
}

/** Release management: the same checks and order as apiRequest, writes with a JSON body. */
function managementRequest(req: IncomingMessage, res: ServerResponse, ctx: RouterContext, r: ManagementRoute, path: string, search: string): Promise<void> {
  return admitted(req, res, ctx, r.name, async () => {
    const method = req.method ?? 'GET';
    if (!r.methods.includes(method)) throw methodNotAllowed(method);
    const apiReq = authorizedRequest(req, ctx, r.org, path, search);
    let body: unknown;
    if (method === 'POST' || method === 'PUT') {
      const held = await readDecodedBody(req, { maxRaw: MAX_API_BODY, maxDecoded: MAX_API_BODY, budget: MANAGEMENT_BUDGET });
      try {
        body = held.body.length === 0 ? {} : JSON.parse(held.body.toString('utf8'));
      } catch {
        throw new ApiError(400, { detail: 'JSON parse error' });
      } finally {
        held.release();
      }
    }
    return r.handle({ ...apiReq, method, body }, ctx.data, ctx.ingest.durable);
  });
}

/** A slug with a bad percent-escape names no organization: 404, after authentication as for any other. */
function decodeSlug(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return `\u0000${text}`;
  }
}

function methodNotAllowed(method: string): ApiError {
  return new ApiError(405, { detail: `Method "${method}" not allowed.` });
}

function sendError(res: ServerResponse, err: unknown, headers: Record<string, string>, ctx: RouterContext): void {
  if (err instanceof ApiError) {
    send(res, err.status, err.body, { ...headers, ...err.headers });
    return;
  }
  // A client that went away mid-request is not the server's error: nothing to answer or log.
  if (res.destroyed || res.req.destroyed || (err as NodeJS.ErrnoException | null)?.code === 'ECONNRESET') return;
  ctx.log(`internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  send(res, 500, { detail: 'Internal Error' }, headers);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>>): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
