// What one HTTP attempt came to: an answer to use, or a SentryApiError saying what went wrong
// in words a person can act on, and whether (and after how long) to try again. Built from plain
// facts only (status, headers, body text, an error code): the axios error itself is dropped.
import { cancelledError, SentryApiError } from './errors';
import { safeProxyText } from './agents';
import { excerpt, redact } from './redact';
import { isOrganizationToken, scopeFor, WHICH_TOKEN } from './tokenKinds';

export interface JsonResponse {
  status: number;
  body: unknown;
  /** The `Link` header, for cursor pagination. */
  link: string | null;
}

export type Failure =
  | { ok: false; error: SentryApiError; retry: false }
  | { ok: false; error: SentryApiError; retry: true; waitMs: number | null };
export type Outcome = { ok: true; response: JsonResponse } | Failure;

export interface OutcomeContext {
  endpoint: string;
  /** 1 for the first try. */
  attemptNo: number;
  host: string;
  baseHref: string;
  organization: string;
  proxyUrl: string | null;
  timeoutMs: number;
  maxRateLimitWaitMs: number;
  token: string;
}

export const MAX_BODY_BYTES = 64 * 1024 * 1024;
const QUERY_TIMEOUT = /^query timeout/i;

/** A request that got no HTTP answer. Only the error's code is read; the error itself is dropped. */
export function transportFailure(err: unknown, ctx: OutcomeContext, timedOut: boolean, cancelled: boolean): Failure {
  const { endpoint, attemptNo } = ctx;
  const e = err as { code?: unknown; cause?: { code?: unknown }; message?: unknown };
  const code = String(e?.cause?.code ?? e?.code ?? '');
  const host = ctx.host;
  const via = ctx.proxyUrl ? ` through the proxy ${safeProxyText(ctx.proxyUrl)}` : '';
  if (cancelled && !timedOut) return { ok: false, error: cancelledError(endpoint), retry: false };
  if (timedOut) {
    return {
      ok: false,
      retry: false,
      error: new SentryApiError(
        `${host} did not answer ${endpoint} within ${durationText(ctx.timeoutMs)}${via}: try again, or raise the request timeout.`,
        { kind: 'timeout', endpoint },
      ),
    };
  }
  const net = (message: string, retry: boolean): Failure =>
    retry
      ? { ok: false, retry: true, waitMs: null, error: new SentryApiError(message, { kind: 'network', endpoint }) }
      : { ok: false, retry: false, error: new SentryApiError(message, { kind: 'network', endpoint }) };
  switch (code) {
    case 'ENOTFOUND':
      return net(`Cannot resolve the host ${ctx.proxyUrl ? safeProxyText(ctx.proxyUrl) : host} (DNS lookup failed) for ${endpoint}: check the base URL${via ? ', the proxy setting' : ''} and your network.`, false);
    case 'EAI_AGAIN':
      return net(`DNS lookup of ${host} failed temporarily for ${endpoint}${via}: check your network and try again.`, true);
    case 'ECONNREFUSED':
      return net(`Connection refused by ${ctx.proxyUrl ? safeProxyText(ctx.proxyUrl) : host} for ${endpoint}: is the server running, and are the base URL's host and port right?`, false);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
    case 'ERR_BAD_RESPONSE':
    case 'ERR_STREAM_PREMATURE_CLOSE':
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      if (/maxContentLength/i.test(String(e?.message ?? ''))) {
        return { ok: false, retry: false, error: new SentryApiError(`${host} sent more than ${MAX_BODY_BYTES / 1048576} MB for ${endpoint}.`, { kind: 'invalid-response', endpoint }) };
      }
      return net(`The connection to ${host} was cut during ${endpoint}${via} (${code === 'ERR_BAD_RESPONSE' ? 'incomplete answer' : code})${attemptNo > 1 ? ` after ${attemptNo} attempts` : ''}: check your network and try again.`, true);
    default:
      if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) {
        return net(`The TLS certificate of ${host} is not trusted (${code}) for ${endpoint}: check the base URL; behind an intercepting proxy, trust its certificate (or set http.proxyStrictSSL to false).`, false);
      }
      if (/socket hang up|aborted|premature/i.test(String(e?.message ?? ''))) {
        return net(`The connection to ${host} was cut during ${endpoint}${via}: try again.`, true);
      }
      return net(`Cannot reach ${host} for ${endpoint}${via}${code ? ` (${code})` : ''}: check the base URL, the proxy setting and your network.`, false);
  }
}

export function answerOutcome(status: number, text: string, headers: Record<string, unknown>, ctx: OutcomeContext): Outcome {
  const { endpoint, attemptNo } = ctx;
  const host = ctx.host;
  const header = (name: string): string | null => {
    const v = headers[name];
    return v === undefined || v === null ? null : Array.isArray(v) ? v.join(', ') : String(v);
  };
  const fail = (kind: SentryApiError['kind'], message: string, extra: { retryAt?: number } = {}): SentryApiError =>
    new SentryApiError(redact(message, ctx.token), { kind, endpoint, status, ...extra });
  const detail = detailOf(text, ctx.token);
  const said = detail ? ` Sentry said: "${detail}".` : '';
  const attempts = attemptNo > 1 ? ` after ${attemptNo} attempts` : '';

  if (status >= 200 && status < 300) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      const html = /^\s*</.test(text) || /html/i.test(header('content-type') ?? '');
      const what = text.trim() === '' ? 'an empty body' : html ? 'an HTML page' : `unreadable text (${excerpt(text, ctx.token, 60)})`;
      return {
        ok: false,
        retry: false,
        error: new SentryApiError(`${host} answered ${endpoint} with ${what} instead of JSON: is ${ctx.baseHref.replace(/\/$/, '')} the base URL of a Sentry server?`, {
          kind: 'invalid-response',
          endpoint,
          status,
        }),
      };
    }
    return { ok: true, response: { status, body, link: header('link') } };
  }
  if (status >= 300 && status < 400) {
    const location = header('location');
    let target = '';
    try {
      if (location) target = new URL(location, ctx.baseHref).origin;
    } catch {
      target = '';
    }
    return {
      ok: false,
      retry: false,
      error: fail('config', `${host} redirects ${endpoint} (${status})${target ? ` to ${target}` : ''}: set the base URL to ${target || 'the address Sentry is served from'}.`),
    };
  }
  if (status === 401) {
    return { ok: false, retry: false, error: fail('auth', `${host} rejected the auth token (401) for ${endpoint}: it is invalid, expired or revoked. Create ${WHICH_TOKEN}.${said}`) };
  }
  if (status === 403) {
    const scope = scopeFor(endpoint);
    const fix = isOrganizationToken(ctx.token)
      ? `It is an organization token (sntrys_…), which carries only org:ci: use ${WHICH_TOKEN}.`
      : `It needs the ${scope} scope, which ${WHICH_TOKEN} can have${/\/sessions\/?$/.test(endpoint) ? ', and access to the projects asked for' : ''}.`;
    return {
      ok: false,
      retry: false,
      error: fail('permission', `The auth token may not read ${endpoint} (403, missing scope ${scope}). ${fix}${said}`),
    };
  }
  if (status === 404) {
    return {
      ok: false,
      retry: false,
      error: fail('not-found', `Organization '${ctx.organization}' was not found on ${host} (404 for ${endpoint}): check the organization slug, the token's organization, and the base URL.${said}`),
    };
  }
  if (status === 429) {
    // One reading of the clock: the wait and the time to retry at must agree to the millisecond.
    const now = Date.now();
    const waitMs = rateLimitWait(header('x-sentry-rate-limit-reset'), header('retry-after'), now);
    const retryAt = waitMs === null ? undefined : now + waitMs;
    const when = retryAt === undefined ? 'in a minute' : `after ${new Date(retryAt).toISOString().slice(11, 19)} UTC`;
    const error = fail('rate-limited', `${host} is rate-limiting ${endpoint} (429)${attempts}: try again ${when}.${said}`, { retryAt });
    if (waitMs !== null && waitMs > ctx.maxRateLimitWaitMs) return { ok: false, retry: false, error };
    return { ok: false, retry: true, waitMs: waitMs === null ? null : Math.max(waitMs, 50), error };
  }
  if (status === 400 && detail && QUERY_TIMEOUT.test(detail)) {
    return {
      ok: false,
      retry: true,
      waitMs: null,
      error: fail('query-timeout', `Sentry's query timed out for ${endpoint} (400)${attempts}: try again, or choose a shorter summary period, fewer projects or fewer environments.${said}`),
    };
  }
  if (status >= 500) {
    const page = detail ? said : /^\s*</.test(text) ? ' (it sent an HTML error page)' : '';
    return { ok: false, retry: true, waitMs: null, error: fail('server', `${host} failed with ${status} for ${endpoint}${attempts}: try again later.${page}`) };
  }
  return { ok: false, retry: false, error: fail('bad-request', `${host} refused ${endpoint} (${status}).${said || ' No reason given.'}`) };
}

function durationText(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

/** `{"detail": "..."}` (or `{"detail": {"message": ...}}`) from an error body, redacted and on one line. */
function detailOf(text: string, token: string): string | null {
  if (!text) return null;
  try {
    const body = JSON.parse(text) as { detail?: unknown; error?: unknown };
    const d = body?.detail ?? body?.error;
    const msg = typeof d === 'string' ? d : typeof (d as { message?: unknown })?.message === 'string' ? (d as { message: string }).message : null;
    return msg ? excerpt(msg, token, 300) : null;
  } catch {
    return null;
  }
}

/** Milliseconds until Sentry's rate-limit window resets (`X-Sentry-Rate-Limit-Reset`, epoch s) or `Retry-After`. */
export function rateLimitWait(reset: string | null, retryAfter: string | null, now = Date.now()): number | null {
  if (reset !== null && /^\d+(\.\d+)?$/.test(reset.trim())) return Math.max(0, Number(reset) * 1000 - now);
  if (retryAfter !== null) {
    const v = retryAfter.trim();
    if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
    const at = Date.parse(v);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  return null;
}
