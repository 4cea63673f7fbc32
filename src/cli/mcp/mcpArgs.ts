// Parses `release-health mcp ...`: the same sources and defaults as `overview` (the tools'
// arguments override the periods, stat and environments per call).
import { parseArgs } from 'util';
import { parseOverviewArgs, type OverviewArgs } from '../overviewArgs';
import { UsageError } from '../usageError';

export interface McpArgs {
  /** Overview arguments; `now` is replaced per call unless `fixedNow`. */
  overview: OverviewArgs;
  /** --now: every call answers as of this time (tests, reproducible runs). */
  fixedNow: boolean;
}

export const MCP_USAGE = `usage: release-health mcp --file PATH [--project SLUG] [--now ISO] [--summary-period 24h] [--health-period 24h]
    [--stat sessions|users] [--environment NAME]...
       release-health mcp --url BASE --org SLUG [--project SLUG]... [--token-env VAR] [same options]
  A Model Context Protocol server on stdin/stdout with the tools list_releases, get_release_health,
  compare_releases and check_release_gate.`;

const OPTIONS = ['file', 'url', 'org', 'token-env', 'now', 'summary-period', 'health-period', 'stat', 'environment', 'project'];

export function parseMcpArgs(argv: string[], clock: () => number = Date.now): McpArgs {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: Object.fromEntries(
        OPTIONS.map((o) => [o, { type: 'string' as const, multiple: o === 'environment' || o === 'project' }]),
      ),
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message} (mcp takes ${OPTIONS.map((o) => `--${o}`).join(', ')})`);
  }
  // Every option mcp takes is an overview option: the overview's parser validates them.
  return { overview: parseOverviewArgs(argv, clock), fixedNow: values.now !== undefined };
}
