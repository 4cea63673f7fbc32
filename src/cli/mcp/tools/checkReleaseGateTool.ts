// check_release_gate: pass, fail, or insufficient-data for one release against thresholds.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { skippedNote } from '../../../agents/agentText';
import { checkReleaseGate, gateRequestOf, gateText } from '../../../agents/releaseGate';
import { findOneRelease } from '../../../agents/releaseLookup';
import type { StatsPeriod } from '../../../health/types';
import { CLI_THRESHOLDS } from '../../overviewArgs';
import { environmentsArg, summaryPeriodArg } from '../inputSchemas';
import type { OverviewLoader } from '../overviewLoader';
import { gateResultShape } from '../outputSchemas';
import { answering, toolResult } from '../toolResult';

const percentArg = (what: string) =>
  z.number().min(0).max(100).optional().describe(`Minimum ${what} in percent (e.g. 99.5); the gate fails below it.`);

export function registerCheckReleaseGate(server: McpServer, loader: OverviewLoader, token: string | undefined): void {
  server.registerTool(
    'check_release_gate',
    {
      title: 'Release gate',
      description:
        'Decides whether a release may roll out: `pass` when every given crash-free threshold is met, `fail` when one is not, ' +
        '`insufficient-data` when the release has fewer sessions than minSessions (or no health data), so a verdict would be ' +
        `a guess. Without thresholds it checks crash-free sessions against ${CLI_THRESHOLDS.target}%.`,
      inputSchema: {
        release: z.string().min(1).describe('Release version, e.g. "2.3.0".'),
        project: z.string().min(1).optional().describe('Project slug; needed only when several projects have this release.'),
        crashFreeSessions: percentArg('crash-free sessions'),
        crashFreeUsers: percentArg('crash-free users'),
        minSessions: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe(`Sessions needed for a verdict; fewer gives insufficient-data. Default ${CLI_THRESHOLDS.minimumSessions}.`),
        summaryPeriod: summaryPeriodArg,
        environments: environmentsArg,
      },
      outputSchema: gateResultShape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      answering(token, async () => {
        const request = gateRequestOf(args, CLI_THRESHOLDS);
        // The health status in the figures judges by the same minimum sample as the gate.
        const { overview, skipped } = await loader.load({
          summaryPeriod: args.summaryPeriod as StatsPeriod | undefined,
          environments: args.environments,
          minSessions: request.minSessions,
        });
        const release = findOneRelease(overview.releases, args.release, args.project);
        const result = checkReleaseGate(release, request);
        return toolResult(gateText(result) + skippedNote(skipped), result);
      }),
  );
}
