// Markdown tooltips and `$(icon)` labels: release names must render as the characters they are,
// never as Markdown, HTML or icon syntax.
import { printable } from './printable';

/** Backslash-escapes everything Markdown (CommonMark) or VS Code's icon syntax could interpret. */
export function escapeMarkdown(text: string): string {
  return printable(text).replace(/[\\`*_{}[\]()#+\-.!|<>~&$:"'=]/g, '\\$&');
}

/** For `$(icon)` labels (status bar text, quick picks): `\$(` shows as `$(`. */
export function escapeIcons(text: string): string {
  return printable(text).replace(/\$\(/g, '\\$(');
}
