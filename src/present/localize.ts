// What a person reads goes through `t`, with `{0}` placeholders: the same catalogue format and
// the same bundle as `vscode.l10n.t`, so the vscode-free modules the extension, the webview and
// the CLI share can be translated like the rest (English only for now; numbers stay en-US).
// The extension hands VS Code's bundle over at activation, the panel hands it to the webview.
import * as l10n from '@vscode/l10n';

export type Translations = Record<string, string>;

export const t = l10n.t;

/** Use these translations from now on (`undefined`: the English source strings). */
export function useTranslations(contents: Translations | undefined): void {
  l10n.config({ contents: contents ?? {} });
}

/** Translations handed over as JSON (the panel's `data-l10n`): only string values are kept. */
export function parseTranslations(json: string | undefined): Translations | undefined {
  if (!json) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return undefined;
  }
}
