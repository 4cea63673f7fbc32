// The one builder of links into Sentry's web UI for a release, on the host the user configured.

/**
 * `<base>/organizations/<org>/releases/<version>/?project=<id>` (the project query when its
 * numeric id is known, as Sentry's own links carry it); null when the base is not a web URL.
 */
export function sentryReleaseUrl(baseUrl: string, organization: string, release: string, projectId?: string | null): string | null {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return null;
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') return null;
  const root = base.href.replace(/\/+$/, '');
  const page = `${root}/organizations/${encodeURIComponent(organization)}/releases/${encodeURIComponent(release)}/`;
  return projectId ? `${page}?project=${encodeURIComponent(projectId)}` : page;
}
