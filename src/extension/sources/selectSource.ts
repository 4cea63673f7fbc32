// Picks the source the settings name. Sources are created once and kept: the demo source keeps
// its generated data between loads.
import type { ReleaseHealthSettings } from '../settings';
import { cacheKeyOf } from '../store/cacheKey';
import type { HealthSource, SourceSelection } from '../store/healthSource';
import type { SourceKind } from '../store/storeTypes';

export function sourceSelector(sources: Record<SourceKind, HealthSource>) {
  return (settings: ReleaseHealthSettings): SourceSelection | null =>
    settings.source === null ? null : { source: sources[settings.source], cacheKey: cacheKeyOf(settings) };
}
