import type { ReleaseHealthSettings } from '../settings';
import type { SourceKind, SourceScope } from '../store/storeTypes';

export function rawScope(kind: SourceKind, label: string, settings: ReleaseHealthSettings): SourceScope {
  return {
    kind,
    label,
    organization: null,
    sentryUrl: null,
    environments: settings.environments,
    summaryPeriod: settings.summaryPeriod,
    healthPeriod: settings.healthStatsPeriod,
  };
}

export function rawOptions(settings: ReleaseHealthSettings, now: number) {
  return {
    now,
    summaryPeriod: settings.summaryPeriod,
    healthPeriod: settings.healthStatsPeriod,
    stat: settings.stat,
    thresholds: settings.thresholds,
    environments: settings.environments,
  };
}
