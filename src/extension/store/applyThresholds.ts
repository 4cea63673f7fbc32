// Health status is the only figure that depends on thresholds, so a thresholds change
// recomputes it on the data at hand instead of fetching again.
import { healthStatusOf } from '../../health/computeOverview';
import type { Overview, Thresholds } from '../../health/types';

export function applyThresholds(overview: Overview, thresholds: Thresholds): Overview {
  return {
    ...overview,
    releases: overview.releases.map((r) => ({
      ...r,
      healthStatus: healthStatusOf(r.totalSessions, r.crashFreeSessions, thresholds),
    })),
  };
}
