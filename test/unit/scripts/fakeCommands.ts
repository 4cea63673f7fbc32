// Fake executables for the tests of the repo's shell and node scripts: each records its
// arguments (and chosen environment variables) as one JSON line in a log, then runs a snippet.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface FakeCall {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

export class FakeBin {
  readonly dir: string;
  readonly log: string;

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-fakebin-'));
    this.log = path.join(this.dir, 'calls.ndjson');
  }

  /** Adds `name` to the fake bin dir; `body` is bash run after the call is logged ("$@" are the args). */
  add(name: string, body = ''): void {
    const file = path.join(this.dir, name);
    const script = `#!/usr/bin/env bash
${JSON.stringify(process.execPath)} -e '
const fs = require("fs");
fs.appendFileSync(process.argv[1], JSON.stringify({ command: process.argv[2], args: process.argv.slice(3), cwd: process.cwd(), env: process.env }) + "\\n");
' ${JSON.stringify(this.log)} ${JSON.stringify(name)} "$@"
${body}
`;
    fs.writeFileSync(file, script, { mode: 0o755 });
  }

  calls(): FakeCall[] {
    if (!fs.existsSync(this.log)) return [];
    return fs.readFileSync(this.log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as FakeCall);
  }

  /** PATH with the fakes first. */
  path(): string {
    return `${this.dir}${path.delimiter}${process.env.PATH ?? ''}`;
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** What an outer `npm test` / `npm run demo` exports to its scripts (npm 10 on Node 20). */
export const OUTER_NPM_ENV: Record<string, string> = {
  npm_config_user_agent: 'npm/10.8.2 node/v20.19.0 linux x64 workspaces/false',
  npm_config_local_prefix: '/somewhere/else',
  npm_lifecycle_event: 'test',
  npm_package_name: 'release-health',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  INIT_CWD: '/somewhere/else',
  NODE: '/usr/bin/node',
};

export function npmVariables(env: Record<string, string>): string[] {
  return Object.keys(env).filter((k) => k.startsWith('npm_') || k === 'INIT_CWD' || k === 'NODE').sort();
}
