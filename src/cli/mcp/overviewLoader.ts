// What every MCP tool reads: the overview of the server's source (--file or --url, through the
// same code as `release-health overview`) for the periods, stat and environments a call asks for.
// An agent asks several questions in a row: a result is reused for a minute (for good with a fixed
// --now) while the file is unchanged, so a big file is not read, nor Sentry asked, once per call.
import * as fs from 'fs';
import type { HealthStat, Overview, SkipReport, StatsPeriod } from '../../health/types';
import type { OverviewArgs } from '../overviewArgs';
import { loadOverview, type CommandIO } from '../overviewCommand';
import { quoted } from '../../agents/agentText';
import { AgentToolError } from '../../agents/agentToolError';
import { previousReleaseOf } from '../../agents/comparisonAnswer';
import { findOneRelease } from '../../agents/releaseLookup';
import type { ComparisonReport } from '../../health/comparisonReport';
import { loadComparison } from '../compareCommand';
import type { McpArgs } from './mcpArgs';

export interface OverviewQuery {
  summaryPeriod?: StatsPeriod;
  healthStatsPeriod?: StatsPeriod;
  stat?: HealthStat;
  environments?: string[];
  /** The minimum sample of the health status (as `overview --min-sessions`); default the server's. */
  minSessions?: number;
}

/** The overview, and the file's unusable lines (none from an API). */
export interface LoadedOverview {
  overview: Overview;
  skipped: SkipReport;
}

export interface ComparisonQuery {
  candidate: string;
  /** Default: the candidate's previous release. */
  base?: string;
  project?: string;
  age: number | null;
  summaryPeriod?: StatsPeriod;
  environments?: string[];
  minimumSessions: number;
}

export interface OverviewLoader {
  load(query: OverviewQuery): Promise<LoadedOverview>;
  /** The document of `release-health compare --format json`, computed by the same code. */
  compare(query: ComparisonQuery): Promise<{ report: ComparisonReport; skipped: SkipReport }>;
  /** The server's defaults (its --summary-period, thresholds, …) for descriptions and gates. */
  readonly defaults: OverviewArgs;
}

/** How long a result answers again when the clock moves (the extension's cache uses the same). */
export const REUSE_MS = 60_000;
const MAX_ENTRIES = 8;

interface Entry {
  result: Promise<LoadedOverview>;
  at: number;
  fileStamp: string | null;
}

async function fileStamp(path: string | null): Promise<string | null> {
  if (path === null) return null;
  try {
    const s = await fs.promises.stat(path);
    return `${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch {
    return 'missing';
  }
}

export function overviewLoader(args: McpArgs, io: CommandIO, clock: () => number = Date.now): OverviewLoader {
  const cache = new Map<string, Entry>();
  const loader: OverviewLoader = {
    defaults: args.overview,
    async load(query) {
      const a: OverviewArgs = {
        ...args.overview,
        summaryPeriod: query.summaryPeriod ?? args.overview.summaryPeriod,
        healthPeriod: query.healthStatsPeriod ?? args.overview.healthPeriod,
        stat: query.stat ?? args.overview.stat,
        environments: [...new Set(query.environments ?? args.overview.environments)].sort(),
        minSessions: query.minSessions ?? args.overview.minSessions,
      };
      const key = JSON.stringify([a.summaryPeriod, a.healthPeriod, a.stat, a.environments, a.minSessions]);
      const stamp = await fileStamp(a.file);
      const hit = cache.get(key);
      if (hit && hit.fileStamp === stamp && (args.fixedNow || clock() - hit.at < REUSE_MS)) return hit.result;

      const at = clock();
      const result = loadOverview({ ...a, now: args.fixedNow ? args.overview.now : Math.floor(at / 1000) }, io).then(({ skipped, ...overview }) => ({
        overview,
        skipped: skipped ?? { count: 0, samples: [] },
      }));
      cache.delete(key);
      cache.set(key, { result, at, fileStamp: stamp });
      while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
      // A failure is not remembered: the next call tries again (a fixed token, a file now there).
      result.catch(() => {
        if (cache.get(key)?.result === result) cache.delete(key);
      });
      return result;
    },
    async compare(query) {
      const base = query.base ?? previousReleaseOf(findOneRelease((await loader.load(query)).overview.releases, query.candidate, query.project));
      if (base === query.candidate) throw new AgentToolError(`The base and the candidate are the same release ${quoted(base)}: name two releases.`);
      const source: OverviewArgs = {
        ...args.overview,
        now: args.fixedNow ? args.overview.now : Math.floor(clock() / 1000),
        summaryPeriod: query.summaryPeriod ?? args.overview.summaryPeriod,
        environments: query.environments ?? args.overview.environments,
        stat: 'sessions',
        format: 'json',
        releases: [],
        gates: [],
        minSessions: query.minimumSessions,
      };
      try {
        const { report, skipped } = await loadComparison(
          { source, base, candidate: query.candidate, project: query.project, age: query.age, failOnWorse: false, minimumSessions: query.minimumSessions },
          io,
        );
        return { report, skipped: skipped ?? { count: 0, samples: [] } };
      } catch (err) {
        // The CLI's words for its flag; an agent names the argument.
        if (err instanceof Error) err.message = err.message.replace(/--project\b/g, 'the project argument');
        throw err;
      }
    },
  };
  return loader;
}
