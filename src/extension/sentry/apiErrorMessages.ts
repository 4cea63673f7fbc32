// Says what went wrong with the Sentry API and which action fixes it. The API client's own
// messages are already one actionable line (host, status, what to check, never the token), so
// they are kept; the kind picks the fix (sign in again, settings, retry). The fallbacks cover
// errors that carry no message.
import type { StoreError } from '../store/storeTypes';
import { apiErrorKind, type ApiErrorKind } from './sentryClient';
import { hostOf } from './sentryUrls';
import { COMMAND } from '../../present/ids';
import { SECTION, SETTING } from '../settings';
import { fixWith, retryFix } from '../../present/commandTitles';
import { t } from '../../present/localize';

export interface ConnectionContext {
  url: string;
  organization: string;
}

function fallback(kind: ApiErrorKind | null, ctx: ConnectionContext): string {
  const host = hostOf(ctx.url);
  switch (kind) {
    case 'auth':
      return t('{0} rejected the auth token: it is wrong, expired or revoked. Sign in again.', host);
    case 'permission':
      return t("The auth token lacks a scope for '{0}' (it needs org:read and project:read), or a project is not accessible.", ctx.organization);
    case 'not-found':
      return t("Unknown organization '{0}' on {1}.", ctx.organization, host);
    case 'project-access':
      return t("The token cannot read a project selected in {0} of '{1}' on {2}.", `${SECTION}.${SETTING.sentryProjects}`, ctx.organization, host);
    case 'unknown-environment':
      return t("An environment in {0} does not exist in '{1}' on {2}.", `${SECTION}.${SETTING.environments}`, ctx.organization, host);
    case 'rate-limited':
      return t('{0} is rate-limiting requests; try again in a minute.', host);
    case 'server':
      return t('{0} had a server error; try again later.', host);
    case 'query-timeout':
      return t('{0} timed out on the query; try a shorter period or fewer projects.', host);
    case 'network':
      return t('Cannot reach {0}: check the URL and the proxy settings.', host);
    case 'timeout':
      return t('{0} did not answer in time ({1}).', host, `${SECTION}.${SETTING.requestTimeoutSeconds}`);
    case 'invalid-response':
      return t('{0} did not answer as a Sentry server does: check the base URL.', host);
    case 'cancelled':
      return t('The request was cancelled.');
    default:
      return t('The request to {0} failed.', host);
  }
}

function fixFor(kind: ApiErrorKind | null): Pick<StoreError, 'fixCommand' | 'fixTitle'> {
  switch (kind) {
    case 'unknown-environment':
      return fixWith(COMMAND.selectEnvironment);
    case 'project-access':
      return fixWith(COMMAND.selectProjects);
    case 'auth':
    case 'permission':
    case 'not-found':
      return fixWith(COMMAND.connect);
    case 'network':
    case 'invalid-response':
    case 'bad-request':
    case 'config':
    case 'query-timeout':
      return fixWith(COMMAND.openSettings);
    default:
      return retryFix();
  }
}

export function describeApiError(err: unknown, ctx: ConnectionContext): StoreError {
  const kind = apiErrorKind(err);
  const own = err instanceof Error ? err.message.trim() : '';
  const message = own !== '' ? (kind === null ? t('Sentry request failed: {0}', own) : own) : fallback(kind, ctx);
  return { message, ...fixFor(kind) };
}
