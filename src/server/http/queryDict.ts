// Query parameters as Django's QueryDict holds them: every key keeps all its values in order,
// `get` answers the LAST value (as Django does), and `urlencode` writes keys in first-seen order
// with their values grouped (what Sentry's Link headers contain).
import { pyQuotePlus } from './pyFormat';

export class QueryDict {
  private readonly values = new Map<string, string[]>();

  constructor(search: string) {
    const text = search.startsWith('?') ? search.slice(1) : search;
    if (text === '') return;
    for (const part of text.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const rawKey = eq < 0 ? part : part.slice(0, eq);
      const rawValue = eq < 0 ? '' : part.slice(eq + 1);
      const key = decode(rawKey);
      const list = this.values.get(key);
      if (list) list.push(decode(rawValue));
      else this.values.set(key, [decode(rawValue)]);
    }
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  /** Last value, as Django's QueryDict.get. */
  get(key: string): string | undefined {
    const list = this.values.get(key);
    return list === undefined ? undefined : list[list.length - 1];
  }

  getList(key: string): string[] {
    return this.values.get(key)?.slice() ?? [];
  }

  /** Django's `QueryDict.urlencode()` without the given keys. */
  urlencode(without: string[] = []): string {
    const out: string[] = [];
    for (const [key, list] of this.values) {
      if (without.includes(key)) continue;
      for (const v of list) out.push(`${pyQuotePlus(key)}=${pyQuotePlus(v)}`);
    }
    return out.join('&');
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
