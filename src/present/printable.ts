// Release names and file lines come from SDKs and users: control characters (a newline in a
// release name, an escape sequence) would break a one-line label or corrupt a terminal, and bidi
// controls (embeddings, overrides, isolates, marks) would reorder what a label shows. Invisible
// characters (zero-width space and joiners, word joiner, BOM, soft hyphen) would make `1.0` and
// `1.0\u200b` look like one release.

/** Control, line-separator, bidi control and invisible characters as visible `\uXXXX` escapes. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The widest a table cell may be (the JSON output keeps every name whole). */
export const MAX_CELL_CHARS = 80;

/** Text as a terminal table shows it: escaped, and cut so one huge name cannot pad every row. */
export function printableCell(text: string, maxChars = MAX_CELL_CHARS): string {
  const chars = [...printable(text)];
  return chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join('')}…` : chars.join('');
}
