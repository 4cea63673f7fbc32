// The CI gate never passes what it cannot see (issue 11, point 6) and can say
// `insufficient-data` (exit 3) with --min-sessions.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { iso, ndjson, NOW, session } from '../fixtures/sessionLines';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-gate-'));
const write = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};
const many = (release: string, n: number, crashed: number, started = NOW - 3600) =>
  Array.from({ length: n }, (_, i) => session({ sid: `${release}-${i}`, did: `u${i}`, release, started, status: i < crashed ? 'crashed' : 'exited', errors: i < crashed ? 1 : 0 })).flat();
const data = write('data.ndjson', ndjson([...many('big', 100, 0), ...many('thin', 10, 0), ...many('bad', 50, 10)]));
const empty = write('empty.ndjson', '');
const garbage = write('garbage.ndjson', 'not json\n{"also": "not a session"}\n\u0000\u0001\n');
const old = write('old.ndjson', ndjson(many('gone', 50, 0, NOW - 20 * 86400)));

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['overview', '--now', iso(NOW), ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t), env: {} });
  return { code, out, err };
}

describe('cli: the --fail-under gate', () => {
  it('fails on a release that is not in the data, saying so', async () => {
    const r = await cli('--file', data, '--fail-under', 'crash-free-sessions=99', '--release', 'typo');
    assert.equal(r.code, 1);
    assert.match(r.err, /release 'typo' is not in the data \(releases seen: .*big/);
    assert.equal(JSON.parse(r.out).gate.result, 'fail');
  });

  it('fails on an empty file and on a file of garbage', async () => {
    const e = await cli('--file', empty, '--fail-under', 'crash-free-sessions=99');
    assert.equal(e.code, 1);
    assert.match(e.err, /no release has sessions in the summary window: nothing to gate/);
    const g = await cli('--file', garbage, '--fail-under', 'crash-free-sessions=99');
    assert.equal(g.code, 1);
    assert.match(g.err, /3 unusable line\(s\) skipped/);
    // A release with data only outside the summary window, named: no sessions to judge.
    const o = await cli('--file', old, '--fail-under', 'crash-free-sessions=99', '--release', 'gone');
    assert.equal(o.code, 1);
    assert.match(o.err, /default gone: no sessions in the summary window/);
  });

  it('with --min-sessions: thin or missing data is insufficient-data, exit 3, in the output', async () => {
    const thin = await cli('--file', data, '--fail-under', 'crash-free-sessions=99', '--release', 'thin', '--min-sessions', '30');
    assert.equal(thin.code, 3);
    assert.match(thin.err, /insufficient-data: default thin: 10 session\(s\) < --min-sessions 30/);
    assert.deepEqual(JSON.parse(thin.out).gate, { result: 'insufficient-data', reasons: ['default thin: 10 session(s) < --min-sessions 30'] });
    assert.equal(JSON.parse(thin.out).releases[0].healthStatus, 'insufficient-data');
    const typo = await cli('--file', data, '--fail-under', 'crash-free-sessions=99', '--release', 'typo', '--min-sessions', '30');
    assert.equal(typo.code, 3);
    const none = await cli('--file', empty, '--fail-under', 'crash-free-sessions=99', '--min-sessions', '1', '--format', 'table');
    assert.equal(none.code, 3);
    assert.match(none.out, /Gate: insufficient-data/);
    // Enough data: judged as before.
    assert.equal((await cli('--file', data, '--fail-under', 'crash-free-sessions=99', '--release', 'big', '--min-sessions', '30')).code, 0);
    assert.equal((await cli('--file', data, '--fail-under', 'crash-free-sessions=99', '--release', 'thin', '--min-sessions', '10')).code, 0);
  });

  it('a real failure wins over insufficient data', async () => {
    const r = await cli('--file', data, '--fail-under', 'crash-free-sessions=99', '--min-sessions', '30');
    assert.equal(r.code, 1);
    assert.match(r.err, /gate failed: default bad: crash-free-sessions 80\.00 < 99; insufficient-data: default thin/);
  });

  it('refuses --min-sessions without a gate or with a bad number', async () => {
    assert.equal((await cli('--file', data, '--min-sessions', '30')).code, 2);
    assert.equal((await cli('--file', data, '--fail-under', 'crash-free-sessions=99', '--min-sessions', '-1')).code, 2);
    assert.equal((await cli('--file', data, '--fail-under', 'crash-free-sessions=99', '--min-sessions', '3.5')).code, 2);
  });
});
