// Release names and file lines come from SDKs and users: control characters (a newline in a
// release name, an escape sequence) would break a one-line label or corrupt a terminal.

/** Control and line-separator characters as visible `\uXXXX` escapes. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
