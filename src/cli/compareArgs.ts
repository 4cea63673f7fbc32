// Parses `release-health compare ...` (strictly, as `overview`), sharing the source and scope
// options with `overview`.
import { isAgeHours, MAX_AGE_HOURS } from '../health/equalAge';
import { DEFAULT_THRESHOLDS } from '../health/types';
import { parseMinSessions, parseNow, period, type OverviewArgs } from './overviewArgs';
import { parseStrictArgs, UsageError } from './usageError';

export interface CompareArgs {
  /** Source, scope and format, as `overview` reads them (no release filter, no gates). */
  source: OverviewArgs;
  base: string;
  candidate: string;
  /** --project: the compared project (for --file also the project of lines without one). */
  project: string | undefined;
  age: number | null;
  failOnWorse: boolean;
  minimumSessions: number;
}

export const COMPARE_USAGE = `usage: release-health compare --base VERSION --candidate VERSION [--project SLUG] [--age HOURS]
    (--file PATH | --url BASE --org SLUG [--token-env VAR]) [--now ISO] [--summary-period 24h]
    [--environment NAME]... [--min-sessions 30] [--format json|table] [--fail-on worse]`;

export function parseCompareArgs(argv: string[], clock: () => number = Date.now): CompareArgs {
  const values = parseStrictArgs(argv, {
    base: { type: 'string' },
    candidate: { type: 'string' },
    project: { type: 'string' },
    age: { type: 'string' },
    file: { type: 'string' },
    url: { type: 'string' },
    org: { type: 'string' },
    'token-env': { type: 'string' },
    now: { type: 'string' },
    'summary-period': { type: 'string' },
    'health-period': { type: 'string' },
    environment: { type: 'string', multiple: true },
    'min-sessions': { type: 'string' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
  });
  if (values.base === undefined || values.candidate === undefined) throw new UsageError('give both releases: --base VERSION --candidate VERSION');
  if (values.base === values.candidate) throw new UsageError(`--base and --candidate are the same release '${values.base}'`);
  const file = values.file ?? null;
  const url = values.url ?? null;
  if ((file === null) === (url === null)) throw new UsageError('give exactly one source: --file PATH or --url BASE --org SLUG');
  if (url !== null && !values.org) throw new UsageError('--url needs --org SLUG');
  let age: number | null = null;
  if (values.age !== undefined) {
    age = /^\d+$/.test(values.age) ? Number(values.age) : Number.NaN;
    if (!isAgeHours(age)) throw new UsageError(`invalid --age '${values.age}': a whole number of hours from 1 to ${MAX_AGE_HOURS}`);
  }
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'table') throw new UsageError(`unknown --format '${format}': use json or table`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'worse') throw new UsageError(`unknown --fail-on '${failOn}': use worse`);
  const minimumSessions = values['min-sessions'] === undefined ? DEFAULT_THRESHOLDS.minimumSessions : parseMinSessions(values['min-sessions']);
  const project = values.project;
  return {
    source: {
      file,
      url,
      org: values.org ?? null,
      projects: url !== null && project !== undefined ? [project] : [],
      tokenEnv: values['token-env'] ?? 'SENTRY_AUTH_TOKEN',
      now: parseNow(values.now, clock),
      summaryPeriod: period('--summary-period', values['summary-period']),
      healthPeriod: period('--health-period', values['health-period']),
      stat: 'sessions',
      environments: values.environment ?? [],
      defaultProject: project ?? 'default',
      releases: [],
      format,
      gates: [],
      minSessions: minimumSessions,
    },
    base: values.base,
    candidate: values.candidate,
    project,
    age,
    failOnWorse: failOn === 'worse',
    minimumSessions,
  };
}
