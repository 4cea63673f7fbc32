// What the caller configures about a Sentry API source, and its defaults.
import { SentryApiError } from './errors';

export interface ProxyConfig {
  /** VS Code's `http.proxy`. Unset: the environment's HTTPS_PROXY / HTTP_PROXY (and NO_PROXY) apply. */
  proxyUrl?: string;
  /** VS Code's `http.proxyStrictSSL` (default true): verify the server's TLS certificate. */
  strictSSL?: boolean;
}

export interface RetryConfig {
  /** Retries after the first attempt for 5xx, 400 "Query timeout", 429 and dropped connections. Default 3. */
  maxRetries?: number;
  /** First backoff delay; doubles each retry. Default 500 ms. */
  baseDelayMs?: number;
  /** Cap on one backoff delay. Default 8 s. */
  maxDelayMs?: number;
  /** Longest wait for a rate-limit window to reset before giving up. Default 60 s. */
  maxRateLimitWaitMs?: number;
}

export interface ApiSourceConfig {
  /** Default https://sentry.io; regional (https://de.sentry.io) or self-hosted, with or without a trailing slash. */
  baseUrl?: string;
  organization: string;
  /** Project slugs; empty or absent = every project the token can see. */
  projects?: string[];
  /** Environment names; every query is filtered to them. Empty = all. */
  environments?: string[];
  /** Per-request timeout, whole request (connect to last byte). Default 30 s. */
  timeoutMs?: number;
  proxy?: ProxyConfig;
  retry?: RetryConfig;
  /** Parallel requests during a refresh. Default 4 (Sentry limits concurrency per endpoint). */
  concurrency?: number;
  userAgent?: string;
  /** Environment variables for the proxy fallback; default process.env. */
  env?: Record<string, string | undefined>;
}

export interface ResolvedConfig {
  base: URL;
  organization: string;
  projects: string[];
  environments: string[];
  timeoutMs: number;
  proxyUrl: string | null;
  strictSSL: boolean;
  retry: Required<RetryConfig>;
  concurrency: number;
  userAgent: string;
}

export const DEFAULT_BASE_URL = 'https://sentry.io';

export function resolveConfig(config: ApiSourceConfig): ResolvedConfig {
  const endpoint = 'configuration';
  const raw = (config.baseUrl ?? DEFAULT_BASE_URL).trim() || DEFAULT_BASE_URL;
  let base: URL;
  try {
    base = new URL(raw);
  } catch {
    throw new SentryApiError(`The Sentry base URL '${raw}' is not a URL: give it with its scheme, e.g. https://sentry.io.`, { kind: 'config', endpoint });
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new SentryApiError(`The Sentry base URL must start with https:// or http://, not ${base.protocol}//.`, { kind: 'config', endpoint });
  }
  if (base.username || base.password) {
    throw new SentryApiError('Leave credentials out of the Sentry base URL: the token is passed separately.', { kind: 'config', endpoint });
  }
  // Self-hosted Sentry may live under a path prefix; keep it, drop query, hash and trailing slashes.
  base = new URL(`${base.origin}${base.pathname.replace(/\/+$/, '')}`);
  const organization = config.organization.trim();
  if (!organization) throw new SentryApiError('No Sentry organization slug configured.', { kind: 'config', endpoint });
  const env = config.env ?? process.env;
  const proxyUrl = config.proxy?.proxyUrl?.trim() || environmentProxy(base, env);
  return {
    base,
    organization,
    projects: (config.projects ?? []).map((p) => p.trim()).filter((p) => p !== ''),
    environments: (config.environments ?? []).filter((e) => e !== ''),
    timeoutMs: config.timeoutMs && config.timeoutMs > 0 ? config.timeoutMs : 30_000,
    proxyUrl,
    strictSSL: config.proxy?.strictSSL ?? true,
    retry: {
      maxRetries: config.retry?.maxRetries ?? 3,
      baseDelayMs: config.retry?.baseDelayMs ?? 500,
      maxDelayMs: config.retry?.maxDelayMs ?? 8_000,
      maxRateLimitWaitMs: config.retry?.maxRateLimitWaitMs ?? 60_000,
    },
    concurrency: Math.max(1, Math.min(16, config.concurrency ?? 4)),
    userAgent: config.userAgent ?? 'release-health/0.1',
  };
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\./.test(h);
}

/** The proxy the environment asks for this host (curl's conventions), or null. Loopback never goes through one. */
export function environmentProxy(base: URL, env: Record<string, string | undefined>): string | null {
  if (isLoopback(base.hostname)) return null;
  const pick = (...names: string[]) => names.map((n) => env[n]?.trim()).find((v) => v) ?? null;
  const proxy = base.protocol === 'https:' ? pick('HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy') : pick('HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy');
  if (!proxy) return null;
  const noProxy = pick('NO_PROXY', 'no_proxy');
  if (noProxy) {
    const host = base.hostname.toLowerCase();
    for (const entry of noProxy.split(/[,\s]+/).filter(Boolean)) {
      if (entry === '*') return null;
      const e = entry.toLowerCase().replace(/:\d+$/, '').replace(/^\*?\./, '');
      if (host === e || host.endsWith(`.${e}`)) return null;
    }
  }
  return proxy;
}
