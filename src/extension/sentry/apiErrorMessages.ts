// Says what went wrong with the Sentry API in the user's terms, and which action fixes it.
import type { StoreError } from '../store/storeTypes';
import { apiErrorKind } from './sentryClient';
import { hostOf } from './sentryUrls';

export interface ConnectionContext {
  url: string;
  organization: string;
}

const CONNECT = { fixCommand: 'releaseHealth.connect', fixTitle: 'Connect to Sentry…' };
const SETTINGS = { fixCommand: 'releaseHealth.openSettings', fixTitle: 'Open Settings' };
const RETRY = { fixCommand: 'releaseHealth.refresh', fixTitle: 'Retry' };

export function describeApiError(err: unknown, ctx: ConnectionContext): StoreError {
  const host = hostOf(ctx.url);
  const detail = err instanceof Error && err.message ? err.message : String(err);
  switch (apiErrorKind(err)) {
    case 'auth':
      return { message: `${host} rejected the auth token: it is wrong, expired or revoked. Sign in again.`, ...CONNECT };
    case 'permission':
      return {
        message: `The auth token lacks a scope for '${ctx.organization}' (it needs org:read and project:read), or a project is not accessible.`,
        ...CONNECT,
      };
    case 'not-found':
      return { message: `Unknown organization '${ctx.organization}' on ${host}.`, ...CONNECT };
    case 'rate-limited':
      return { message: `${host} is rate-limiting requests; try again in a minute.`, ...RETRY };
    case 'server':
      return { message: `${host} had a server error (${detail}).`, ...RETRY };
    case 'query-timeout':
      return { message: `${host} timed out on the query; try a shorter period or fewer projects.`, ...SETTINGS };
    case 'network':
      return { message: `Cannot reach ${host}: ${detail}. Check the URL and proxy settings.`, ...SETTINGS };
    case 'timeout':
      return { message: `${host} did not answer in time (releaseHealth.requestTimeoutSeconds).`, ...RETRY };
    case 'invalid-response':
      return { message: `${host} did not answer as a Sentry server does: check the base URL.`, ...SETTINGS };
    case 'bad-request':
      return { message: `${host} refused the request: ${detail}`, ...SETTINGS };
    case 'config':
      return { message: detail, ...SETTINGS };
    case 'cancelled':
      return { message: 'The request was cancelled.', ...RETRY };
    default:
      return { message: `Sentry request failed: ${detail}`, ...RETRY };
  }
}
