// Parses `release-health workspace ...` (node's util.parseArgs).
import * as path from 'path';
import { parseArgs } from 'util';
import { isStatsPeriod } from '../health/windows';
import type { StatsPeriod, UnixSeconds } from '../health/types';
import { parseNow } from './overviewArgs';
import { UsageError } from './usageError';

export interface WorkspaceArgs {
  cwd: string;
  file: string | null;
  url: string | null;
  org: string | null;
  projects: string[];
  tokenEnv: string;
  now: UnixSeconds;
  summaryPeriod: StatsPeriod;
  environments: string[];
  format: 'json' | 'table';
}

export const WORKSPACE_USAGE = `usage: release-health workspace [--cwd DIR] (--file PATH | --url BASE --org SLUG [--project SLUG]... [--token-env VAR])
    [--now ISO] [--summary-period P] [--environment NAME]... [--format json|table]
  Finds the release holding the folder's git HEAD (SENTRY_RELEASE, a release's commits or SHA, a tag at
  HEAD, package.json, else the nearest released ancestor) and prints it with its deploys and health.
  Exit 0: a release was found; 1: none; 2: a usage or input error.`;

export function parseWorkspaceArgs(argv: string[], clock: () => number = Date.now): WorkspaceArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        cwd: { type: 'string' },
        file: { type: 'string' },
        url: { type: 'string' },
        org: { type: 'string' },
        project: { type: 'string', multiple: true },
        'token-env': { type: 'string' },
        now: { type: 'string' },
        'summary-period': { type: 'string' },
        environment: { type: 'string', multiple: true },
        format: { type: 'string' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const file = values.file ?? null;
  const url = values.url ?? null;
  if ((file === null) === (url === null)) throw new UsageError('give exactly one source: --file PATH or --url BASE --org SLUG');
  if (url !== null && !values.org) throw new UsageError('--url needs --org SLUG');
  const summaryPeriod = values['summary-period'] ?? '24h';
  if (!isStatsPeriod(summaryPeriod)) throw new UsageError(`unknown --summary-period '${summaryPeriod}': use one of 1h, 24h, 1d, 48h, 2d, 7d, 14d, 30d, 90d`);
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'table') throw new UsageError(`unknown --format '${format}': use json or table`);
  return {
    cwd: path.resolve(values.cwd ?? '.'),
    file,
    url,
    org: values.org ?? null,
    projects: values.project ?? [],
    tokenEnv: values['token-env'] ?? 'SENTRY_AUTH_TOKEN',
    now: parseNow(values.now, clock),
    summaryPeriod,
    environments: values.environment ?? [],
    format,
  };
}
