// Finds and compiles the WebAssembly line scanner (dist/rawScanner.wasm, built by esbuild.js from
// src/raw/wasm/assembly/lineScanner.ts) once per thread. The module is ~10 KB: compiling it
// synchronously takes well under a millisecond, and it happens on the first raw read, in the
// thread that reads (a worker, or a CLI's main thread; the extension host reads asynchronously
// through workers). Missing or broken: null, and the reader uses the JS scanner alone.
import * as fs from 'fs';
import * as path from 'path';

export const WASM_FILE = 'rawScanner.wasm';

let compiled: WebAssembly.Module | null = null;

/** Where the .wasm may lie: `dir` (the reader worker's folder), next to the bundle that runs (dist/), dist/ from the sources (tests, tsx). */
function candidates(dir: string | undefined): string[] {
  const dirs = [path.join(__dirname), path.join(__dirname, '..', '..', '..', 'dist')];
  if (dir !== undefined) dirs.unshift(dir);
  return dirs.map((d) => path.join(d, WASM_FILE));
}

/** The compiled module, or null. `RH_RAW_SCANNER=js` turns it off (the bench's before/after, a user's way out). */
export function lineScannerModule(dir?: string): WebAssembly.Module | null {
  if (compiled !== null || process.env.RH_RAW_SCANNER === 'js') return compiled;
  for (const file of candidates(dir)) {
    if (!fs.existsSync(file)) continue;
    try {
      compiled = new WebAssembly.Module(fs.readFileSync(file));
    } catch {
      // A broken file: the JS scanner reads alone.
    }
    break;
  }
  return compiled;
}
