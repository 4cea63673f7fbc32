// Which project a comparison is in: the named one, or the only one holding both releases.
// A release that is not there is an error that names the releases that are.

/** What identifies a release, in an overview's output or in its input. */
export interface ReleaseRef {
  project: string;
  release: string;
}

export class ComparisonError extends Error {}

function knownReleases(releases: readonly ReleaseRef[], project?: string): string {
  const names = [...new Set(releases.filter((r) => project === undefined || r.project === project).map((r) => r.release))];
  return names.length === 0 ? 'none' : names.slice(0, 10).join(', ') + (names.length > 10 ? ', …' : '');
}

/** The project holding both releases (the named one, or the only one that has both). */
export function resolveComparedProject(releases: readonly ReleaseRef[], base: string, candidate: string, project?: string): string {
  const has = (p: string, v: string) => releases.some((r) => r.project === p && r.release === v);
  if (project !== undefined) {
    for (const v of [base, candidate]) {
      if (!has(project, v)) throw new ComparisonError(`release '${v}' is not in project '${project}' (its releases: ${knownReleases(releases, project)})`);
    }
    return project;
  }
  const projects = [...new Set(releases.map((r) => r.project))].filter((p) => has(p, base) && has(p, candidate));
  if (projects.length === 1) return projects[0];
  if (projects.length > 1) throw new ComparisonError(`both releases are in projects ${projects.join(', ')}: name one with --project`);
  for (const v of [base, candidate]) {
    if (!releases.some((r) => r.release === v)) throw new ComparisonError(`release '${v}' is not in the data (releases seen: ${knownReleases(releases)})`);
  }
  throw new ComparisonError(`releases '${base}' and '${candidate}' are in different projects; a comparison is within one project`);
}
