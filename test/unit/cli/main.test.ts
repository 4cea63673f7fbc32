import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { ndjson, session, update, aggregate, NOW, iso } from '../fixtures/sessionLines';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-cli-'));
const file = path.join(dir, 'sessions.ndjson');
fs.writeFileSync(
  file,
  ndjson([
    ...Array.from({ length: 40 }, (_, i) => session({ sid: `a${i}`, did: `u${i % 7}`, status: i < 2 ? 'crashed' : 'exited', errors: i < 2 ? 1 : 0, release: '1.0' })).flat(),
    ...Array.from({ length: 40 }, (_, i) => session({ sid: `b${i}`, did: `u${i % 5}`, status: 'exited', release: '1.1', started: NOW - 1800 })).flat(),
    aggregate([{ exited: 3, started: NOW - 7200 }], { release: '<b>2.0</b>' }),
    'garbage line',
  ]),
);

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), env: {} });
  return { code, out, err };
}

describe('cli: release-health overview', () => {
  it('prints the contract figures as JSON', async () => {
    const { code, out, err } = await cli('overview', '--file', file, '--now', iso(NOW));
    assert.equal(code, 0, err);
    const doc = JSON.parse(out);
    assert.deepEqual(Object.keys(doc), ['now', 'summaryPeriod', 'healthPeriod', 'stat', 'releases', 'skipped']);
    assert.equal(doc.now, '2026-11-26T12:30:00.000Z');
    assert.equal(doc.skipped.count, 1);
    assert.deepEqual(doc.skipped.samples, [{ line: 162, reason: 'not JSON' }]);
    const r10 = doc.releases.find((r: { release: string }) => r.release === '1.0');
    assert.equal(r10.project, 'default');
    assert.equal(r10.totalSessions, 40);
    assert.equal(r10.sessionsCrashed, 2);
    assert.equal(r10.crashFreeSessions, 95);
    assert.equal(r10.healthStatus, 'critical');
    for (const key of ['hasHealthData', 'sessionsErrored', 'crashFreeSessionsInterval', 'stats', 'adoption', 'previousRelease', 'regression', 'unhandledUserRate']) {
      assert.ok(key in r10, key);
    }
    const r11 = doc.releases.find((r: { release: string }) => r.release === '1.1');
    assert.equal(r11.previousRelease, '1.0');
    assert.equal(r11.healthStatus, 'healthy');
  });

  it('filters releases, names the default project, and takes the periods and stat', async () => {
    const { out } = await cli('overview', '--file', file, '--now', iso(NOW), '--project', 'web', '--release', '1.1',
      '--summary-period', '7d', '--health-period', '48h', '--stat', 'users');
    const doc = JSON.parse(out);
    assert.deepEqual(doc.releases.map((r: { project: string; release: string }) => [r.project, r.release]), [['web', '1.1']]);
    assert.equal(doc.summaryPeriod, '7d');
    assert.equal(doc.stat, 'users');
    assert.equal(doc.releases[0].stats['48h'].length, 48);
  });

  it('prints an aligned table for people, two decimals', async () => {
    const { code, out } = await cli('overview', '--file', file, '--now', iso(NOW), '--format', 'table');
    assert.equal(code, 0);
    const lines = out.trimEnd().split('\n');
    assert.match(lines[1], /^PROJECT\s+RELEASE\s+HEALTH\s+SESSIONS/);
    assert.ok(lines.some((l) => /default\s+1\.0\s+critical\s+40\s+95\.00%/.test(l)), out);
    assert.ok(out.includes('<b>2.0</b>'));
    const header = lines[1];
    const row = lines.find((l) => l.includes(' 1.0 '))!;
    assert.equal(row.indexOf('95.00%') + '95.00%'.length, header.indexOf('CRASH-FREE S') + 'CRASH-FREE S'.length, 'right-aligned column');
    assert.match(lines[lines.length - 1], /Skipped 1 unusable line: line 162: not JSON/);
  });

  it('exits 1 when a --fail-under gate fails, 0 when it passes', async () => {
    const fail = await cli('overview', '--file', file, '--now', iso(NOW), '--fail-under', 'crash-free-sessions=99.5');
    assert.equal(fail.code, 1);
    assert.match(fail.err, /default 1\.0: crash-free-sessions 95\.00 < 99\.5/);
    const pass = await cli('overview', '--file', file, '--now', iso(NOW), '--release', '1.1', '--fail-under', 'crash-free-sessions=99.5', '--fail-under', 'crash-free-users=90');
    assert.equal(pass.code, 0, pass.err);
  });

  const usage: Array<[string[], RegExp]> = [
    [['overview', '--file', path.join(dir, 'missing.ndjson')], /no such file/],
    [['overview', '--file', dir], /not a file/],
    [['overview', '--file', file, '--summary-period', '3d'], /unknown --summary-period '3d'/],
    [['overview', '--file', file, '--health-period', 'week'], /unknown --health-period/],
    [['overview', '--file', file, '--now', 'yesterday'], /malformed --now 'yesterday'/],
    [['overview', '--file', file, '--now', '2026-11-26T12:00:00'], /malformed --now/],
    [['overview', '--file', file, '--stat', 'crashes'], /unknown --stat/],
    [['overview', '--file', file, '--format', 'xml'], /unknown --format/],
    [['overview', '--file', file, '--fail-under', 'crash-free=1'], /invalid --fail-under/],
    [['overview', '--file', file, '--bogus'], /Unknown option '--bogus'/],
    [['overview'], /give exactly one source/],
    [['frobnicate'], /unknown command/],
  ];
  for (const [args, message] of usage) {
    it(`exits 2 with one clear line: ${args.slice(1).join(' ') || args[0]}`, async () => {
      const { code, err, out } = await cli(...args);
      assert.equal(code, 2);
      assert.equal(out, '');
      assert.match(err, message);
      assert.equal(err.trim().split('\n').length, 1);
    });
  }

  it('the bundled dist/cli.js has the same exit codes', function () {
    const bin = path.resolve(__dirname, '../../../dist/cli.js');
    if (!fs.existsSync(bin)) execFileSync('node', ['esbuild.js'], { cwd: path.resolve(__dirname, '../../..') });
    const ok = spawnSync('node', [bin, 'overview', '--file', file, '--now', iso(NOW), '--format', 'table']);
    assert.equal(ok.status, 0, ok.stderr.toString());
    const gate = spawnSync('node', [bin, 'overview', '--file', file, '--now', iso(NOW), '--fail-under', 'crash-free-sessions=99']);
    assert.equal(gate.status, 1);
    const bad = spawnSync('node', [bin, 'overview', '--file', file, '--now', 'nope']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr.toString(), /^release-health: malformed --now/);
    // --url loads the API source bundled apart (dist/apiSource.js): its own usage error comes through.
    const url = spawnSync('node', [bin, 'overview', '--url', 'http://127.0.0.1:9', '--org', 'acme', '--token-env', 'RH_TEST_NO_SUCH_TOKEN']);
    assert.equal(url.status, 2, url.stderr.toString());
    assert.match(url.stderr.toString(), /^release-health: no Sentry auth token: set RH_TEST_NO_SUCH_TOKEN/);
  });

  it('a single update started before now with no release is reported, not fatal', async () => {
    const f = path.join(dir, 'mixed.ndjson');
    fs.writeFileSync(f, ndjson([{ sid: 'x', started: iso(NOW - 60) }, update({ sid: 'y', init: true })]));
    const { code, out } = await cli('overview', '--file', f, '--now', iso(NOW));
    assert.equal(code, 0);
    assert.equal(JSON.parse(out).skipped.samples[0].reason, 'no attrs.release');
  });
});
