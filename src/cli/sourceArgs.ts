// The options every data command shares (overview, compare, workspace): where the data comes
// from (--file, or --url --org [--token-env]), when "now" is, the summary period, the
// environments and the output format. Parsed and checked once, with one set of messages.
import type { StatsPeriod, UnixSeconds } from '../health/types';
import { isStatsPeriod } from '../health/windows';
import { UsageError } from './usageError';

export const SOURCE_OPTIONS = {
  file: { type: 'string' },
  url: { type: 'string' },
  org: { type: 'string' },
  'token-env': { type: 'string' },
  now: { type: 'string' },
  'summary-period': { type: 'string' },
  environment: { type: 'string', multiple: true },
  format: { type: 'string' },
} as const;

export interface SourceArgs {
  file: string | null;
  url: string | null;
  org: string | null;
  tokenEnv: string;
  now: UnixSeconds;
  summaryPeriod: StatsPeriod;
  environments: string[];
  format: 'json' | 'table';
}

interface SourceValues {
  file?: string;
  url?: string;
  org?: string;
  'token-env'?: string;
  now?: string;
  'summary-period'?: string;
  environment?: string[];
  format?: string;
}

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

export function parseSourceArgs(values: SourceValues, clock: () => number): SourceArgs {
  const file = values.file ?? null;
  const url = values.url ?? null;
  if ((file === null) === (url === null)) throw new UsageError('give exactly one source: --file PATH or --url BASE --org SLUG');
  if (url !== null && !values.org) throw new UsageError('--url needs --org SLUG');
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'table') throw new UsageError(`unknown --format '${format}': use json or table`);
  return {
    file,
    url,
    org: values.org ?? null,
    tokenEnv: values['token-env'] ?? 'SENTRY_AUTH_TOKEN',
    now: parseNow(values.now, clock),
    summaryPeriod: period('--summary-period', values['summary-period']),
    environments: values.environment ?? [],
    format,
  };
}
