// Follows Sentry's Link-header cursors: `rel="next"` while `results="true"`. Each page is
// requested from the configured host with our own parameters plus the link's cursor.
import type { z } from 'zod';
import { SentryApiError } from './errors';
import { nextCursor } from './linkHeader';
import { parseBody } from './schemas';
import type { QueryParams, SentryHttp } from './sentryHttp';

/** Far above any real listing (100 pages of 100 releases = 10 000); stops a server that never ends. */
export const MAX_PAGES = 500;

export interface LinkedPages<T> {
  pages: T[];
  /** Whether the server sent a Link header at all: an older Sentry that ignores per_page sends none. */
  linked: boolean;
}

export async function fetchPages<S extends z.ZodType>(
  http: SentryHttp,
  path: string,
  params: QueryParams,
  schema: S,
  maxPages = MAX_PAGES,
): Promise<Array<z.infer<S>>> {
  return (await fetchLinkedPages(http, path, params, schema, maxPages)).pages;
}

export async function fetchLinkedPages<S extends z.ZodType>(
  http: SentryHttp,
  path: string,
  params: QueryParams,
  schema: S,
  maxPages = MAX_PAGES,
): Promise<LinkedPages<z.infer<S>>> {
  const endpoint = http.endpoint(path);
  const pages: Array<z.infer<S>> = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  let linked = false;
  for (;;) {
    const res = await http.get(path, cursor === null ? params : [...params, ['cursor', cursor]]);
    pages.push(parseBody(schema, res.body, endpoint, http.host));
    if (res.link) linked = true;
    const next = nextCursor(res.link);
    if (next === null) return { pages, linked };
    if (seen.has(next)) return { pages, linked }; // a server repeating a cursor would loop forever
    seen.add(next);
    if (pages.length >= maxPages) {
      throw new SentryApiError(`${http.host} kept paginating ${endpoint} past ${maxPages} pages; stopped.`, { kind: 'invalid-response', endpoint });
    }
    cursor = next;
  }
}

/** All items of a paginated listing. */
export async function fetchAll<S extends z.ZodType<unknown[]>>(http: SentryHttp, path: string, params: QueryParams, schema: S): Promise<z.infer<S>> {
  const pages = await fetchPages(http, path, params, schema);
  return pages.flat() as z.infer<S>;
}
