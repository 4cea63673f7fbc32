// The `release-health` command line. Exit codes: 0 ok, 1 a --fail-under gate failed (or
// `compare --fail-on worse` found the candidate worse, or no release holds HEAD for `workspace`),
// 2 a usage or input error (one line on stderr), 3 a gate with --min-sessions had too little data
// to judge (insufficient-data). `mcp` serves until its client closes stdin, then exits 0.
import { COMPARE_USAGE, parseCompareArgs } from './compareArgs';
import { runCompare } from './compareCommand';
import type * as McpCommand from './mcp/mcpCommand';
import { MCP_USAGE, parseMcpArgs } from './mcp/mcpArgs';
import { parseOverviewArgs, OVERVIEW_USAGE } from './overviewArgs';
import { runOverview, type CommandIO } from './overviewCommand';
import { fdWriter } from './stdoutWriter';
import { UsageError } from './usageError';
import { parseWorkspaceArgs, WORKSPACE_USAGE } from './workspaceArgs';
import { runWorkspace } from './workspaceCommand';
import './registerSources';

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${OVERVIEW_USAGE}\n${COMPARE_USAGE}\n${WORKSPACE_USAGE}\n${MCP_USAGE}\n`);
    return 0;
  }
  try {
    if (command === 'overview') return await runOverview(parseOverviewArgs(rest), io);
    if (command === 'compare') return await runCompare(parseCompareArgs(rest), io);
    if (command === 'workspace') return await runWorkspace(parseWorkspaceArgs(rest), io);
    // The MCP SDK loads only for `mcp`: other commands do not pay for initialising it.
    if (command === 'mcp') return await (require('./mcp/mcpCommand') as typeof McpCommand).runMcp(parseMcpArgs(rest), io);
    throw new UsageError(command ? `unknown command '${command}': use overview, compare, workspace or mcp` : 'missing command: overview, compare, workspace or mcp');
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
    stdout: fdWriter(1, () => process.stdout),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
