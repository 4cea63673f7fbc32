import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { compareReleases } from '../../../src/health/compareReleases';
import { startServer, type RunningServer } from '../../../src/server/server';
import { DAY, HOUR, iso, ndjson, NOW, sessions } from '../fixtures/sessionLines';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-compare-'));
const file = path.join(dir, 'sessions.ndjson');
// 2.2.0: 10 days old, 40 sessions in its first day (2 crashed), 200 later today (1 crashed).
// 2.3.0: 20 hours old, 300 sessions, 24 crashed. Another project has a 2.2.0 too.
fs.writeFileSync(
  file,
  ndjson([
    ...sessions('2.2.0', NOW - 10 * DAY, 40, 2),
    ...sessions('2.2.0', NOW - 8 * HOUR, 200, 1),
    ...sessions('2.3.0', NOW - 20 * HOUR, 300, 24),
    ...sessions('2.2.0', NOW - 2 * HOUR, 5, 0).map((l) => ({ ...l, project: 'other' })),
    'not json',
  ]),
);

const twoProjects = path.join(dir, 'two.ndjson');
fs.writeFileSync(twoProjects, ndjson(['a', 'b'].flatMap((project) => [...sessions('2.2.0', NOW - HOUR, 3, 0), ...sessions('2.3.0', NOW - HOUR, 3, 0)].map((l) => ({ ...l, project })))));

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['compare', '--now', iso(NOW), ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t), env: { SENTRY_AUTH_TOKEN: server?.token ?? '' } });
  return { code, out, err };
}
let server: RunningServer | undefined;

describe('cli: release-health compare', function () {
  this.timeout(60_000);

  it('prints the specified JSON: the comparison and both overview objects', async () => {
    const r = await cli('--file', file, '--base', '2.2.0', '--candidate', '2.3.0');
    assert.equal(r.code, 0, r.err);
    const doc = JSON.parse(r.out);
    assert.deepEqual(Object.keys(doc), ['project', 'base', 'candidate', 'age', 'crashFreeSessions', 'crashFreeUsers', 'baseHealth', 'candidateHealth']);
    assert.deepEqual(Object.keys(doc.crashFreeSessions), ['base', 'candidate', 'difference', 'differenceInterval', 'pValue', 'verdict']);
    assert.equal(doc.project, 'default');
    assert.equal(doc.age, null);
    const overview = await main(['overview', '--now', iso(NOW), '--file', file], { stdout: (t) => (ov += t), stderr: () => undefined, env: {} });
    assert.equal(overview, 0);
    const rel = (v: string) => JSON.parse(ov).releases.find((x: { project: string; release: string }) => x.project === 'default' && x.release === v);
    assert.deepEqual(doc.baseHealth, rel('2.2.0'));
    assert.deepEqual(doc.candidateHealth, rel('2.3.0'));
    assert.equal(doc.baseHealth.totalSessions, 200, 'summary window (24 h): today\'s 200');
    const expected = compareReleases(doc.baseHealth, doc.candidateHealth, { minimumSessions: 30 });
    assert.deepEqual(doc.crashFreeSessions, JSON.parse(JSON.stringify(expected.crashFreeSessions)));
    assert.equal(doc.crashFreeSessions.verdict, 'worse'); // 99.5 % against 92 %
    assert.match(r.err, /skipped 1 unusable line\(s\): line \d+: not JSON/);
  });
  let ov = '';

  it('--age compares each release over its own first hours', async () => {
    const r = await cli('--file', file, '--base', '2.2.0', '--candidate', '2.3.0', '--age', '24', '--project', 'default');
    assert.equal(r.code, 0, r.err);
    const doc = JSON.parse(r.out);
    assert.equal(doc.age, 24);
    assert.equal(doc.baseHealth.totalSessions, 40);
    assert.equal(doc.baseHealth.sessionsCrashed, 2);
    assert.equal(doc.candidateHealth.totalSessions, 300);
    assert.equal(doc.crashFreeSessions.base, 95);
    assert.equal(doc.crashFreeSessions.candidate, 92);
    assert.equal(doc.crashFreeSessions.verdict, 'inconclusive');
  });

  it('--fail-on worse exits 1 on a worse candidate, 0 otherwise; a table says it in words', async () => {
    const worse = await cli('--file', file, '--base', '2.2.0', '--candidate', '2.3.0', '--fail-on', 'worse', '--format', 'table');
    assert.equal(worse.code, 1);
    assert.match(worse.out, /2\.3\.0 crashes more than 2\.2\.0: \u22127\.\d pp, 95 % CI \u2212\d+\.\d to \u2212\d\.\d/);
    assert.match(worse.out, /crash-free sessions\s+99\.50%\s+92\.00%/);
    const better = await cli('--file', file, '--base', '2.3.0', '--candidate', '2.2.0', '--fail-on', 'worse');
    assert.equal(better.code, 0);
    assert.equal(JSON.parse(better.out).crashFreeSessions.verdict, 'better');
  });

  it('exits 2 and says why on a missing release, an ambiguous project, bad arguments', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--file', file, '--base', '2.2.0', '--candidate', 'typo'], /release 'typo' is not in the data \(releases seen: 2\.3\.0, 2\.2\.0\)/],
      [['--file', twoProjects, '--base', '2.2.0', '--candidate', '2.3.0'], /both releases are in projects a, b: name one with --project/],
      [['--file', twoProjects, '--base', '2.2.0', '--candidate', '2.3.0', '--project', 'c'], /release '2\.2\.0' is not in project 'c' \(its releases: none\)/],
      [['--file', file, '--base', '2.2.0'], /--base VERSION --candidate VERSION/],
      [['--file', file, '--base', '2.2.0', '--candidate', '2.2.0'], /same release/],
      [['--file', file, '--base', '2.2.0', '--candidate', '2.3.0', '--age', '0'], /invalid --age/],
      [['--file', file, '--base', '2.2.0', '--candidate', '2.3.0', '--fail-on', 'better'], /unknown --fail-on/],
      [['--base', '2.2.0', '--candidate', '2.3.0'], /exactly one source/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message);
    }
  });

  describe('through the API (local server)', () => {
    before(async () => {
      server = await startServer({ port: 0, host: '127.0.0.1', now: NOW * 1000, importFile: file });
    });
    after(async () => {
      await server?.close();
      server = undefined;
    });
    for (const age of [[], ['--age', '24']]) {
      it(`prints the same JSON as --file${age.length ? ' with --age' : ''}`, async () => {
        const viaFile = await cli('--file', file, '--base', '2.2.0', '--candidate', '2.3.0', '--project', 'default', ...age);
        const viaUrl = await cli('--url', server!.url, '--org', server!.org, '--base', '2.2.0', '--candidate', '2.3.0', '--project', 'default', ...age);
        assert.equal(viaUrl.code, 0, viaUrl.err);
        const f = JSON.parse(viaFile.out);
        const u = JSON.parse(viaUrl.out);
        for (const d of [f, u]) for (const h of [d.baseHealth, d.candidateHealth]) h.firstSeen = null;
        assert.deepEqual(u, f);
      });
    }
  });
});
