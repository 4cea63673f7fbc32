// Which of the organization's projects can be picked. Sentry lists every project of the
// organization, with `hasAccess: false` on those the token's user cannot read; asking the
// sessions API for one of those is a 403 on every refresh, so they are left out of the pick.
import type { SentryProject } from './sentryClient';

/** The projects whose data the token can read. */
export function readableProjects(projects: SentryProject[]): SentryProject[] {
  return projects.filter((p) => p.hasAccess !== false);
}

