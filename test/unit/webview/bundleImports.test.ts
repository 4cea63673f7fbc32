// The webview bundle runs in the browser: it may import shared types, src/present and uPlot,
// never vscode, Node modules or the store.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const src = path.join(__dirname, '../../../src');

function importsOf(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const file of fs.readdirSync(path.join(src, dir)).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(src, dir, file), 'utf8');
    for (const m of source.matchAll(/(?:from|import)\s+'([^']+)'/g)) out.push([`${dir}/${file}`, m[1]]);
  }
  return out;
}

describe('webview bundle imports', () => {
  it('imports only its own modules, src/present, the shared health types and uplot', () => {
    const found = importsOf('webview');
    assert.ok(found.length > 20);
    for (const [file, spec] of found) {
      assert.ok(/^\.\/\w+$/.test(spec) || /^\.\.\/present\/\w+$/.test(spec) || spec === '../health/types' || spec === 'uplot', `${file} imports ${spec}`);
    }
  });

  it('src/present (what a person reads) imports only itself and the shared health types: no vscode, no Node', () => {
    const found = importsOf('present');
    assert.ok(found.length > 5);
    // @vscode/l10n (its browser build in the webview bundle) only behind present/localize.ts.
    const allowed = (file: string, spec: string) => /^\.\/\w+$/.test(spec) || spec === '../health/types' || (file === 'present/localize.ts' && spec === '@vscode/l10n');
    for (const [file, spec] of found) assert.ok(allowed(file, spec), `${file} imports ${spec}`);
  });

  it('the built webview bundle pulls in no Node module', function () {
    const bundle = path.join(__dirname, '../../../dist/webview.js');
    if (!fs.existsSync(bundle)) this.skip();
    const text = fs.readFileSync(bundle, 'utf8');
    assert.doesNotMatch(text, /require\(\s*["'](?:node:)?(?:fs|fs\/promises|path|os|child_process)["']\s*\)/);
  });

  it('keeps the vendored uPlot style sheet the same as the bundled uPlot version', () => {
    const vendored = fs.readFileSync(path.join(__dirname, '../../../media/vendor/uPlot.min.css'), 'utf8');
    const shipped = fs.readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');
    assert.equal(vendored, shipped);
  });
});
