// URLs of the configured Sentry host: validating the base URL the user types. (The release
// page "Open in Sentry" goes to is built by src/present/sentryLinks.ts.)

/** An error message for the input box, or null when the URL is usable. */
export function validateBaseUrl(text: string): string | null {
  const value = text.trim();
  if (value === '') return 'Enter the base URL of your Sentry, e.g. https://sentry.io';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Not a URL: enter it with its scheme, e.g. https://sentry.example.com';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an http:// or https:// URL';
  if (url.search !== '' || url.hash !== '') return 'Enter the base URL only, without ? or #';
  if (url.username !== '' || url.password !== '') return 'Leave credentials out of the URL: the token is asked next';
  return null;
}

export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/** Organization slugs: lowercase letters, digits, dashes and underscores. */
export function validateOrganization(text: string): string | null {
  const v = text.trim();
  if (v === '') return 'Enter the organization slug (from the URL of your Sentry organization)';
  if (!/^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/.test(v)) return 'An organization slug has only letters, digits, dashes and underscores';
  return null;
}
