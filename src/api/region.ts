// The organization's region. sentry.io keeps each organization's data in one region
// (us.sentry.io, de.sentry.io) and names it in `links.regionUrl` of /organizations/{org}/;
// org-scoped API calls go there (the sentry.io gateway forwards them today, but the regional
// host is the documented address). Self-hosted Sentry names its own URL, or nothing.
import type { ResolvedConfig } from './config';

/** Regions learned per (base URL, organization): one organization request per process, not per refresh. */
const known = new Map<string, URL | null>();

function keyOf(cfg: ResolvedConfig): string {
  return `${cfg.base.href}|${cfg.organization}`;
}

export function cachedRegion(cfg: ResolvedConfig): URL | null | undefined {
  return known.get(keyOf(cfg));
}

export function rememberRegion(cfg: ResolvedConfig, region: URL | null): void {
  known.set(keyOf(cfg), region);
}

/** For tests: forget every learned region. */
export function forgetRegions(): void {
  known.clear();
}

/**
 * The host to use instead of the base URL, or null to keep the base URL: when `regionUrl` is
 * missing, not a URL, on the same origin (a self-hosted path prefix is kept), carries
 * credentials, or would go from https down to http (the token must not travel in clear text).
 */
export function regionBase(base: URL, regionUrl: unknown): URL | null {
  if (typeof regionUrl !== 'string' || regionUrl.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(regionUrl.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (base.protocol === 'https:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  if (url.origin === base.origin) return null;
  return new URL(`${url.origin}${url.pathname.replace(/\/+$/, '')}`);
}
