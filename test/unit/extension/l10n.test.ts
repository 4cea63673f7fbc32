// The extension's own texts go through vscode.l10n.t (English only for now), so a language pack
// can translate them. A static check over every module that imports `vscode`: no literal text
// in a message, title, prompt or placeholder.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '../../../src');

function vscodeModules(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...vscodeModules(p));
    else if (e.name.endsWith('.ts') && /from 'vscode'/.test(fs.readFileSync(p, 'utf8'))) out.push(p);
  }
  return out;
}

function allModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? allModules(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

const LITERAL = `(?:'[^']*[A-Za-z][^']*'|\`[^\`]*[A-Za-z][^\`]*\`|"[^"]*[A-Za-z][^"]*")`;
const RULES: RegExp[] = [
  new RegExp(`show(?:Information|Error|Warning)Message\\(\\s*${LITERAL}`),
  new RegExp(`setStatusBarMessage\\(\\s*${LITERAL}`),
  new RegExp(`\\b(?:title|prompt|placeHolder|placeholder|tooltip|name)\\s*[:=]\\s*${LITERAL}`),
  new RegExp(`withRequestProgress\\(\\s*${LITERAL}`),
  new RegExp(`releaseFor\\([^)]*,\\s*${LITERAL}\\)`),
];

describe('extension: texts through vscode.l10n.t', () => {
  const files = vscodeModules(SRC);

  it('finds the modules that import vscode', () => {
    assert.ok(files.length > 15, `${files.length} modules`);
  });

  it('no literal text in messages, titles, prompts, placeholders or tooltips', () => {
    const found: string[] = [];
    for (const file of files) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*\/\//.test(line)) return;
        for (const rule of RULES) if (rule.test(line)) found.push(`${path.relative(SRC, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(found, []);
  });

  it('uses vscode.l10n.t and present/localize\'s t with {0} placeholders, never a template literal', () => {
    const found: string[] = [];
    for (const file of allModules(SRC)) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?<![\w.])(?:t|l10n\.t)\(\s*`/g)) found.push(`${path.relative(SRC, file)} at ${m.index}`);
    }
    assert.deepEqual(found, []);
  });
});
