// One GET to the Sentry API, the way the whole client does it: bearer token, a whole-request
// timeout, cancellation, bounded retries (429 until the rate-limit window resets; 5xx, 400
// "Query timeout" and dropped connections with exponential backoff), a log line per attempt,
// and every failure turned into a SentryApiError. No axios error ever leaves this file: they
// carry `config.headers.Authorization`.
import axios, { type AxiosResponse } from 'axios';
import type { ResolvedConfig } from './config';
import { buildTransport, destroyTransport, safeProxyText, type Transport } from './agents';
import { cancelledError, SentryApiError } from './errors';
import { excerpt, loggablePath, redact } from './redact';

export type QueryParams = Array<[string, string]>;

/** One HTTP attempt. `path` has no host and no secret; `status` is the HTTP status or, without one, the failure kind. */
export interface RequestLogEntry {
  method: string;
  path: string;
  status: number | string;
  ms: number;
}
export type RequestLogger = (entry: RequestLogEntry) => void;

export interface RequestHooks {
  signal?: AbortSignal;
  log?: RequestLogger;
}

export interface JsonResponse {
  status: number;
  body: unknown;
  /** The `Link` header, for cursor pagination. */
  link: string | null;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const QUERY_TIMEOUT = /^query timeout/i;

type Attempt =
  | { ok: true; response: JsonResponse }
  | { ok: false; error: SentryApiError; retry: false }
  | { ok: false; error: SentryApiError; retry: true; waitMs: number | null };
type Failure = Exclude<Attempt, { ok: true }>;

export class SentryHttp {
  /** HTTP requests sent so far (every attempt, retries included). */
  requests = 0;
  private readonly transport: Transport;
  private readonly token: string;

  constructor(
    private readonly config: ResolvedConfig,
    token: string,
    private readonly hooks: RequestHooks = {},
  ) {
    this.token = checkToken(token);
    this.transport = buildTransport(config);
  }

  get host(): string {
    return this.config.base.host;
  }

  close(): void {
    destroyTransport(this.transport);
  }

  endpoint(path: string): string {
    return `GET ${this.config.base.pathname === '/' ? '' : this.config.base.pathname}${path}`;
  }

  /** GETs `path` (e.g. `/api/0/organizations/acme/projects/`) and parses its JSON. */
  async get(path: string, params: QueryParams = []): Promise<JsonResponse> {
    const endpoint = this.endpoint(path);
    const url = new URL(`${this.config.base.href.replace(/\/$/, '')}${path}`);
    for (const [k, v] of params) url.searchParams.append(k, v);
    const { maxRetries } = this.config.retry;
    for (let attempt = 0; ; attempt++) {
      const result = await this.attempt(url, endpoint, attempt + 1);
      if (result.ok) return result.response;
      if (!result.retry || attempt >= maxRetries) throw result.error;
      await this.sleep(result.waitMs ?? this.backoff(attempt), endpoint);
    }
  }

  private backoff(attempt: number): number {
    const { baseDelayMs, maxDelayMs } = this.config.retry;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
  }

  private sleep(ms: number, endpoint: string): Promise<void> {
    const signal = this.hooks.signal;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(cancelledError(endpoint));
      const onAbort = () => {
        clearTimeout(timer);
        reject(cancelledError(endpoint));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private log(url: URL, status: number | string, started: number): void {
    if (!this.hooks.log) return;
    try {
      this.hooks.log({ method: 'GET', path: redact(loggablePath(url), this.token), status, ms: Date.now() - started });
    } catch {
      // A failing log hook must not fail the request.
    }
  }

  private async attempt(url: URL, endpoint: string, attemptNo: number): Promise<Attempt> {
    const signal = this.hooks.signal;
    if (signal?.aborted) return { ok: false, error: cancelledError(endpoint), retry: false };
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.config.timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const started = Date.now();
    this.requests++;
    let res: AxiosResponse<string>;
    try {
      res = await axios.request<string>({
        method: 'GET',
        url: url.href,
        headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json', 'User-Agent': this.config.userAgent },
        responseType: 'text',
        transformResponse: [(d: unknown) => d],
        validateStatus: () => true,
        maxRedirects: 0,
        maxContentLength: MAX_BODY_BYTES,
        timeout: 0,
        signal: controller.signal,
        proxy: this.transport.proxy,
        httpAgent: this.transport.httpAgent,
        httpsAgent: this.transport.httpsAgent,
      });
    } catch (err) {
      const failure = this.transportFailure(err, endpoint, timedOut, signal?.aborted === true, attemptNo);
      this.log(url, failure.error.kind, started);
      return failure;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    this.log(url, res.status, started);
    return this.classify(res, endpoint, attemptNo);
  }

  /** A request that got no HTTP answer. Only the error's code is read; the error itself is dropped. */
  private transportFailure(err: unknown, endpoint: string, timedOut: boolean, cancelled: boolean, attemptNo: number): Failure {
    const e = err as { code?: unknown; cause?: { code?: unknown }; message?: unknown };
    const code = String(e?.cause?.code ?? e?.code ?? '');
    const host = this.config.base.host;
    const via = this.config.proxyUrl ? ` through the proxy ${safeProxyText(this.config.proxyUrl)}` : '';
    if (cancelled && !timedOut) return { ok: false, error: cancelledError(endpoint), retry: false };
    if (timedOut) {
      return {
        ok: false,
        retry: false,
        error: new SentryApiError(
          `${host} did not answer ${endpoint} within ${durationText(this.config.timeoutMs)}${via}: try again, or raise the request timeout.`,
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
        return net(`Cannot resolve the host ${this.config.proxyUrl ? safeProxyText(this.config.proxyUrl) : host} (DNS lookup failed) for ${endpoint}: check the base URL${via ? ', the proxy setting' : ''} and your network.`, false);
      case 'EAI_AGAIN':
        return net(`DNS lookup of ${host} failed temporarily for ${endpoint}${via}: check your network and try again.`, true);
      case 'ECONNREFUSED':
        return net(`Connection refused by ${this.config.proxyUrl ? safeProxyText(this.config.proxyUrl) : host} for ${endpoint}: is the server running, and are the base URL's host and port right?`, false);
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

  private classify(res: AxiosResponse<string>, endpoint: string, attemptNo: number): Attempt {
    const status = res.status;
    const text = typeof res.data === 'string' ? res.data : '';
    const host = this.config.base.host;
    const header = (name: string): string | null => {
      const v = res.headers[name];
      return v === undefined || v === null ? null : Array.isArray(v) ? v.join(', ') : String(v);
    };
    const fail = (kind: SentryApiError['kind'], message: string, extra: { retryAt?: number } = {}): SentryApiError =>
      new SentryApiError(redact(message, this.token), { kind, endpoint, status, ...extra });
    const detail = detailOf(text, this.token);
    const said = detail ? ` Sentry said: "${detail}".` : '';
    const attempts = attemptNo > 1 ? ` after ${attemptNo} attempts` : '';

    if (status >= 200 && status < 300) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        const html = /^\s*</.test(text) || /html/i.test(header('content-type') ?? '');
        const what = text.trim() === '' ? 'an empty body' : html ? 'an HTML page' : `unreadable text (${excerpt(text, this.token, 60)})`;
        return {
          ok: false,
          retry: false,
          error: new SentryApiError(`${host} answered ${endpoint} with ${what} instead of JSON: is ${this.config.base.href.replace(/\/$/, '')} the base URL of a Sentry server?`, {
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
        if (location) target = new URL(location, this.config.base).origin;
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
      return { ok: false, retry: false, error: fail('auth', `${host} rejected the auth token (401) for ${endpoint}: it is invalid, expired or revoked. Create a new token with the org:read and project:read scopes.${said}`) };
    }
    if (status === 403) {
      return {
        ok: false,
        retry: false,
        error: fail('permission', `The auth token may not read ${endpoint} (403): it needs the org:read and project:read scopes, and access to the organization's projects.${said}`),
      };
    }
    if (status === 404) {
      return {
        ok: false,
        retry: false,
        error: fail('not-found', `Organization '${this.config.organization}' was not found on ${host} (404 for ${endpoint}): check the organization slug, the token's organization, and the base URL.${said}`),
      };
    }
    if (status === 429) {
      const waitMs = rateLimitWait(header('x-sentry-rate-limit-reset'), header('retry-after'));
      const retryAt = waitMs === null ? undefined : Date.now() + waitMs;
      const when = retryAt === undefined ? 'in a minute' : `after ${new Date(retryAt).toISOString().slice(11, 19)} UTC`;
      const error = fail('rate-limited', `${host} is rate-limiting ${endpoint} (429)${attempts}: try again ${when}.${said}`, { retryAt });
      if (waitMs !== null && waitMs > this.config.retry.maxRateLimitWaitMs) return { ok: false, retry: false, error };
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
}

function durationText(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

function checkToken(token: string): string {
  const t = (token ?? '').trim();
  if (t === '') throw new SentryApiError('No Sentry auth token was given.', { kind: 'auth', endpoint: 'configuration' });
  if (/[^\x21-\x7e]/.test(t)) {
    throw new SentryApiError('The Sentry auth token contains spaces or control characters: paste it again.', { kind: 'auth', endpoint: 'configuration' });
  }
  return t;
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
