// get_release_health: every figure of the contract for one release (or all), the same objects
// as `release-health overview --format json`.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { periodLine, releaseLine, skippedNote } from '../../../agents/agentText';
import { findReleases } from '../../../agents/releaseLookup';
import type { HealthStat, StatsPeriod } from '../../../health/types';
import { environmentsArg, healthStatsPeriodArg, projectArg, statArg, summaryPeriodArg } from '../inputSchemas';
import type { OverviewLoader } from '../overviewLoader';
import { releaseHealthListShape } from '../outputSchemas';
import { answering, toolResult } from '../toolResult';
import { z } from 'zod';

export function registerGetReleaseHealth(server: McpServer, loader: OverviewLoader, token: string | undefined): void {
  server.registerTool(
    'get_release_health',
    {
      title: 'Release health figures',
      description:
        "Returns Sentry's release-health figures for a release (or every release when none is named): crash-free sessions and " +
        'users with 95 % Wilson intervals, sessions and users by status (healthy, errored, unhandled, crashed, abnormal), ' +
        'adoption over 24 h, session duration percentiles, the time series, the previous release with the change in ' +
        'crash-free sessions (percentage points) and a regression flag, and the health status. Same objects as ' +
        '`release-health overview --format json`.',
      inputSchema: {
        project: projectArg,
        release: z.string().min(1).optional().describe('Release version, e.g. "2.3.0". Omit for every release.'),
        summaryPeriod: summaryPeriodArg,
        healthStatsPeriod: healthStatsPeriodArg,
        stat: statArg,
        environments: environmentsArg,
      },
      outputSchema: releaseHealthListShape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      answering(token, async () => {
        const { overview, skipped } = await loader.load({
          summaryPeriod: args.summaryPeriod as StatsPeriod | undefined,
          healthStatsPeriod: args.healthStatsPeriod as StatsPeriod | undefined,
          stat: args.stat as HealthStat | undefined,
          environments: args.environments,
        });
        const releases = findReleases(overview.releases, { project: args.project, release: args.release });
        const head = `${periodLine('Release health', overview.summaryPeriod, overview.now)}, ${releases.length} release(s):`;
        return toolResult([head, ...releases.map(releaseLine)].join('\n') + skippedNote(skipped), { releases });
      }),
  );
}
