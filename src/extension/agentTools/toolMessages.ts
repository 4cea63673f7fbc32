// When a tool call needs the user's confirmation: a call for other periods or environments than
// the shown ones fetches from Sentry with the user's token. Reading the data already loaded, or a
// demo or file source, needs none.
import type { StatsPeriod } from '../../health/types';
import type { ReleaseHealthSettings } from '../settings';
import { hostOf } from '../sentry/sentryUrls';
import type { ScopeInput } from './toolInputs';

/** What a call would ask Sentry for: the confirmation names it. */
export interface SentryFetch {
  host: string;
  organization: string;
  summaryPeriod: StatsPeriod;
  environments: string[];
}

function differs(a: readonly string[], b: readonly string[]): boolean {
  return [...a].sort().join('\n') !== [...b].sort().join('\n');
}

/** The Sentry request the input needs beyond the shown data; null when it needs none. */
export function sentryFetchOf(settings: ReleaseHealthSettings, input: ScopeInput): SentryFetch | null {
  if (settings.source !== 'sentry') return null;
  const other =
    (input.summaryPeriod !== undefined && input.summaryPeriod !== settings.summaryPeriod) ||
    (input.healthStatsPeriod !== undefined && input.healthStatsPeriod !== settings.healthStatsPeriod) ||
    (input.stat !== undefined && input.stat !== settings.stat) ||
    (input.environments !== undefined && differs(input.environments, settings.environments));
  if (!other) return null;
  return {
    host: hostOf(settings.sentry.url),
    organization: settings.sentry.organization,
    summaryPeriod: input.summaryPeriod ?? settings.summaryPeriod,
    environments: input.environments ?? settings.environments,
  };
}
