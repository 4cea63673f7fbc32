// Which of the organization's projects can be picked. Sentry lists every project of the
// organization, with `hasAccess: false` on those the token's user cannot read; asking the
// sessions API for one of those is a 403 on every refresh, so they are left out of the pick.
import type { SentryProject } from './sentryClient';

/** The projects whose data the token can read. */
export function readableProjects(projects: SentryProject[]): SentryProject[] {
  return projects.filter((p) => p.hasAccess !== false);
}

/** The placeholder of the project pick, saying how many projects are left out. */
export function projectPickPlaceholder(listed: number, readable: number): string {
  const hidden = listed - readable;
  const note = hidden > 0 ? `; ${hidden} you have no access to ${hidden === 1 ? 'is' : 'are'} not listed` : '';
  return `Projects to show (pick none for every project)${note}`;
}
