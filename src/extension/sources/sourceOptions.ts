// Settings → what every source (demo, file, Sentry) passes to the pipeline and shows as its
// scope, built once so the three sources cannot drift apart.
import type { OverviewOptions, UnixSeconds } from '../../health/types';
import type { ReleaseHealthSettings } from '../settings';
import type { SourceKind, SourceScope } from '../store/storeTypes';

export interface SourceOverviewOptions extends OverviewOptions {
  environments: string[];
}

export function overviewOptionsOf(settings: ReleaseHealthSettings, now: UnixSeconds): SourceOverviewOptions {
  return {
    now,
    summaryPeriod: settings.summaryPeriod,
    healthPeriod: settings.healthStatsPeriod,
    stat: settings.stat,
    thresholds: settings.thresholds,
    environments: settings.environments,
  };
}

/** The scope line of a source; a Sentry source adds where its release pages are. */
export function sourceScope(
  kind: SourceKind,
  label: string,
  settings: ReleaseHealthSettings,
  sentry?: { organization: string; sentryUrl: string; projectIds: Record<string, string> },
): SourceScope {
  return {
    kind,
    label,
    organization: sentry?.organization ?? null,
    sentryUrl: sentry?.sentryUrl ?? null,
    environments: settings.environments,
    summaryPeriod: settings.summaryPeriod,
    healthPeriod: settings.healthStatsPeriod,
    ...(sentry ? { projectIds: sentry.projectIds } : {}),
  };
}
