// The kinds of Sentry auth token, told apart by prefix, and what each can read. Pure and tiny:
// the Connect step imports it to refuse an organization token before any request.
//
// Organization tokens (`sntrys_…`, Settings › Organization Tokens) carry only `org:ci`
// (org_auth_tokens.py): enough to upload releases and source maps from CI, but /projects/ and
// /sessions/ need `org:read`, so Sentry answers 403 there. Personal tokens (`sntryu_…`, User
// Settings › Personal Tokens) and internal integrations can be given org:read and project:read.

export const ORG_TOKEN_PREFIX = 'sntrys_';
export const USER_TOKEN_PREFIX = 'sntryu_';

export const WHICH_TOKEN =
  'a personal token (User Settings › Personal Tokens, sntryu_…) or an internal integration token with the org:read and project:read scopes';

export function isOrganizationToken(token: string): boolean {
  return token.trim().startsWith(ORG_TOKEN_PREFIX);
}

/** Why an organization token cannot work, or null for any other token. */
export function organizationTokenProblem(token: string): string | null {
  if (!isOrganizationToken(token)) return null;
  return `This is an organization token (sntrys_…): Sentry gives those only the org:ci scope, which cannot read projects or sessions. Use ${WHICH_TOKEN}.`;
}

/** The scope Sentry checks for a GET of this API path (`/api/0/organizations/acme/releases/`). */
export function scopeFor(path: string): string {
  return /\/releases\/?$/.test(path) ? 'project:read' : 'org:read';
}
