// Finds and compiles the WebAssembly line scanner (dist/rawScanner.wasm, built by esbuild.js from
// src/raw/wasm/assembly/lineScanner.ts) once per thread. The module is ~10 KB: compiling it
// synchronously takes well under a millisecond, and it happens on the first raw read, in the
// thread that reads (a worker, or a CLI's main thread; the extension host reads asynchronously
// through workers). Missing or broken: null, and the reader uses the JS scanner alone.
import * as fs from 'fs';
import * as path from 'path';

export const WASM_FILE = 'rawScanner.wasm';

let compiled: WebAssembly.Module | null | undefined;

/** Where the .wasm lies: next to the bundle that runs (dist/), or dist/ from the sources (tests, tsx). */
function candidates(): string[] {
  return [path.join(__dirname, WASM_FILE), path.join(__dirname, '..', '..', '..', 'dist', WASM_FILE)];
}

export function lineScannerModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  if (process.env.RH_RAW_SCANNER === 'js') return compiled;
  for (const file of candidates()) {
    if (!fs.existsSync(file)) continue;
    try {
      compiled = new WebAssembly.Module(fs.readFileSync(file));
    } catch {
      compiled = null;
    }
    break;
  }
  return compiled;
}
