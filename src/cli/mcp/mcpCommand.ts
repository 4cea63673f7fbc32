// `release-health mcp`: serves the tools on stdin/stdout until the client closes stdin.
// Nothing but the protocol goes to stdout; diagnostics go to stderr.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { version } from '../../../package.json';
import type { CommandIO } from '../overviewCommand';
import type { McpArgs } from './mcpArgs';
import { createReleaseHealthMcpServer } from './mcpServer';
import { overviewLoader } from './overviewLoader';

export async function runMcp(args: McpArgs, io: CommandIO): Promise<number> {
  const token = args.overview.url !== null ? io.env[args.overview.tokenEnv]?.trim() : undefined;
  const server = createReleaseHealthMcpServer(overviewLoader(args, io), version, token);
  const transport = new StdioServerTransport();
  // Done when the client closes stdin (or the transport closes). A call still running then
  // finishes and writes its answer before the process exits: stdout to a pipe is synchronous.
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  io.stderr(`release-health mcp: serving ${args.overview.file !== null ? `--file ${args.overview.file}` : `--url ${args.overview.url} --org ${args.overview.org}`} on stdio\n`);
  await closed;
  return 0;
}
