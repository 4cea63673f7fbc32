// The store caches one result per (source, source settings, environments, periods, stat).
// Thresholds are not part of the key: they only change health status, recomputed in place.
import type { ReleaseHealthSettings } from '../settings';

export function cacheKeyOf(s: ReleaseHealthSettings): string {
  const sourcePart =
    s.source === 'sentry' ? [s.sentry.url, s.sentry.organization, [...s.sentry.projects].sort()]
    : s.source === 'file' ? [s.filePath]
    : [];
  return JSON.stringify([
    s.source, sourcePart, [...s.environments].sort(), s.summaryPeriod, s.healthStatsPeriod, s.stat,
    s.source === 'sentry' ? [s.requestTimeoutSeconds, s.proxy.url, s.proxy.strictSSL] : [],
  ]);
}
