// Bundles every entry point. The extension host bundle keeps `vscode` external;
// the CLI and the server are plain Node programs; the webview is a browser bundle.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production') || process.env.NODE_ENV === 'production';
const watch = process.argv.includes('--watch');

const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: production, sourcemap: !production, logLevel: 'warning' };

const entries = [
  // The CLI's API source (axios, zod, proxy agents: nine tenths of its code) apart, as
  // registerSources.ts requires it only for --url: a --file run parses 60 KB instead of 800 KB.
  // Likewise `mcp` (the MCP SDK): the other commands never parse it.
  // Minified in every build, as the extension's: every run parses the bundle (minified: 68 KB
  // instead of 125 KB, 1-3 ms less of a short run's CPU), and the bench times what ships.
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: ['./apiSource', './mcp/mcpCommand'], minify: true,
    // @vscode/l10n's Node build requires fs/promises at load (the streams and readline modules
    // with it) for config({ uri }), which nothing here calls: its browser build has the same
    // t() and config({ contents }) and loads nothing.
    alias: { '@vscode/l10n': '@vscode/l10n/dist/browser.js' } },
  { ...node, entryPoints: ['src/cli/mcp/mcpBundle.js'], outfile: 'dist/mcp/mcpCommand.js' },
  { ...node, entryPoints: ['src/cli/apiSource.ts'], outfile: 'dist/apiSource.js' },
  { ...node, entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], minify: true },
  // The Sentry API client (axios, zod, proxy agents) apart from the extension bundle: loaded on
  // first use by src/extension/sentry/lazySentryClient.ts, so activation stays small and fast.
  { ...node, entryPoints: ['src/extension/sentry/apiSentryClient.ts'], outfile: 'dist/sentryApi.js', minify: true },
  { bundle: true, platform: 'browser', target: 'es2022', format: 'iife', minify: true, sourcemap: false, logLevel: 'warning',
    entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js' },
  { ...node, entryPoints: ['src/raw/readerWorker.ts'], outfile: 'dist/readerWorker.js' },
];

// The raw reader's WebAssembly line scanner, compiled by AssemblyScript (a pure-JS compiler from
// npm) and shipped as dist/rawScanner.wasm; src/raw/wasm/wasmModule.ts loads it.
const WASM_SOURCE = 'src/raw/wasm/assembly/lineScanner.ts';
const WASM_OUT = 'dist/rawScanner.wasm';

async function buildWasm() {
  const { main: asc } = await import('assemblyscript/asc');
  const { error, stderr } = await asc([WASM_SOURCE, '--outFile', WASM_OUT, '-O3', '--runtime', 'stub', '--noAssert']);
  if (error) throw new Error(`AssemblyScript: ${error.message}\n${stderr.toString()}`);
}

async function main() {
  const present = entries.filter((e) => e.entryPoints.every((p) => fs.existsSync(path.join(__dirname, p))));
  if (watch) {
    for (const e of present) (await esbuild.context(e)).watch();
    return;
  }
  await Promise.all([...present.map((e) => esbuild.build(e)), buildWasm()]);
  for (const e of present) if (e.banner) fs.chmodSync(e.outfile, 0o755);
}

main().catch((err) => { console.error(err); process.exit(1); });
