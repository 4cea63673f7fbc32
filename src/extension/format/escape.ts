// Release names come from SDKs and users: they must render as the characters they are, never as
// Markdown, HTML or `$(icon)` syntax.

/** Backslash-escapes everything Markdown (CommonMark) or VS Code's icon syntax could interpret. */
export function escapeMarkdown(text: string): string {
  return printable(text).replace(/[\\`*_{}[\]()#+\-.!|<>~&$:"'=]/g, '\\$&');
}

/** For `$(icon)` labels (status bar text): `\$(` shows as `$(`. */
export function escapeIcons(text: string): string {
  return printable(text).replace(/\$\(/g, '\\$(');
}

/** Control characters (a newline in a release name) would break a one-line label. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
