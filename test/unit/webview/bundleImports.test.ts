// The webview bundle runs in the browser: it may import shared types and uPlot, never vscode,
// Node modules or the store.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const dir = path.join(__dirname, '../../../src/webview');

describe('webview bundle imports', () => {
  it('imports only its own modules, the shared health types and uplot', () => {
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/from\s+'([^']+)'/g)) {
        const spec = m[1];
        assert.ok(/^\.\/[\w]+$/.test(spec) || spec === '../health/types' || spec === 'uplot', `${file} imports ${spec}`);
      }
    }
  });

  it('keeps the vendored uPlot style sheet the same as the bundled uPlot version', () => {
    const vendored = fs.readFileSync(path.join(__dirname, '../../../media/vendor/uPlot.min.css'), 'utf8');
    const shipped = fs.readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');
    assert.equal(vendored, shipped);
  });
});
