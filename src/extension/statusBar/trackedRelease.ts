// Which release the status bar follows: the pinned one ("Track in Status Bar" or the
// `releaseHealth.release` setting), else the newest release with health data of the first project.
import type { ReleaseHealth } from '../../health/types';
import { projectOrder, releasesOf } from '../../present/releaseOrder';

export type TrackedRelease =
  | { kind: 'release'; release: ReleaseHealth; pinned: boolean }
  /** Pinned, but not in the data. */
  | { kind: 'missing'; version: string }
  | { kind: 'none' };

/**
 * @param pinned a version; when several projects have it, the first project in tree order wins,
 *   preferring one with health data.
 */
export function chooseTrackedRelease(
  releases: readonly ReleaseHealth[],
  pinned: string | null,
  configuredProjects: readonly string[] = [],
): TrackedRelease {
  const projects = projectOrder(releases, configuredProjects);
  if (pinned !== null) {
    const matches = projects.flatMap((p) => releasesOf(releases, p)).filter((r) => r.release === pinned);
    const best = matches.find((r) => r.hasHealthData) ?? matches[0];
    return best ? { kind: 'release', release: best, pinned: true } : { kind: 'missing', version: pinned };
  }
  for (const p of projects.slice(0, 1)) {
    const newest = releasesOf(releases, p).find((r) => r.hasHealthData);
    if (newest) return { kind: 'release', release: newest, pinned: false };
  }
  return { kind: 'none' };
}
