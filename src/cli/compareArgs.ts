// Parses `release-health compare ...` (strictly, as `overview`), sharing the source and scope
// options with `overview`.
import { isAgeHours, MAX_AGE_HOURS } from '../health/equalAge';
import { DEFAULT_THRESHOLDS } from '../health/types';
import { parseMinSessions, type OverviewArgs } from './overviewArgs';
import { parseSourceArgs, period, SOURCE_OPTIONS } from './sourceArgs';
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
    ...SOURCE_OPTIONS,
    'health-period': { type: 'string' },
    'min-sessions': { type: 'string' },
    'fail-on': { type: 'string' },
  });
  if (values.base === undefined || values.candidate === undefined) throw new UsageError('give both releases: --base VERSION --candidate VERSION');
  if (values.base === values.candidate) throw new UsageError(`--base and --candidate are the same release '${values.base}'`);
  const source = parseSourceArgs(values, clock);
  let age: number | null = null;
  if (values.age !== undefined) {
    age = /^\d+$/.test(values.age) ? Number(values.age) : Number.NaN;
    if (!isAgeHours(age)) throw new UsageError(`invalid --age '${values.age}': a whole number of hours from 1 to ${MAX_AGE_HOURS}`);
  }
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'worse') throw new UsageError(`unknown --fail-on '${failOn}': use worse`);
  const minimumSessions = values['min-sessions'] === undefined ? DEFAULT_THRESHOLDS.minimumSessions : parseMinSessions(values['min-sessions']);
  const project = values.project;
  return {
    source: {
      ...source,
      projects: source.url !== null && project !== undefined ? [project] : [],
      healthPeriod: period('--health-period', values['health-period']),
      stat: 'sessions',
      defaultProject: project ?? 'default',
      releases: [],
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
