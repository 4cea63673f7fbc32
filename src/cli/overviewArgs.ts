// Parses `release-health overview ...` into typed options (node's own util.parseArgs).
import { DEFAULT_THRESHOLDS, type HealthStat, type OverviewOptions, type StatsPeriod } from '../health/types';
import { parseGate, type Gate } from './failUnder';
import { parseSourceArgs, period, SOURCE_OPTIONS, type SourceArgs } from './sourceArgs';
import { parseStrictArgs, UsageError } from './usageError';

export interface OverviewArgs extends SourceArgs {
  projects: string[];
  healthPeriod: StatsPeriod;
  stat: HealthStat;
  defaultProject: string;
  releases: string[];
  gates: Gate[];
  /** --min-sessions: the gate's minimum sample (and the health status's); null when not given. */
  minSessions: number | null;
}

export const OVERVIEW_USAGE = `usage: release-health overview --file PATH [--now ISO] [--summary-period 24h] [--health-period 24h]
    [--stat sessions|users] [--environment NAME]... [--project SLUG] [--release VERSION]...
    [--format json|table] [--fail-under crash-free-sessions=99.5]... [--min-sessions N]
       release-health overview --url BASE --org SLUG [--project SLUG]... [--token-env VAR] [same options]`;

export function parseOverviewArgs(argv: string[], clock: () => number = Date.now): OverviewArgs {
  const values = parseStrictArgs(argv, {
    ...SOURCE_OPTIONS,
    'health-period': { type: 'string' },
    stat: { type: 'string' },
    project: { type: 'string', multiple: true },
    release: { type: 'string', multiple: true },
    'fail-under': { type: 'string', multiple: true },
    'min-sessions': { type: 'string' },
  });
  const source = parseSourceArgs(values, clock);
  const { file } = source;
  const projects = values.project ?? [];
  if (file !== null && projects.length > 1) throw new UsageError('--project names the one project of lines that carry none; give it once');
  const stat = values.stat ?? 'sessions';
  if (stat !== 'sessions' && stat !== 'users') throw new UsageError(`unknown --stat '${stat}': use sessions or users`);
  const gates = (values['fail-under'] ?? []).map(parseGate);
  const minSessions = values['min-sessions'] === undefined ? null : parseMinSessions(values['min-sessions']);
  if (minSessions !== null && gates.length === 0) throw new UsageError('--min-sessions applies to a --fail-under gate; give one');
  return {
    ...source,
    projects,
    healthPeriod: period('--health-period', values['health-period']),
    stat,
    defaultProject: file !== null ? projects[0] ?? 'default' : 'default',
    releases: values.release ?? [],
    gates,
    minSessions,
  };
}

export function parseMinSessions(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError(`invalid --min-sessions '${value}': expected a whole number of sessions, e.g. 30`);
  return Number(value);
}

export const CLI_THRESHOLDS = DEFAULT_THRESHOLDS;

/** The pipeline's options as the command line sets them (the same for --file and --url). */
export function overviewOptionsOf(args: Pick<OverviewArgs, 'now' | 'summaryPeriod' | 'healthPeriod' | 'stat' | 'environments' | 'minSessions'>): OverviewOptions & { environments: string[] } {
  return {
    now: args.now,
    summaryPeriod: args.summaryPeriod,
    healthPeriod: args.healthPeriod,
    stat: args.stat,
    thresholds: args.minSessions === null ? CLI_THRESHOLDS : { ...CLI_THRESHOLDS, minimumSessions: args.minSessions },
    environments: args.environments,
  };
}
