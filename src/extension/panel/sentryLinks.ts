// Links into Sentry's web UI for a release, on the host the user configured.

/** `<base>/organizations/<org>/releases/<version>/`; null when the base is not a web URL. */
export function sentryReleaseUrl(baseUrl: string, organization: string, release: string): string | null {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return null;
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') return null;
  const root = base.href.replace(/\/+$/, '');
  return `${root}/organizations/${encodeURIComponent(organization)}/releases/${encodeURIComponent(release)}/`;
}
