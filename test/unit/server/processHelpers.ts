// For tests that run the server as a real process: bundles src/server/main.ts the way esbuild.js
// builds dist/server.js (into a temp dir, so a half-edited file elsewhere cannot break it), starts
// it and reads its one-line banner.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');
let bundle: Promise<string> | null = null;
let bundleDir: string | null = null;

/** Deletes the bundle (call when the tests that spawn servers are done). */
export function removeServerBundle(): void {
  if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
  bundleDir = null;
  bundle = null;
}

export function serverBundle(): Promise<string> {
  bundle ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as typeof import('esbuild');
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-server-bundle-'));
    bundleDir = outdir;
    const outfile = path.join(outdir, 'server.js');
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'src/server/main.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning',
    });
    return outfile;
  })();
  return bundle;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  dsn: string;
  token: string;
  stderr: () => string;
}

/** Starts `node server.js args...` and resolves once it printed its banner. */
export async function spawnServer(args: string[]): Promise<ServerProcess> {
  const file = await serverBundle();
  const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 20000);
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)\s+org: \S+\s+DSN: (\S+)\s+token: (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], dsn: m[2], token: m[3], stderr: () => err });
      }
    });
  });
}

export function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
