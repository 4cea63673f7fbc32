// Sentry's pagination pieces: `per_page` and `cursor` parsing (base.get_per_page,
// Cursor.from_string), the two paginators the endpoints use (OffsetPaginator for projects and
// releases, SessionsDataSeriesPaginator for sessions) and the `Link` header (build_cursor_link).
import { badRequest } from '../http/httpErrors';
import { pyQuotePath } from '../http/pyFormat';
import type { QueryDict } from '../http/queryDict';

export interface Cursor {
  value: number;
  offset: number;
  isPrev: boolean;
  /** Whether following it yields results (`results="true"`). */
  hasResults: boolean;
}

export function cursorText(c: Cursor): string {
  return `${c.value}:${c.offset}:${c.isPrev ? 1 : 0}`;
}

/** `Cursor.from_string`: `value:offset:is_prev`; anything else is 400 `Invalid cursor parameter.` */
export function parseCursor(text: string | undefined): Cursor | null {
  if (text === undefined || text === '') return null;
  const bits = text.split(':');
  const int = /^\s*[+-]?\d+\s*$/;
  const float = /^\s*[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?\s*$/;
  if (bits.length !== 3 || !(bits[0].includes('.') ? float : int).test(bits[0]) || !int.test(bits[1]) || !int.test(bits[2])) {
    throw badRequest('Invalid cursor parameter.');
  }
  return { value: Number(bits[0]), offset: Number(bits[1]), isPrev: Number(bits[2]) !== 0, hasResults: false };
}

/**
 * `get_per_page`. Deviation: Sentry lets `per_page=0` through (and then fails or loops);
 * here anything below 1 is `Invalid per_page parameter.`
 */
export function parsePerPage(q: QueryDict, defaultPerPage: number, maxPerPage: number): number {
  const raw = q.get('per_page');
  if (raw === undefined) return defaultPerPage;
  if (!/^\s*[+-]?\d+\s*$/.test(raw) || Number(raw) < 1) throw badRequest('Invalid per_page parameter.');
  const perPage = Number(raw);
  const max = Math.max(maxPerPage, defaultPerPage);
  if (perPage > max) throw badRequest(`Invalid per_page value. Cannot exceed ${max}.`);
  return perPage;
}

export interface Page<T> {
  results: T[];
  prev: Cursor;
  next: Cursor;
}

/** Sentry's OffsetPaginator: the cursor is `limit:page:is_prev`. */
export function offsetPaginate<T>(items: readonly T[], limit: number, cursor: Cursor | null): Page<T> {
  const c = cursor ?? { value: 0, offset: 0, isPrev: false, hasResults: false };
  const page = c.offset;
  const offset = c.offset * c.value;
  if (offset < 0) throw badRequest('Pagination offset cannot be negative');
  const stop = offset + (c.value || limit) + 1;
  let results = items.slice(offset, stop);
  if (c.value !== limit) results = results.slice(-(limit + 1));
  return {
    results: results.slice(0, limit),
    next: { value: limit, offset: page + 1, isPrev: false, hasResults: results.length > limit },
    prev: { value: limit, offset: page - 1, isPrev: true, hasResults: page > 0 },
  };
}

/**
 * The `Link` header: previous then next, each
 * `<{uri}&cursor={cursor}>; rel="{name}"; results="{true|false}"; cursor="{cursor}"`, where uri is
 * the absolute path and the request's query (without `cursor`) as Django's urlencode writes it.
 */
export function linkHeader(origin: string, path: string, q: QueryDict, prev: Cursor, next: Cursor): string {
  const query = q.urlencode(['cursor']);
  const base = `${origin}${pyQuotePath(path)}?${query}`;
  const link = (name: string, c: Cursor): string =>
    `<${base}&cursor=${cursorText(c)}>; rel="${name}"; results="${c.hasResults}"; cursor="${cursorText(c)}"`;
  return `${link('previous', prev)}, ${link('next', next)}`;
}
