// Says what went wrong with the Sentry API and which action fixes it. The API client's own
// messages are already one actionable line (host, status, what to check, never the token), so
// they are kept; the kind picks the fix (sign in again, settings, retry). The fallbacks cover
// errors that carry no message.
import type { StoreError } from '../store/storeTypes';
import { apiErrorKind, type ApiErrorKind } from './sentryClient';
import { hostOf } from './sentryUrls';
import { COMMAND } from '../../present/ids';
import { SECTION, SETTING } from '../settings';

export interface ConnectionContext {
  url: string;
  organization: string;
}

const CONNECT = { fixCommand: COMMAND.connect, fixTitle: 'Connect to Sentry…' };
const SETTINGS = { fixCommand: COMMAND.openSettings, fixTitle: 'Open Settings' };
const RETRY = { fixCommand: COMMAND.refresh, fixTitle: 'Retry' };
const ENVIRONMENT = { fixCommand: COMMAND.selectEnvironment, fixTitle: 'Select Environment' };
const PROJECTS = { fixCommand: COMMAND.selectProjects, fixTitle: 'Select Projects' };

function fallback(kind: ApiErrorKind | null, ctx: ConnectionContext): string {
  const host = hostOf(ctx.url);
  switch (kind) {
    case 'auth':
      return `${host} rejected the auth token: it is wrong, expired or revoked. Sign in again.`;
    case 'permission':
      return `The auth token lacks a scope for '${ctx.organization}' (it needs org:read and project:read), or a project is not accessible.`;
    case 'not-found':
      return `Unknown organization '${ctx.organization}' on ${host}.`;
    case 'project-access':
      return `The token cannot read a project selected in ${SECTION}.${SETTING.sentryProjects} of '${ctx.organization}' on ${host}.`;
    case 'unknown-environment':
      return `An environment in ${SECTION}.${SETTING.environments} does not exist in '${ctx.organization}' on ${host}.`;
    case 'rate-limited':
      return `${host} is rate-limiting requests; try again in a minute.`;
    case 'server':
      return `${host} had a server error; try again later.`;
    case 'query-timeout':
      return `${host} timed out on the query; try a shorter period or fewer projects.`;
    case 'network':
      return `Cannot reach ${host}: check the URL and the proxy settings.`;
    case 'timeout':
      return `${host} did not answer in time (${SECTION}.${SETTING.requestTimeoutSeconds}).`;
    case 'invalid-response':
      return `${host} did not answer as a Sentry server does: check the base URL.`;
    case 'cancelled':
      return 'The request was cancelled.';
    default:
      return `The request to ${host} failed.`;
  }
}

function fixFor(kind: ApiErrorKind | null): Pick<StoreError, 'fixCommand' | 'fixTitle'> {
  switch (kind) {
    case 'unknown-environment':
      return ENVIRONMENT;
    case 'project-access':
      return PROJECTS;
    case 'auth':
    case 'permission':
    case 'not-found':
      return CONNECT;
    case 'network':
    case 'invalid-response':
    case 'bad-request':
    case 'config':
    case 'query-timeout':
      return SETTINGS;
    default:
      return RETRY;
  }
}

export function describeApiError(err: unknown, ctx: ConnectionContext): StoreError {
  const kind = apiErrorKind(err);
  const own = err instanceof Error ? err.message.trim() : '';
  const message = own !== '' ? (kind === null ? `Sentry request failed: ${own}` : own) : fallback(kind, ctx);
  return { message, ...fixFor(kind) };
}
