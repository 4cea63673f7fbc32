// list_releases: projects and their releases with health status and crash-free rates.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { skippedNote } from '../../../agents/agentText';
import { listReleases, releaseListText } from '../../../agents/releaseList';
import type { StatsPeriod } from '../../../health/types';
import { environmentsArg, projectArg, summaryPeriodArg } from '../inputSchemas';
import type { OverviewLoader } from '../overviewLoader';
import { releaseListShape } from '../outputSchemas';
import { answering, toolResult } from '../toolResult';

export function registerListReleases(server: McpServer, loader: OverviewLoader, token: string | undefined): void {
  server.registerTool(
    'list_releases',
    {
      title: 'List releases with their health',
      description:
        'Lists every project and its releases, newest first, with health status (healthy, warning, critical, insufficient-data), ' +
        'crash-free sessions and users (%), session and user counts, adoption and whether the release regressed against the ' +
        'previous one. Use it to find a release name before asking for its full figures, a comparison or a gate.',
      inputSchema: { project: projectArg, summaryPeriod: summaryPeriodArg, environments: environmentsArg },
      outputSchema: releaseListShape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      answering(token, async () => {
        const { overview, skipped } = await loader.load({ summaryPeriod: args.summaryPeriod as StatsPeriod | undefined, environments: args.environments });
        const list = listReleases(overview, args.project);
        return toolResult(releaseListText(list) + skippedNote(skipped), list);
      }),
  );
}
