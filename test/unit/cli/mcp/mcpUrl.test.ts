// The MCP server over the Sentry API source (`mcp --url`), in process with the SDK's in-memory
// client: the same figures as `overview --url`, and a bad token is an error without the token.
import { strict as assert } from 'assert';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { parseMcpArgs } from '../../../../src/cli/mcp/mcpArgs';
import { createReleaseHealthMcpServer } from '../../../../src/cli/mcp/mcpServer';
import { overviewLoader } from '../../../../src/cli/mcp/overviewLoader';
import { main } from '../../../../src/cli/main';
import '../../../../src/cli/registerSources';
import { startFake, type FakeServer } from '../../api/helpers/fakeServer';
import { sentrySim } from '../../api/helpers/sentrySim';

const TOKEN = 'sntrys_mcp_token_0123456789abcdef';
const NOW = Date.parse('2026-11-26T12:30:00Z') / 1000;
const NOW_ISO = '2026-11-26T12:30:00Z';

async function connect(argv: string[], env: Record<string, string>): Promise<Client> {
  const io = { stdout: () => undefined, stderr: () => undefined, env };
  const args = parseMcpArgs(argv);
  const server = createReleaseHealthMcpServer(overviewLoader(args, io), '0.0.0-test', env[args.overview.tokenEnv]);
  const [a, b] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '1' });
  await Promise.all([server.connect(a), client.connect(b)]);
  return client;
}

describe('cli: release-health mcp --url (Sentry API source)', () => {
  let sentry: FakeServer;
  before(async () => {
    sentry = await startFake(
      sentrySim({
        token: TOKEN,
        projects: [{ id: '11', slug: 'app' }],
        releases: [
          { version: 'app@1.0', dateCreated: '2026-11-01T00:00:00Z', projects: ['app'] },
          { version: 'app@1.1', dateCreated: '2026-11-20T00:00:00Z', projects: ['app'] },
        ],
        records: [
          { project: 'app', release: 'app@1.0', t: NOW - 5 * 3600, init: 200, crashed: 10, erroredAll: 12, users: 50, usersCrashed: 5, usersErrored: 6 },
          { project: 'app', release: 'app@1.1', t: NOW - 2 * 3600, init: 400, crashed: 1, erroredAll: 3, users: 90, usersCrashed: 1, usersErrored: 2 },
        ],
      }),
    );
  });
  after(() => sentry.close());

  it('gives the figures of overview --url, through get_release_health and check_release_gate', async () => {
    let out = '';
    const code = await main(['overview', '--url', sentry.url, '--org', 'acme', '--now', NOW_ISO], { stdout: (t) => (out += t), stderr: () => undefined, env: { SENTRY_AUTH_TOKEN: TOKEN } });
    assert.equal(code, 0);
    const cli = JSON.parse(out);
    const client = await connect(['--url', sentry.url, '--org', 'acme', '--now', NOW_ISO], { SENTRY_AUTH_TOKEN: TOKEN });
    const r = (await client.callTool({ name: 'get_release_health', arguments: {} })) as CallToolResult;
    assert.ok(!r.isError, JSON.stringify(r.content));
    assert.deepEqual(r.structuredContent, { releases: cli.releases });
    const gate = (await client.callTool({ name: 'check_release_gate', arguments: { release: 'app@1.1', crashFreeSessions: 99.5 } })) as CallToolResult;
    assert.equal((gate.structuredContent as { outcome: string }).outcome, 'pass');
    assert.equal((gate.structuredContent as { figures: { crashFreeSessions: number } }).figures.crashFreeSessions, 99.75);
    await client.close();
  });

  it('a rejected token is an error result naming the fix, never the token', async () => {
    const wrong = `${TOKEN}-wrong`;
    const client = await connect(['--url', sentry.url, '--org', 'acme', '--token-env', 'RH_TOKEN'], { RH_TOKEN: wrong });
    const r = (await client.callTool({ name: 'list_releases', arguments: {} })) as CallToolResult;
    assert.equal(r.isError, true);
    const text = JSON.stringify(r.content);
    assert.ok(!text.includes(TOKEN), text);
    assert.match(text, /token/i);
    await client.close();
  });

  it('no token in the environment: an error naming the variable', async () => {
    const client = await connect(['--url', sentry.url, '--org', 'acme'], {});
    const r = (await client.callTool({ name: 'list_releases', arguments: {} })) as CallToolResult;
    assert.equal(r.isError, true);
    assert.match(JSON.stringify(r.content), /set SENTRY_AUTH_TOKEN/);
    await client.close();
  });
});
