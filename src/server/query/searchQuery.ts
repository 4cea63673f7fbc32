// The `query` parameter of the sessions endpoint: Sentry search syntax restricted to what the
// sessions backend accepts (release, environment, project, session.status), with implicit AND,
// `AND`/`OR`, parentheses, negation `!key:value`, quoted values and `key:[a, "b c"]` lists.
// Unknown keys (and free text, which Sentry reads as `message`) -> `Invalid search filter: <key>`;
// wildcards -> `Invalid condition: wildcard search is not supported`.
import { badRequest } from '../http/httpErrors';
import { SESSION_STATUSES, type SessionStatusName } from './sessionFields';

export interface Term {
  key: string;
  negated: boolean;
  values: string[];
  list: boolean;
}

export type Expr = { kind: 'term'; term: Term } | { kind: 'and' | 'or'; items: Expr[] };

export interface SeriesIdentity {
  projectId: number;
  projectSlug: string;
  release: string;
  environment: string;
}

const ALLOWED_KEYS = new Set(['release', 'environment', 'project', 'session.status']);

type Token = { kind: '(' | ')' | 'AND' | 'OR' } | { kind: 'term'; term: Term; wildcard: boolean };

function parseError(text: string, at: number): Error {
  return badRequest(`Parse error at '${text.slice(at, at + 10)}' (column ${at + 1}). This is commonly caused by unmatched parentheses. Enclose any text in double quotes.`);
}

function readQuoted(text: string, i: number): [string, number] {
  // text[i] is the opening quote. Sentry's grammar knows one escape only, `\"` (quoted_value,
  // then .replace('\\"', '"')): any other backslash is itself.
  let out = '';
  let j = i + 1;
  while (j < text.length && text[j] !== '"') {
    if (text[j] === '\\' && text[j + 1] === '"') j++;
    out += text[j++];
  }
  if (j >= text.length) throw parseError(text, i);
  return [out, j + 1];
}

function readBare(text: string, i: number): [string, number] {
  let j = i;
  while (j < text.length && !/[\s()]/.test(text[j])) j++;
  return [text.slice(i, j), j];
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch });
      i++;
      continue;
    }
    const rest = text.slice(i);
    const op = /^(AND|OR)(?=[\s()]|$)/.exec(rest);
    if (op) {
      tokens.push({ kind: op[1] as 'AND' | 'OR' });
      i += op[1].length;
      continue;
    }
    const filter = /^(!?)([A-Za-z0-9_.\-]+):/.exec(rest);
    if (filter && i + filter[0].length <= text.length) {
      const negated = filter[1] === '!';
      const key = filter[2];
      let j = i + filter[0].length;
      let values: string[];
      let list = false;
      let wildcard = false;
      if (text[j] === '"') {
        const [v, next] = readQuoted(text, j);
        values = [v];
        wildcard = v.includes('*');
        j = next;
      } else if (text[j] === '[') {
        list = true;
        values = [];
        j++;
        for (;;) {
          while (j < text.length && /\s/.test(text[j])) j++;
          if (j >= text.length) throw parseError(text, i);
          let v: string;
          if (text[j] === '"') [v, j] = readQuoted(text, j);
          else {
            const start = j;
            while (j < text.length && !/[,\]]/.test(text[j])) j++;
            v = text.slice(start, j).trim();
          }
          if (v.includes('*')) wildcard = true;
          values.push(v);
          while (j < text.length && /\s/.test(text[j])) j++;
          if (text[j] === ',') {
            j++;
            continue;
          }
          if (text[j] === ']') {
            j++;
            break;
          }
          throw parseError(text, i);
        }
      } else {
        const [v, next] = readBare(text, j);
        values = [v];
        wildcard = v.includes('*');
        j = next;
      }
      tokens.push({ kind: 'term', term: { key, negated, values, list }, wildcard });
      i = j;
      continue;
    }
    // Free text: Sentry searches it in `message`, a key the sessions backend does not have.
    let value: string;
    if (ch === '"') [value, i] = readQuoted(text, i);
    else [value, i] = readBare(text, i);
    tokens.push({ kind: 'term', term: { key: 'message', negated: false, values: [value], list: false }, wildcard: false });
  }
  return tokens;
}

/** Parentheses nested deeper than this are refused (the parser, matcher and checks recurse). */
export const MAX_NESTING = 100;

/** Parses and validates a query; null for an empty one. */
export function parseSearchQuery(text: string): Expr | null {
  const tokens = tokenize(text);
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === '(' && ++depth > MAX_NESTING) throw badRequest(`Parse error: parentheses nested more than ${MAX_NESTING} deep`);
    if (t.kind === ')') depth--;
  }
  let pos = 0;
  const parseOr = (): Expr => {
    const items = [parseAnd()];
    while (tokens[pos]?.kind === 'OR') {
      pos++;
      items.push(parseAnd());
    }
    return items.length === 1 ? items[0] : { kind: 'or', items };
  };
  const parseAnd = (): Expr => {
    const items: Expr[] = [];
    for (;;) {
      const t = tokens[pos];
      if (t === undefined || t.kind === ')' || t.kind === 'OR') break;
      if (t.kind === 'AND') {
        pos++;
        continue;
      }
      if (t.kind === '(') {
        pos++;
        items.push(parseOr());
        if (tokens[pos]?.kind !== ')') throw parseError(text, text.length);
        pos++;
        continue;
      }
      if (t.kind === 'term') items.push({ kind: 'term', term: t.term });
      pos++;
    }
    if (items.length === 0) throw parseError(text, 0);
    return items.length === 1 ? items[0] : { kind: 'and', items };
  };
  if (tokens.length === 0) return null;
  const expr = parseOr();
  if (pos < tokens.length) throw parseError(text, 0);
  // Sentry resolves every key first, then refuses wildcards.
  for (const t of tokens) if (t.kind === 'term' && !ALLOWED_KEYS.has(t.term.key)) throw badRequest(`Invalid search filter: ${t.term.key}`);
  if (tokens.some((t) => t.kind === 'term' && t.wildcard)) throw badRequest('Invalid condition: wildcard search is not supported');
  return expr;
}

function mentionsStatus(e: Expr): boolean {
  return e.kind === 'term' ? e.term.key === 'session.status' : e.items.some(mentionsStatus);
}

function intersect(a: Set<SessionStatusName> | null, b: Set<SessionStatusName>): Set<SessionStatusName> {
  if (a === null) return b;
  const out = new Set<SessionStatusName>();
  for (const s of a) if (b.has(s)) out.add(s);
  return out;
}

function statusSet(values: string[]): Set<SessionStatusName> {
  return new Set(SESSION_STATUSES.filter((s) => values.includes(s)));
}

/**
 * Splits the top-level AND into the session.status filter (Sentry's
 * _extract_status_filter_from_conditions) and the rest; session.status anywhere else is refused.
 */
export function extractStatusFilter(expr: Expr | null): { where: Expr | null; statuses: Set<SessionStatusName> | null } {
  if (expr === null) return { where: null, statuses: null };
  const conditions = expr.kind === 'and' ? expr.items : [expr];
  const where: Expr[] = [];
  let statuses: Set<SessionStatusName> | null = null;
  for (const c of conditions) {
    if (c.kind === 'term' && c.term.key === 'session.status') {
      const named = statusSet(c.term.values);
      const set: Set<SessionStatusName> = c.term.negated ? new Set(SESSION_STATUSES.filter((s) => !named.has(s))) : named;
      statuses = intersect(statuses, set);
      continue;
    }
    if (mentionsStatus(c)) throw badRequest('Unable to parse condition with session.status');
    where.push(c);
  }
  return { where: where.length === 0 ? null : where.length === 1 ? where[0] : { kind: 'and', items: where }, statuses };
}

/** Slugs a query's `project:` terms name, for checking them against the selected projects. */
export function projectSlugs(expr: Expr | null): string[] {
  if (expr === null) return [];
  if (expr.kind === 'term') return expr.term.key === 'project' ? expr.term.values : [];
  return expr.items.flatMap(projectSlugs);
}

export function matches(expr: Expr | null, s: SeriesIdentity): boolean {
  if (expr === null) return true;
  if (expr.kind !== 'term') return expr.kind === 'and' ? expr.items.every((e) => matches(e, s)) : expr.items.some((e) => matches(e, s));
  const { key, negated, values } = expr.term;
  const actual = key === 'release' ? s.release : key === 'environment' ? s.environment : key === 'project' ? s.projectSlug : null;
  if (actual === null) return true;
  const hit = values.includes(actual);
  return negated ? !hit : hit;
}
