// The panel's HTML shell and its Content Security Policy. The page carries the host's model as
// an escaped data attribute (JSON, read with JSON.parse, never as markup), so dist/webview.js
// renders the figures as soon as it runs instead of after a ready → state round trip; later
// models arrive by message. Everything is rendered by the script as text.
import { t, type Translations } from '../../present/localize';
import type { PanelModel } from '../../webview/protocol';

export interface PanelHtmlInput {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  cspSource: string;
  nonce: string;
  /** `webview.asWebviewUri` of dist/webview.js. */
  scriptUri: string;
  /** `webview.asWebviewUri` of the style sheets, in order (uPlot's first, the panel's last). */
  styleUris: string[];
  /** The panel's release: the document title, and the key the page saves before any message. */
  key: { source: string; project: string; release: string };
  /** The model when the HTML is built: the page renders it at once (`body[data-model]`). */
  model?: PanelModel;
  /** A comparison view: the page renders the comparison of these releases instead. */
  comparison?: { source: string; project: string; base: string; candidate: string };
  /** VS Code's translations (`vscode.l10n.bundle`; none in English): the page's words use them too. */
  translations?: Translations;
}

/**
 * No remote resources and no inline code: scripts only with the nonce, styles only as files
 * from the extension (uPlot sets element.style from script, which CSSOM permits).
 */
export function buildCsp(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/** Escapes text for an HTML attribute or text node: the shell's only interpolated strings. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function buildPanelHtml(input: PanelHtmlInput): string {
  const e = escapeHtml;
  const styles = input.styleUris.map((u) => `    <link rel="stylesheet" href="${e(u)}">`).join('\n');
  const translations = input.translations && Object.keys(input.translations).length > 0 ? ` data-l10n="${e(JSON.stringify(input.translations))}"` : '';
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${e(buildCsp(input.cspSource, input.nonce))}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
    <title>${e(input.comparison ? t('Compare {0} with {1}', input.comparison.candidate, input.comparison.base) : t('Release Health: {0}', input.key.release))}</title>
  </head>
  <body data-state="loading" data-release-key="${e(JSON.stringify(input.key))}"${input.model ? ` data-model="${e(JSON.stringify(input.model))}"` : ''}${input.comparison ? ` data-view="comparison" data-comparison-key="${e(JSON.stringify(input.comparison))}"` : ''}${translations}>
    <div id="root"><p class="empty" role="status">${e(t('Loading release health…'))}</p></div>
    <script nonce="${e(input.nonce)}" src="${e(input.scriptUri)}"></script>
  </body>
</html>
`;
}
