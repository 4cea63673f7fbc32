// The one place a Sentry connection is put together: where and who (from the settings, or from
// the values "Connect to Sentry…" is checking) plus how (proxy, timeout: always the settings).
import type { ReleaseHealthSettings } from '../settings';
import type { SentryConnection } from './sentryClient';

export function sentryConnection(settings: ReleaseHealthSettings, target: { url: string; organization: string; token: string }): SentryConnection {
  return {
    url: target.url,
    organization: target.organization,
    token: target.token,
    proxy: settings.proxy,
    timeoutSeconds: settings.requestTimeoutSeconds,
  };
}
