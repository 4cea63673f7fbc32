// Which release the status bar follows: the pinned one ("Track in Status Bar" or the
// `releaseHealth.release` setting), else the workspace's release (the one holding git HEAD),
// else the newest release with health data of the first project.
import type { ReleaseHealth } from '../../health/types';
import { projectOrder, releasesOf } from '../../present/releaseOrder';

export type TrackedRelease =
  /** `workspace`: the mark ("this workspace", "HEAD +3") when it follows the workspace's release. */
  | { kind: 'release'; release: ReleaseHealth; pinned: boolean; workspace?: string }
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
  workspace: { project: string; release: string; mark: string } | null = null,
): TrackedRelease {
  const projects = projectOrder(releases, configuredProjects);
  if (pinned !== null) {
    const matches = projects.flatMap((p) => releasesOf(releases, p)).filter((r) => r.release === pinned);
    const best = matches.find((r) => r.hasHealthData) ?? matches[0];
    return best ? { kind: 'release', release: best, pinned: true } : { kind: 'missing', version: pinned };
  }
  if (workspace !== null) {
    const r = releases.find((x) => x.project === workspace.project && x.release === workspace.release);
    if (r) return { kind: 'release', release: r, pinned: false, workspace: workspace.mark };
  }
  for (const p of projects.slice(0, 1)) {
    const newest = releasesOf(releases, p).find((r) => r.hasHealthData);
    if (newest) return { kind: 'release', release: newest, pinned: false };
  }
  return { kind: 'none' };
}
