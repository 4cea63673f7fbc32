// What every MCP tool reads: the overview of the server's source (--file or --url, through the
// same code as `release-health overview`) for the periods, stat and environments a call asks for.
import type { HealthStat, Overview, SkipReport, StatsPeriod } from '../../health/types';
import type { OverviewArgs } from '../overviewArgs';
import { loadOverview, type CommandIO } from '../overviewCommand';
import type { McpArgs } from './mcpArgs';

export interface OverviewQuery {
  summaryPeriod?: StatsPeriod;
  healthStatsPeriod?: StatsPeriod;
  stat?: HealthStat;
  environments?: string[];
}

/** The overview, and the file's unusable lines (none from an API). */
export interface LoadedOverview {
  overview: Overview;
  skipped: SkipReport;
}

export interface OverviewLoader {
  load(query: OverviewQuery): Promise<LoadedOverview>;
  /** The server's defaults (its --summary-period, thresholds, …) for descriptions and gates. */
  readonly defaults: OverviewArgs;
}

export function overviewLoader(args: McpArgs, io: CommandIO, clock: () => number = Date.now): OverviewLoader {
  return {
    defaults: args.overview,
    async load(query) {
      const a: OverviewArgs = {
        ...args.overview,
        now: args.fixedNow ? args.overview.now : Math.floor(clock() / 1000),
        summaryPeriod: query.summaryPeriod ?? args.overview.summaryPeriod,
        healthPeriod: query.healthStatsPeriod ?? args.overview.healthPeriod,
        stat: query.stat ?? args.overview.stat,
        environments: query.environments ?? args.overview.environments,
      };
      const { skipped, ...overview } = await loadOverview(a, io);
      return { overview, skipped: skipped ?? { count: 0, samples: [] } };
    },
  };
}
