// The messages the sources pass to `t('…')` (src/present/localize) and `vscode.l10n.t('…')`: the
// catalogue a translator starts from (l10n/bundle.l10n.json, `npm run l10n`), and the pseudo-
// localisation test's list. Both forms take literal strings with {0} places, never templates
// (test/unit/extension/l10n.test.ts holds the sources to that).
import * as fs from 'fs';
import * as path from 'path';

const CALL = /(?<![\w.])(?:t|vscode\.l10n\.t)\(\s*(?:'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)")/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every message under `srcDir`, sorted. */
export function messagesInSources(srcDir: string): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(srcDir)) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(CALL)) found.add((m[1] ?? m[2]).replace(/\\(.)/g, '$1'));
  }
  return [...found].sort();
}

/** The English bundle: each message is its own translation, as `@vscode/l10n-dev export` writes it. */
export function englishBundle(srcDir: string): string {
  return `${JSON.stringify(Object.fromEntries(messagesInSources(srcDir).map((m) => [m, m])), null, 2)}\n`;
}

if (require.main === module) {
  const root = path.join(__dirname, '../..');
  const out = path.join(root, 'l10n', 'bundle.l10n.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, englishBundle(path.join(root, 'src')));
  console.log(`${path.relative(root, out)}: ${messagesInSources(path.join(root, 'src')).length} messages`);
}
