// Finding the releases an agent names, with errors that list what exists instead.
import type { ReleaseHealth } from '../health/types';
import { AgentToolError } from './agentToolError';
import { quoted } from './agentText';

const LISTED = 10;

export interface ReleaseFilter {
  project?: string;
  release?: string;
}

function listOf(names: string[]): string {
  const shown = names.slice(0, LISTED).map(quoted).join(', ');
  return names.length > LISTED ? `${shown} and ${names.length - LISTED} more` : shown;
}

/** The releases of the project (all projects when none is named). Unknown project: an error. */
export function releasesOfProject(releases: readonly ReleaseHealth[], project: string | undefined): ReleaseHealth[] {
  if (project === undefined) return [...releases];
  const found = releases.filter((r) => r.project === project);
  if (found.length === 0) {
    const projects = [...new Set(releases.map((r) => r.project))].sort();
    throw new AgentToolError(
      projects.length === 0
        ? `Unknown project ${quoted(project)}: the source has no releases at all.`
        : `Unknown project ${quoted(project)}. Known projects: ${listOf(projects)}.`,
    );
  }
  return found;
}

/** Releases matching the filter (every release of every project when it names nothing). */
export function findReleases(releases: readonly ReleaseHealth[], filter: ReleaseFilter): ReleaseHealth[] {
  const inProject = releasesOfProject(releases, filter.project);
  if (filter.release === undefined) return inProject;
  const found = inProject.filter((r) => r.release === filter.release);
  if (found.length === 0) throw unknownRelease(inProject, filter);
  return found;
}

/** Exactly one release: the version, in the named project or the only project that has it. */
export function findOneRelease(releases: readonly ReleaseHealth[], release: string, project?: string): ReleaseHealth {
  const found = findReleases(releases, { project, release });
  if (found.length > 1) {
    throw new AgentToolError(
      `Release ${quoted(release)} exists in several projects (${listOf(found.map((r) => r.project))}): name the project.`,
    );
  }
  return found[0];
}

function unknownRelease(candidates: ReleaseHealth[], filter: ReleaseFilter): AgentToolError {
  const where = filter.project === undefined ? '' : ` in project ${quoted(filter.project)}`;
  const withData = candidates.filter((r) => r.hasHealthData).map((r) => r.release);
  const names = [...new Set(withData.length > 0 ? withData : candidates.map((r) => r.release))];
  return new AgentToolError(
    names.length === 0
      ? `Unknown release ${quoted(filter.release!)}${where}: there are no releases.`
      : `Unknown release ${quoted(filter.release!)}${where}. Releases${withData.length > 0 ? ' with health data' : ''}: ${listOf(names)}.`,
  );
}
