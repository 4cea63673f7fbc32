// URLs of the configured Sentry host: validating the base URL the user types. (The release
// page "Open in Sentry" goes to is built by src/present/sentryLinks.ts.)
import { t } from '../../present/localize';

/** An error message for the input box, or null when the URL is usable (a base URL or an organization's URL). */
export function validateBaseUrl(text: string): string | null {
  const value = text.trim();
  if (value === '') return t('Enter the base URL of your Sentry, e.g. {0}', 'https://sentry.io');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return t('Not a URL: enter it with its scheme, e.g. {0}', 'https://sentry.example.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return t('Use an http:// or https:// URL');
  if (url.username !== '' || url.password !== '') return t('Leave credentials out of the URL: the token is asked next');
  if (organizationInUrl(url) !== null) return null;
  if (url.search !== '' || url.hash !== '') return t('Enter the base URL only, without ? or #');
  return null;
}

/** Region and service subdomains of sentry.io that are not an organization's. */
const SENTRY_IO_HOSTS = new Set(['sentry.io', 'www.sentry.io', 'us.sentry.io', 'de.sentry.io']);
const SLUG = /^[a-z0-9_][a-z0-9_.-]*$/i;

/** The organization a page URL names: `…/organizations/<slug>/…` (any host) or `https://<slug>.sentry.io/…`. */
function organizationInUrl(url: URL): { baseUrl: string; organization: string } | null {
  const m = /^(.*?)\/organizations\/([^/]+)(?:\/|$)/.exec(url.pathname);
  if (m && SLUG.test(decodeURIComponent(m[2]))) {
    return { baseUrl: `${url.origin}${m[1]}`, organization: decodeURIComponent(m[2]) };
  }
  const host = url.hostname.toLowerCase();
  if (host.endsWith('.sentry.io') && !SENTRY_IO_HOSTS.has(host)) {
    const slug = host.slice(0, -'.sentry.io'.length);
    // An organization's own domain (acme.sentry.io) serves the API for it in its region.
    if (SLUG.test(slug) && !slug.includes('.')) return { baseUrl: `${url.protocol}//${host}`, organization: slug };
  }
  return null;
}

/**
 * What the user typed as the base URL: a base URL, or an organization's page pasted from the
 * browser (https://sentry.io/organizations/acme/issues/?project=1, https://acme.sentry.io/issues/),
 * from which the base URL and the organization are taken. Call after validateBaseUrl.
 */
export function parseBaseUrlInput(text: string): { baseUrl: string; organization: string | null } {
  const url = new URL(text.trim());
  const org = organizationInUrl(url);
  if (org) return { baseUrl: org.baseUrl.replace(/\/+$/, ''), organization: org.organization };
  return { baseUrl: `${url.origin}${url.pathname}`.replace(/\/+$/, ''), organization: null };
}

/** The same Sentry host for a token: scheme, host and port (a token belongs to its host). */
export function sameHost(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/** Organization slugs: lowercase letters, digits, dashes and underscores. */
export function validateOrganization(text: string): string | null {
  const v = text.trim();
  if (v === '') return t('Enter the organization slug (from the URL of your Sentry organization)');
  if (!/^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/.test(v)) return t('An organization slug has only letters, digits, dashes and underscores');
  return null;
}
