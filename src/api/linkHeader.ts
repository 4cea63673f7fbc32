// Sentry's cursor pagination (https://docs.sentry.io/api/pagination/): a `Link` header with
// two entries, `<url>; rel="previous"; results="false"; cursor="0:0:1", <url>; rel="next";
// results="true"; cursor="0:100:0"`. Follow `next` while `results="true"`.

export interface LinkEntry {
  url: string;
  rel: string;
  /** null when the entry has no `results` attribute. */
  results: boolean | null;
  cursor: string | null;
}

export function parseLinkHeader(header: string | string[] | undefined | null): LinkEntry[] {
  if (!header) return [];
  const text = Array.isArray(header) ? header.join(', ') : header;
  const out: LinkEntry[] = [];
  // Entries are `<...>` followed by `; key="value"` parameters; commas inside <> or quotes do not split.
  const re = /<([^>]*)>((?:\s*;\s*[A-Za-z_-]+\s*=\s*(?:"[^"]*"|[^;,]*))*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const params = new Map<string, string>();
    const pre = /;\s*([A-Za-z_-]+)\s*=\s*(?:"([^"]*)"|([^;,]*))/g;
    let p: RegExpExecArray | null;
    while ((p = pre.exec(m[2])) !== null) params.set(p[1].toLowerCase(), (p[2] ?? p[3] ?? '').trim());
    const results = params.get('results');
    let cursor = params.get('cursor') ?? null;
    if (cursor === null) {
      try {
        cursor = new URL(m[1], 'http://link.invalid').searchParams.get('cursor');
      } catch {
        cursor = null;
      }
    }
    out.push({
      url: m[1],
      rel: (params.get('rel') ?? '').toLowerCase(),
      results: results === undefined ? null : results.toLowerCase() === 'true',
      cursor,
    });
  }
  return out;
}

/**
 * The cursor of the next page, or null when there is none. Only the cursor is taken from the
 * link, never its URL: the next request goes to the configured host with our own parameters,
 * so a link pointing elsewhere can never receive the token.
 */
export function nextCursor(header: string | string[] | undefined | null): string | null {
  const next = parseLinkHeader(header).find((l) => l.rel === 'next');
  if (!next || next.results === false || !next.cursor) return null;
  return next.cursor;
}
