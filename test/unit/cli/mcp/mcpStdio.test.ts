// `release-health mcp` as an MCP client sees it: the real SDK client spawns `node dist/cli.js mcp`
// and talks over stdio. Every tool's figures equal `release-health overview --format json`'s.
import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ReleaseHealth } from '../../../../src/health/types';
import { HOSTILE, NOW_ISO, writeMcpFixture } from './mcpFixture';

const ROOT = path.resolve(__dirname, '../../../..');
const BIN = path.join(ROOT, 'dist/cli.js');

function overviewJson(file: string, ...args: string[]): { releases: ReleaseHealth[] } {
  const r = spawnSync('node', [BIN, 'overview', '--file', file, '--now', NOW_ISO, '--format', 'json', ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

function compareJson(file: string, ...args: string[]): Record<string, unknown> {
  const r = spawnSync('node', [BIN, 'compare', '--file', file, '--now', NOW_ISO, '--format', 'json', ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

function texts(r: CallToolResult): string[] {
  return r.content.map((c) => (c.type === 'text' ? c.text : `<${c.type}>`));
}

describe('cli: release-health mcp over stdio (the real SDK client, node dist/cli.js)', function () {
  this.timeout(60_000);
  let client: Client;
  let file: string;
  let dir: string;
  let stderr = '';

  before(async () => {
    if (!fs.existsSync(BIN)) execFileSync('node', ['esbuild.js'], { cwd: ROOT });
    ({ file, dir } = writeMcpFixture());
    const transport = new StdioClientTransport({ command: 'node', args: [BIN, 'mcp', '--file', file, '--now', NOW_ISO], stderr: 'pipe' });
    transport.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
    client = new Client({ name: 'release-health-test', version: '1.0.0' });
    await client.connect(transport);
  });
  after(async () => {
    await client?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
    return (await client.callTool({ name, arguments: args })) as CallToolResult;
  }

  async function ok(name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
    const r = await call(name, args);
    assert.ok(!r.isError, `${name} failed: ${texts(r).join(' ')}`);
    assert.ok(r.structuredContent, `${name} returned no structuredContent`);
    assert.deepEqual(JSON.parse(texts(r)[1]), r.structuredContent, 'the JSON text is the structured content');
    return r.structuredContent;
  }

  it('names itself and lists its tools, each with an input and an output schema', async () => {
    assert.equal(client.getServerVersion()?.name, 'release-health');
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['check_release_gate', 'compare_releases', 'get_release_health', 'list_releases']);
    for (const t of tools) {
      assert.equal(t.outputSchema?.type, 'object', `${t.name} outputSchema`);
      assert.equal(t.inputSchema.type, 'object');
      assert.ok((t.description ?? '').length > 80, `${t.name} has a precise description`);
      assert.equal(t.annotations?.readOnlyHint, true);
    }
    const gate = tools.find((t) => t.name === 'check_release_gate')!;
    assert.deepEqual(gate.inputSchema.required, ['release']);
    assert.match(stderr, /serving --file/);
  });

  it('get_release_health without a release: every release, the same objects as overview --format json', async () => {
    const doc = await ok('get_release_health', {});
    assert.deepEqual(doc, { releases: overviewJson(file).releases });
  });

  it('get_release_health for one release with periods, stat and environment: as overview with the same flags', async () => {
    const cli = overviewJson(file, '--summary-period', '7d', '--health-period', '48h', '--stat', 'users', '--environment', 'production');
    const target = cli.releases.find((r) => r.hasHealthData && r.project === 'mobile-app' && r.totalSessions > 0)!;
    const doc = await ok('get_release_health', {
      project: 'mobile-app', release: target.release, summaryPeriod: '7d', healthStatsPeriod: '48h', stat: 'users', environments: ['production'],
    });
    assert.deepEqual(doc, { releases: [target] });
    assert.equal((doc.releases as ReleaseHealth[])[0].stats['48h'].length, 48);
    const all = overviewJson(file);
    assert.notDeepEqual(all.releases.find((r) => r.release === target.release)?.totalSessions, target.totalSessions, 'the options changed the figures');
  });

  it('get_release_health: a release in two projects gives both; text quotes a hostile name on one line', async () => {
    const doc = await ok('get_release_health', { release: 'shared@1.0' });
    assert.deepEqual((doc.releases as ReleaseHealth[]).map((r) => r.project).sort(), ['other', 'tools']);
    const r = await call('get_release_health', { release: HOSTILE });
    assert.ok(!r.isError);
    const line = texts(r)[0].split('\n')[1];
    assert.ok(line.startsWith(`"tools" ${JSON.stringify(HOSTILE)}: critical;`), line);
    assert.equal(texts(r)[0].split('\n').length, 3);
    assert.match(texts(r)[0].split('\n')[2], /^Note: 1 unusable line\(s\) of the session file were skipped \(first: line \d+, not JSON\)\.$/);
  });

  it('list_releases: every project and release with status and rates equal to the CLI', async () => {
    const cli = overviewJson(file).releases;
    const doc = (await ok('list_releases', {})) as { now: string; summaryPeriod: string; projects: Array<{ project: string; releases: Array<Record<string, unknown>> }> };
    assert.equal(doc.now, '2026-11-26T12:30:00.000Z');
    assert.equal(doc.summaryPeriod, '24h');
    const flat = doc.projects.flatMap((p) => p.releases.map((r) => ({ project: p.project, ...r }) as Record<string, unknown> & { project: string; release: string }));
    assert.deepEqual(flat.map((r) => [r.project, r.release]), cli.map((r) => [r.project, r.release]), 'same releases in the same order');
    for (const r of flat) {
      const c = cli.find((x) => x.project === r.project && x.release === r.release)!;
      for (const k of ['healthStatus', 'crashFreeSessions', 'crashFreeUsers', 'totalSessions', 'totalUsers', 'adoption', 'hasHealthData', 'previousRelease', 'regression', 'firstSeen'] as const) {
        assert.deepEqual(r[k], c[k], `${r.project} ${r.release} ${k}`);
      }
    }
    const one = (await ok('list_releases', { project: 'tools', summaryPeriod: '7d' })) as typeof doc;
    assert.deepEqual(one.projects.map((p) => p.project), ['tools']);
    assert.equal(one.summaryPeriod, '7d');
  });

  it('check_release_gate: pass, fail and insufficient-data, agreeing with overview --fail-under', async () => {
    const cli = overviewJson(file).releases;
    const fail = (await ok('check_release_gate', { release: HOSTILE, crashFreeSessions: 99 })) as { outcome: string; figures: Record<string, unknown>; release: string };
    assert.equal(fail.outcome, 'fail');
    assert.equal(fail.release, HOSTILE);
    assert.equal(fail.figures.crashFreeSessions, 80);
    assert.equal(fail.figures.totalSessions, 50);
    const gateExit = spawnSync('node', [BIN, 'overview', '--file', file, '--now', NOW_ISO, '--release', HOSTILE, '--fail-under', 'crash-free-sessions=99']);
    assert.equal(gateExit.status, 1, 'the CLI gate fails it too');

    const pass = (await ok('check_release_gate', { release: 'shared@1.0', project: 'tools', crashFreeSessions: 90, crashFreeUsers: 80 })) as { outcome: string; figures: Record<string, unknown>; checks: unknown[] };
    const c = cli.find((r) => r.project === 'tools' && r.release === 'shared@1.0')!;
    assert.equal(pass.outcome, 'pass');
    assert.equal(pass.figures.crashFreeSessions, c.crashFreeSessions);
    assert.equal(pass.figures.crashFreeUsers, c.crashFreeUsers);
    assert.deepEqual(pass.checks, [
      { figure: 'crashFreeSessions', threshold: 90, value: c.crashFreeSessions, passed: true },
      { figure: 'crashFreeUsers', threshold: 80, value: c.crashFreeUsers, passed: true },
    ]);

    const thin = (await ok('check_release_gate', { release: 'thin@1.0', crashFreeSessions: 50 })) as { outcome: string; minSessions: number; reason: string };
    assert.equal(thin.outcome, 'insufficient-data', 'five sessions are below the default minimum of 30');
    assert.equal(thin.minSessions, 30);
    const thinAllowed = (await ok('check_release_gate', { release: 'thin@1.0', crashFreeSessions: 50, minSessions: 5 })) as { outcome: string };
    assert.equal(thinAllowed.outcome, 'pass');
  });

  it('compare_releases: the document of compare --format json, the previous release as the default base', async () => {
    const cli = overviewJson(file).releases;
    const c = cli.find((r) => r.project === 'mobile-app' && r.previousRelease !== null && r.totalSessions > 0)!;
    const base = c.previousRelease!;
    const doc = await ok('compare_releases', { project: 'mobile-app', base, candidate: c.release });
    assert.deepEqual(doc, compareJson(file, '--project', 'mobile-app', '--base', base, '--candidate', c.release));
    assert.deepEqual(doc.candidateHealth, c);
    assert.deepEqual(await ok('compare_releases', { candidate: c.release }), doc, 'base defaults to the previous release');

    const args = ['--project', 'mobile-app', '--base', base, '--candidate', c.release, '--summary-period', '7d', '--environment', 'production', '--min-sessions', '10'];
    const scoped = await ok('compare_releases', { project: 'mobile-app', base, candidate: c.release, summaryPeriod: '7d', environments: ['production'], minSessions: 10 });
    assert.deepEqual(scoped, compareJson(file, ...args));
    const aged = await ok('compare_releases', { project: 'mobile-app', base, candidate: c.release, age: 24, environments: ['production'], minSessions: 10 });
    assert.deepEqual(aged, compareJson(file, ...args.slice(0, 6), '--age', '24', '--environment', 'production', '--min-sessions', '10'));
    assert.equal(aged.age, 24);

    const r = await call('compare_releases', { candidate: HOSTILE, base: 'shared@1.0' });
    assert.ok(!r.isError, texts(r)[0]);
    const lines = texts(r)[0].split('\n');
    assert.equal(lines[0], `${JSON.stringify(HOSTILE)} (candidate) compared with "shared@1.0" (base) in project "tools":`);
    assert.match(lines[1], /^Crash-free sessions: 80\.00% against 95\.00%; verdict worse: .* crashes more than "shared@1\.0": −15\.0 pp, 95 % CI .*; p = /);
  });

  it('compare_releases errors: no previous release, releases in different projects, the same release', async () => {
    // Same first hour in project "tools": ordered by name, the hostile one ("evil…") is the first.
    const first = await call('compare_releases', { candidate: HOSTILE });
    assert.equal(first.isError, true);
    assert.equal(texts(first)[0], `Release ${JSON.stringify(HOSTILE)} has no earlier release with health data in project "tools", so there is no default base: name one.`);
    const apart = await call('compare_releases', { candidate: 'thin@1.0', base: 'desktop@5.2.0' });
    assert.equal(apart.isError, true);
    assert.match(texts(apart)[0], /different projects/);
    const both = await call('compare_releases', { candidate: 'shared@1.0', base: 'shared@1.0', project: 'tools' });
    assert.equal(both.isError, true);
    assert.equal(texts(both)[0], 'The base and the candidate are the same release "shared@1.0": name two releases.');
  });

  it('check_release_gate agrees with overview --fail-under --min-sessions (exit 0 pass, 1 fail, 3 insufficient-data)', async () => {
    const exitOf = { pass: 0, fail: 1, 'insufficient-data': 3 } as Record<string, number>;
    const cli = overviewJson(file).releases;
    const unique = cli.filter((r) => cli.filter((x) => x.release === r.release).length === 1);
    const seen = new Set<string>();
    for (const r of unique) {
      for (const [threshold, min] of [[99, 30], [90, 5], [50, 0]] as const) {
        const g = (await ok('check_release_gate', { release: r.release, crashFreeSessions: threshold, minSessions: min })) as { outcome: string; figures: { healthStatus: string } };
        const run = spawnSync('node', [BIN, 'overview', '--file', file, '--now', NOW_ISO, '--release', r.release, '--fail-under', `crash-free-sessions=${threshold}`, '--min-sessions', String(min)], { encoding: 'utf8' });
        assert.equal(run.status, exitOf[g.outcome], `${r.release} at ${threshold}% with ${min} sessions: mcp ${g.outcome}, CLI exit ${run.status} (${run.stderr.trim()})`);
        const shown = JSON.parse(run.stdout).releases[0];
        if (shown) assert.equal(g.figures.healthStatus, shown.healthStatus, 'health status over the same minimum sample');
        seen.add(g.outcome);
      }
    }
    assert.deepEqual([...seen].sort(), ['fail', 'insufficient-data', 'pass'], 'every outcome was compared');
  });

  it('errors are results an agent can act on: unknown release, ambiguous release, unknown project, bad arguments', async () => {
    const unknown = await call('get_release_health', { release: 'nope@9' });
    assert.equal(unknown.isError, true);
    assert.match(texts(unknown)[0], /^Unknown release "nope@9"\. Releases with health data: /);
    const ambiguous = await call('check_release_gate', { release: 'shared@1.0' });
    assert.equal(ambiguous.isError, true);
    assert.match(texts(ambiguous)[0], /exists in several projects \("other", "tools"\): name the project/);
    const project = await call('list_releases', { project: 'nowhere' });
    assert.equal(project.isError, true);
    assert.match(texts(project)[0], /Unknown project "nowhere"\. Known projects: "desktop", /);
    const period = await call('get_release_health', { summaryPeriod: '3d' });
    assert.equal(period.isError, true);
    assert.match(texts(period)[0], /summaryPeriod/);
  });

  it('exits when the client closes stdin', async () => {
    const r = spawnSync('node', [BIN, 'mcp', '--file', file, '--now', NOW_ISO], { input: '', encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '', 'nothing but protocol messages on stdout');
  });

  it('answers a request piped before stdin closes', async () => {
    const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'pipe', version: '1' } } };
    const call1 = { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'get_release_health', arguments: { release: HOSTILE } } };
    const input = [init, { jsonrpc: '2.0', method: 'notifications/initialized' }, call1].map((m) => JSON.stringify(m)).join('\n') + '\n';
    const r = spawnSync('node', [BIN, 'mcp', '--file', file, '--now', NOW_ISO], { input, encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 0, r.stderr);
    const answers = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const answer = answers.find((a) => a.id === 2);
    assert.ok(answer, r.stdout);
    assert.equal(answer.result.structuredContent.releases[0].release, HOSTILE);
  });

  it('bad arguments exit 2 with one line before serving', () => {
    const r = spawnSync('node', [BIN, 'mcp', '--file', file, '--format', 'table'], { encoding: 'utf8', input: '' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^release-health: Unknown option '--format'/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    const none = spawnSync('node', [BIN, 'mcp'], { encoding: 'utf8', input: '' });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /give exactly one source/);
  });
});
