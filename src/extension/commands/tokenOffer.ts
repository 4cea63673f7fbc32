// Which token Connect's token box opens with. A token belongs to its host: the box offers the one
// typed earlier in this flow while the host is unchanged, else the one saved for exactly this URL
// and organization, else nothing; never a token of another host (one Enter would send it there).
import { sameHost } from '../sentry/sentryUrls';

/** The token in the box and the URL it was typed or saved for. */
export interface OfferedToken {
  token: string;
  url: string;
}

export async function tokenToOffer(
  previous: OfferedToken | null,
  url: string,
  organization: string,
  saved: (url: string, organization: string) => Promise<string | undefined>,
): Promise<OfferedToken> {
  if (previous !== null && previous.token !== '' && sameHost(previous.url, url)) return { token: previous.token, url };
  return { token: (await saved(url, organization)) ?? '', url };
}
