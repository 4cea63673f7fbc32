// The argument object of `releaseHealth.connect` (tests, automation): the prompts are skipped,
// the connection is still checked.
import { organizationTokenProblem } from '../../api/tokenKinds';
import { validateBaseUrl, validateOrganization } from '../sentry/sentryUrls';
import { normalizeBaseUrl } from '../settings';
import { t } from '../../present/localize';

export interface ConnectArgument {
  url: string;
  organization: string;
  token: string;
  /** Project slugs; absent or empty: every project the token can see. */
  projects?: string[];
}

export type ParsedConnectArgument = { ok: true; value: ConnectArgument } | { ok: false; message: string } | null;

/** null when there is no argument object (interactive use). */
export function parseConnectArgument(arg: unknown): ParsedConnectArgument {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return null;
  const a = arg as Record<string, unknown>;
  if (a.url === undefined && a.organization === undefined && a.token === undefined) return null;
  const url = typeof a.url === 'string' && a.url.trim() !== '' ? a.url.trim() : 'https://sentry.io';
  const urlProblem = validateBaseUrl(url);
  if (urlProblem) return { ok: false, message: urlProblem };
  const organization = typeof a.organization === 'string' ? a.organization.trim() : '';
  const orgProblem = validateOrganization(organization);
  if (orgProblem) return { ok: false, message: orgProblem };
  const token = typeof a.token === 'string' ? a.token.trim() : '';
  if (token === '') return { ok: false, message: t('No auth token given.') };
  const tokenProblem = organizationTokenProblem(token);
  if (tokenProblem) return { ok: false, message: tokenProblem };
  if (a.projects !== undefined && !(Array.isArray(a.projects) && a.projects.every((p) => typeof p === 'string'))) {
    return { ok: false, message: t('projects must be a list of project slugs.') };
  }
  const projects = (a.projects as string[] | undefined)?.map((p) => p.trim()).filter((p) => p !== '');
  return { ok: true, value: { url: normalizeBaseUrl(url), organization, token, ...(projects ? { projects } : {}) } };
}

/** Which input to send the user back to for an API error kind. */
export function stepForErrorKind(kind: string | null): 'url' | 'organization' | 'token' {
  switch (kind) {
    case 'network':
    case 'timeout':
    case 'invalid-response':
    case 'config':
      return 'url';
    case 'not-found':
      return 'organization';
    default:
      return 'token';
  }
}
