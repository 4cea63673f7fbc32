// Parses `release-health workspace ...` (node's util.parseArgs).
import * as path from 'path';
import { parseSourceArgs, SOURCE_OPTIONS, type SourceArgs } from './sourceArgs';
import { parseStrictArgs } from './usageError';

export interface WorkspaceArgs extends SourceArgs {
  cwd: string;
  projects: string[];
}

export const WORKSPACE_USAGE = `usage: release-health workspace [--cwd DIR] (--file PATH | --url BASE --org SLUG [--project SLUG]... [--token-env VAR])
    [--now ISO] [--summary-period P] [--environment NAME]... [--format json|table]
  Finds the release holding the folder's git HEAD (SENTRY_RELEASE, a release's commits or SHA, a tag at
  HEAD, package.json, else the nearest released ancestor) and prints it with its deploys and health.
  Exit 0: a release was found; 1: none; 2: a usage or input error.`;

export function parseWorkspaceArgs(argv: string[], clock: () => number = Date.now): WorkspaceArgs {
  const values = parseStrictArgs(argv, {
    ...SOURCE_OPTIONS,
    cwd: { type: 'string' },
    project: { type: 'string', multiple: true },
  });
  return {
    ...parseSourceArgs(values, clock),
    cwd: path.resolve(values.cwd ?? '.'),
    projects: values.project ?? [],
  };
}
