// Builds the .vsix exactly as `npm run package` does and checks what it holds: the runtime
// files of the extension and nothing else (no sources, tests, source maps or node_modules).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** Lists a zip file's entries from its central directory. */
function zipEntries(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'not a zip file (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    assert.strictEqual(buf.readUInt32LE(p), 0x02014b50, 'bad central directory entry');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function readEntry(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localHeaderOffset;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return Buffer.from(data);
  assert.strictEqual(e.method, 8, `unsupported compression ${e.method} for ${e.name}`);
  return zlib.inflateRawSync(data);
}

describe('packaging: the .vsix', function () {
  this.timeout(180_000);
  let tmp: string;
  let entries: ZipEntry[];
  let zip: Buffer;
  const text = (name: string) => {
    const e = entries.find((x) => x.name === name);
    assert.ok(e, `${name} is in the vsix`);
    return readEntry(zip, e).toString('utf8');
  };

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-vsix-'));
    const out = path.join(tmp, 'release-health.vsix');
    execFileSync('npm', ['run', '--silent', 'package', '--', '--out', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    zip = fs.readFileSync(out);
    entries = zipEntries(zip);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('holds only the manifest, package.json and its package.nls.json, README, LICENSE, CHANGELOG, media/, l10n/ and the runtime bundles', () => {
    const extensionJs = text('extension/dist/extension.js');
    const allowed = (name: string): boolean => {
      if (['[Content_Types].xml', 'extension.vsixmanifest', 'extension/package.json', 'extension/package.nls.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt'].includes(name)) return true;
      if (name.startsWith('extension/media/') && !name.endsWith('.map')) return true;
      // package.json's "l10n": the message catalogue (bundle.l10n.json) and its translations.
      if (/^extension\/l10n\/bundle\.l10n(?:\.[\w-]+)?\.json$/.test(name)) return true;
      const dist = /^extension\/dist\/([^/]+\.(?:js|wasm))$/.exec(name);
      // A bundle other than the extension itself ships only when the extension loads it by name.
      return dist !== null && (dist[1] === 'extension.js' || extensionJs.includes(dist[1]));
    };
    const unexpected = entries.map((e) => e.name).filter((n) => !n.endsWith('/') && !allowed(n));
    assert.deepStrictEqual(unexpected, [], `unexpected files in the vsix: ${unexpected.join(', ')}`);
  });

  it('has what the extension needs at run time', () => {
    const names = new Set(entries.map((e) => e.name));
    for (const required of ['extension/package.json', 'extension/package.nls.json', 'extension/dist/extension.js', 'extension/dist/webview.js', 'extension/readme.md', 'extension/LICENSE.txt', 'extension/changelog.md']) {
      assert.ok(names.has(required), `${required} is missing`);
    }
    // The raw reader's WebAssembly scanner, a module that compiles and exports what wasmLineScanner.ts calls.
    const wasm = entries.find((e) => e.name === 'extension/dist/rawScanner.wasm');
    assert.ok(wasm, 'extension/dist/rawScanner.wasm is missing');
    const exported = WebAssembly.Module.exports(new WebAssembly.Module(new Uint8Array(readEntry(zip, wasm)))).map((e) => e.name);
    for (const name of ['memory', 'init', 'scan', 'consumed']) assert.ok(exported.includes(name), `rawScanner.wasm exports ${name}`);
    const pkg = JSON.parse(text('extension/package.json')) as { main: string; icon?: string; contributes?: unknown };
    assert.ok(names.has(`extension/${path.posix.normalize(pkg.main)}`), `main ${pkg.main} is packaged`);
    if (pkg.icon) assert.ok(names.has(`extension/${path.posix.normalize(pkg.icon)}`), `icon ${pkg.icon} is packaged`);
    // Every %key% package.json names has its English text in the packaged package.nls.json.
    const nls = JSON.parse(text('extension/package.nls.json')) as Record<string, string>;
    for (const m of text('extension/package.json').matchAll(/"%([^"%]+)%"/g)) assert.ok(typeof nls[m[1]] === 'string', `%${m[1]}% has a text`);
    // Every media file package.json names (view icons and the like) is packaged.
    const referenced = [...JSON.stringify(pkg.contributes ?? {}).matchAll(/"(media\/[^"]+)"/g)].map((m) => m[1]);
    for (const r of referenced) assert.ok(names.has(`extension/${r}`), `${r} (named in package.json) is packaged`);
  });

  it('is a production build: no sources, tests, source maps or node_modules', () => {
    const bad = entries.map((e) => e.name).filter((n) => /\.(ts|map)$/.test(n) || /(^|\/)(src|test|node_modules|bench|scripts|\.vscode-test)\//.test(n));
    assert.deepStrictEqual(bad, []);
    for (const e of entries.filter((x) => /^extension\/dist\/.*\.js$/.test(x.name))) {
      assert.ok(!/sourceMappingURL/.test(readEntry(zip, e).toString('utf8')), `${e.name} refers to a source map`);
    }
  });
});
