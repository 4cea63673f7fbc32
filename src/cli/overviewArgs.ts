// Parses `release-health overview ...` into typed options (node's own util.parseArgs).
import { DEFAULT_THRESHOLDS, type HealthStat, type OverviewOptions, type StatsPeriod, type UnixSeconds } from '../health/types';
import { isStatsPeriod } from '../health/windows';
import { parseGate, type Gate } from './failUnder';
import { parseStrictArgs, UsageError } from './usageError';

export interface OverviewArgs {
  file: string | null;
  url: string | null;
  org: string | null;
  projects: string[];
  tokenEnv: string;
  now: UnixSeconds;
  summaryPeriod: StatsPeriod;
  healthPeriod: StatsPeriod;
  stat: HealthStat;
  environments: string[];
  defaultProject: string;
  releases: string[];
  format: 'json' | 'table';
  gates: Gate[];
  /** --min-sessions: the gate's minimum sample (and the health status's); null when not given. */
  minSessions: number | null;
}

export const OVERVIEW_USAGE = `usage: release-health overview --file PATH [--now ISO] [--summary-period 24h] [--health-period 24h]
    [--stat sessions|users] [--environment NAME]... [--project SLUG] [--release VERSION]...
    [--format json|table] [--fail-under crash-free-sessions=99.5]... [--min-sessions N]
       release-health overview --url BASE --org SLUG [--project SLUG]... [--token-env VAR] [same options]`;

export function period(name: string, value: string | undefined): StatsPeriod {
  const v = value ?? '24h';
  if (!isStatsPeriod(v)) throw new UsageError(`unknown ${name} '${v}': use one of 1h, 24h, 1d, 48h, 2d, 7d, 14d, 30d, 90d`);
  return v;
}

export function parseNow(value: string | undefined, clock: () => number): UnixSeconds {
  if (value === undefined) return Math.floor(clock() / 1000);
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  const ms = ok ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new UsageError(`malformed --now '${value}': expected ISO-8601 with a time zone, e.g. 2026-11-26T12:00:00Z`);
  return ms / 1000;
}

export function parseOverviewArgs(argv: string[], clock: () => number = Date.now): OverviewArgs {
  const values = parseStrictArgs(argv, {
    file: { type: 'string' },
    url: { type: 'string' },
    org: { type: 'string' },
    'token-env': { type: 'string' },
    now: { type: 'string' },
    'summary-period': { type: 'string' },
    'health-period': { type: 'string' },
    stat: { type: 'string' },
    environment: { type: 'string', multiple: true },
    project: { type: 'string', multiple: true },
    release: { type: 'string', multiple: true },
    format: { type: 'string' },
    'fail-under': { type: 'string', multiple: true },
    'min-sessions': { type: 'string' },
  });
  const file = values.file ?? null;
  const url = values.url ?? null;
  if ((file === null) === (url === null)) throw new UsageError('give exactly one source: --file PATH or --url BASE --org SLUG');
  if (url !== null && !values.org) throw new UsageError('--url needs --org SLUG');
  const projects = values.project ?? [];
  if (file !== null && projects.length > 1) throw new UsageError('--project names the one project of lines that carry none; give it once');
  const stat = values.stat ?? 'sessions';
  if (stat !== 'sessions' && stat !== 'users') throw new UsageError(`unknown --stat '${stat}': use sessions or users`);
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'table') throw new UsageError(`unknown --format '${format}': use json or table`);
  const gates = (values['fail-under'] ?? []).map(parseGate);
  const minSessions = values['min-sessions'] === undefined ? null : parseMinSessions(values['min-sessions']);
  if (minSessions !== null && gates.length === 0) throw new UsageError('--min-sessions applies to a --fail-under gate; give one');
  return {
    file,
    url,
    org: values.org ?? null,
    projects,
    tokenEnv: values['token-env'] ?? 'SENTRY_AUTH_TOKEN',
    now: parseNow(values.now, clock),
    summaryPeriod: period('--summary-period', values['summary-period']),
    healthPeriod: period('--health-period', values['health-period']),
    stat,
    environments: values.environment ?? [],
    defaultProject: file !== null ? projects[0] ?? 'default' : 'default',
    releases: values.release ?? [],
    format,
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
