// One GET to the Sentry API, the way the whole client does it: bearer token, a whole-request
// timeout, cancellation, bounded retries (429 until the rate-limit window resets; 5xx, 400
// "Query timeout" and dropped connections with exponential backoff; see httpOutcome.ts), a
// log line per attempt. No axios error ever leaves this file: they carry
// `config.headers.Authorization`; only their code is read.
import axios, { type AxiosResponse } from 'axios';
import type { ResolvedConfig } from './config';
import { buildTransport, destroyTransport, type Transport } from './agents';
import { cancelledError, SentryApiError } from './errors';
import { answerOutcome, MAX_BODY_BYTES, transportFailure, type JsonResponse, type Outcome, type OutcomeContext } from './httpOutcome';
import { loggablePath, redact } from './redact';

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

export type { JsonResponse };

export class SentryHttp {
  /** HTTP requests sent so far (every attempt, retries included). */
  requests = 0;
  private readonly transport: Transport;
  private readonly token: string;
  /** Where requests go: the configured base URL, or the organization's region (useRegion). */
  private base: URL;

  constructor(
    private readonly config: ResolvedConfig,
    token: string,
    private readonly hooks: RequestHooks = {},
  ) {
    this.token = checkToken(token);
    this.transport = buildTransport(config);
    this.base = config.base;
  }

  get host(): string {
    return this.base.host;
  }

  /** The base URL requests go to now. */
  get baseUrl(): URL {
    return this.base;
  }

  /** Sends every later request to the organization's region host (see region.ts). */
  useRegion(region: URL): void {
    this.base = region;
  }

  close(): void {
    destroyTransport(this.transport);
  }

  endpoint(path: string): string {
    return `GET ${this.base.pathname === '/' ? '' : this.base.pathname}${path}`;
  }

  /** GETs `path` (e.g. `/api/0/organizations/acme/projects/`) and parses its JSON. */
  async get(path: string, params: QueryParams = []): Promise<JsonResponse> {
    const endpoint = this.endpoint(path);
    const url = new URL(`${this.base.href.replace(/\/$/, '')}${path}`);
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

  private context(endpoint: string, attemptNo: number): OutcomeContext {
    return {
      endpoint,
      attemptNo,
      host: this.base.host,
      baseHref: this.base.href.replace(/\/$/, ''),
      organization: this.config.organization,
      proxyUrl: this.config.proxyUrl,
      timeoutMs: this.config.timeoutMs,
      maxRateLimitWaitMs: this.config.retry.maxRateLimitWaitMs,
      token: this.token,
    };
  }

  private async attempt(url: URL, endpoint: string, attemptNo: number): Promise<Outcome> {
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
      const failure = transportFailure(err, this.context(endpoint, attemptNo), timedOut, signal?.aborted === true);
      this.log(url, failure.error.kind, started);
      return failure;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    this.log(url, res.status, started);
    return answerOutcome(res.status, typeof res.data === 'string' ? res.data : '', res.headers as Record<string, unknown>, this.context(endpoint, attemptNo));
  }
}

function checkToken(token: string): string {
  const t = (token ?? '').trim();
  if (t === '') throw new SentryApiError('No Sentry auth token was given.', { kind: 'auth', endpoint: 'configuration' });
  if (/[^\x21-\x7e]/.test(t)) {
    throw new SentryApiError('The Sentry auth token contains spaces or control characters: paste it again.', { kind: 'auth', endpoint: 'configuration' });
  }
  return t;
}
