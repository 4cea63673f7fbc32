// The release-health MCP server: its tools over one overview loader. Transport-free, so tests
// pair it with an in-memory client and `release-health mcp` with stdio.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { OverviewLoader } from './overviewLoader';
import { registerCheckReleaseGate } from './tools/checkReleaseGateTool';
import { registerCompareReleases } from './tools/compareReleasesTool';
import { registerGetReleaseHealth } from './tools/getReleaseHealthTool';
import { registerListReleases } from './tools/listReleasesTool';

export const MCP_SERVER_NAME = 'release-health';

/**
 * @param token the Sentry token of a --url source, only to keep it out of error messages
 */
export function createReleaseHealthMcpServer(loader: OverviewLoader, version: string, token?: string): McpServer {
  const server = new McpServer(
    { name: MCP_SERVER_NAME, version },
    {
      instructions:
        'Release health (Sentry definitions) of the releases in this source: crash-free sessions and users, errored ' +
        'sessions, adoption. Start with list_releases, then get_release_health, compare_releases or check_release_gate.',
    },
  );
  registerListReleases(server, loader, token);
  registerGetReleaseHealth(server, loader, token);
  registerCompareReleases(server, loader, token);
  registerCheckReleaseGate(server, loader, token);
  return server;
}
