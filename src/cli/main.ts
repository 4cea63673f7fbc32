// The `release-health` command line. Exit codes: 0 ok, 1 a --fail-under gate failed,
// 2 a usage or input error (one line on stderr).
import type * as McpCommand from './mcp/mcpCommand';
import { MCP_USAGE, parseMcpArgs } from './mcp/mcpArgs';
import { parseOverviewArgs, OVERVIEW_USAGE } from './overviewArgs';
import { runOverview, type CommandIO } from './overviewCommand';
import { UsageError } from './usageError';
import './registerSources';

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${OVERVIEW_USAGE}\n${MCP_USAGE}\n`);
    return 0;
  }
  try {
    if (command === 'overview') return await runOverview(parseOverviewArgs(rest), io);
    // The MCP SDK loads only for `mcp`: other commands do not pay for initialising it.
    if (command === 'mcp') return await (require('./mcp/mcpCommand') as typeof McpCommand).runMcp(parseMcpArgs(rest), io);
    throw new UsageError(command ? `unknown command '${command}' (commands: overview, mcp)` : 'missing command: overview or mcp');
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`release-health: ${err.message}\n`);
      return 2;
    }
    const e = err as Error & { userMessage?: string };
    io.stderr(`release-health: ${e.userMessage ?? e.message}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
