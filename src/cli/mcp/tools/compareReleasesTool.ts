// compare_releases: is the candidate release worse than the base? The document of
// `release-health compare --format json`, computed by the same code.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { skippedNote } from '../../../agents/agentText';
import { comparisonText } from '../../../agents/comparisonAnswer';
import { MAX_AGE_HOURS } from '../../../health/equalAge';
import type { StatsPeriod } from '../../../health/types';
import { CLI_THRESHOLDS } from '../../overviewArgs';
import { environmentsArg, summaryPeriodArg } from '../inputSchemas';
import type { OverviewLoader } from '../overviewLoader';
import { comparisonShape } from '../outputSchemas';
import { answering, toolResult } from '../toolResult';

export function registerCompareReleases(server: McpServer, loader: OverviewLoader, token: string | undefined): void {
  server.registerTool(
    'compare_releases',
    {
      title: 'Compare two releases',
      description:
        'Is the candidate release worse than the base? Compares crash-free sessions and crash-free users of two releases of ' +
        "one project: both rates, the difference in percentage points with its 95 % interval (Newcombe's hybrid score " +
        'interval on Wilson bounds), a two-sided p-value, and a verdict: worse, better, inconclusive, or insufficient-data ' +
        'when either release has fewer than minSessions sessions. With `age`, each release is measured over its own first ' +
        '`age` hours, so a day-old release is not compared with a month-old one. Same document as ' +
        '`release-health compare --format json`, with both releases\' full figures.',
      inputSchema: {
        candidate: z.string().min(1).describe('The release to judge, e.g. "2.3.0".'),
        base: z
          .string()
          .min(1)
          .optional()
          .describe("The release to compare against. Default: the candidate's previous release (the one before it, by first session, with health data)."),
        project: z.string().min(1).optional().describe('Project slug; needed only when several projects have both releases.'),
        age: z
          .number()
          .int()
          .min(1)
          .max(MAX_AGE_HOURS)
          .optional()
          .describe('Equal-age comparison: each release over its own first `age` hours from its first session (e.g. 24). Default: both over the summary period.'),
        summaryPeriod: summaryPeriodArg,
        environments: environmentsArg,
        minSessions: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe(`Sessions (and users) each release needs for a verdict; fewer gives insufficient-data. Default ${CLI_THRESHOLDS.minimumSessions}.`),
      },
      outputSchema: comparisonShape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      answering(token, async () => {
        const minimumSessions = args.minSessions ?? CLI_THRESHOLDS.minimumSessions;
        const { report, skipped } = await loader.compare({
          candidate: args.candidate,
          base: args.base,
          project: args.project,
          age: args.age ?? null,
          summaryPeriod: args.summaryPeriod as StatsPeriod | undefined,
          environments: args.environments,
          minimumSessions,
        });
        return toolResult(comparisonText(report, minimumSessions) + skippedNote(skipped), report);
      }),
  );
}
