// Runs the real sentry-cli binary (from the @sentry/cli npm package) against a local server,
// asynchronously so an in-process server keeps answering. No config from the user's home.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SentryCli } from '@sentry/cli';

export const SENTRY_CLI: string = SentryCli.getPath();

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface SentryCliTarget {
  url: string;
  token: string;
  org: string;
  project: string;
}

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-sentry-cli-home-'));
process.on('exit', () => fs.rmSync(home, { recursive: true, force: true }));

export function sentryCli(target: SentryCliTarget, cwd: string, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(SENTRY_CLI, args, {
      cwd,
      timeout: 60000,
      env: {
        PATH: process.env.PATH,
        HOME: home,
        SENTRY_URL: target.url,
        SENTRY_AUTH_TOKEN: target.token,
        SENTRY_ORG: target.org,
        SENTRY_PROJECT: target.project,
        SENTRY_LOAD_DOTENV: '0',
        SENTRY_DISABLE_UPDATE_CHECK: 'true',
      },
    }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Throws with sentry-cli's own output when it failed. */
export async function sentryCliOk(target: SentryCliTarget, cwd: string, ...args: string[]): Promise<string> {
  const run = await sentryCli(target, cwd, ...args);
  if (run.code !== 0) throw new Error(`sentry-cli ${args.join(' ')} exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
  return run.stdout + run.stderr;
}
