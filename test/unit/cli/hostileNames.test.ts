// Issue 11, point 10: what the CLI prints cannot be reordered by bidi controls or padded by one
// huge release name (the JSON keeps names whole), a failed stat says what failed, and the
// server's time parameters read years before 100 as written; its data log is private.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { parseDateTime } from '../../../src/server/http/isoTime';
import { LOG_FILE } from '../../../src/server/store/durableStore';
import { startServer } from '../../../src/server/server';
import { ndjson, session, NOW, iso } from '../fixtures/sessionLines';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-cli-hostile-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), env: {} });
  return { code, out, err };
}

describe('cli: hostile release names and files', () => {
  const bidi = 'v1\u202egnp.exe\u2066x\u2069';
  const long = `r${'x'.repeat(1024 * 1024)}`;
  const file = path.join(dir, 'hostile.ndjson');
  fs.writeFileSync(file, ndjson([
    ...Array.from({ length: 3 }, (_, i) => session({ sid: `a${i}`, did: 'u1', status: 'exited', release: bidi })).flat(),
    ...Array.from({ length: 3 }, (_, i) => session({ sid: `b${i}`, did: 'u2', status: 'exited', release: long })).flat(),
  ]));

  it('escapes bidi controls and cuts long names in the table', async () => {
    const { code, out } = await cli('overview', '--file', file, '--now', iso(NOW), '--format', 'table');
    assert.equal(code, 0);
    assert.doesNotMatch(out, /[\u202a-\u202e\u2066-\u2069]/);
    assert.match(out, /v1\\u202egnp\.exe\\u2066x\\u2069/);
    assert.ok(out.length < 4000, `table of two releases is ${out.length} characters`);
    for (const line of out.split('\n')) assert.ok(line.length < 400, `a row of ${line.length} characters`);
  });

  it('keeps the names whole in JSON', async () => {
    const { out } = await cli('overview', '--file', file, '--now', iso(NOW));
    const names = (JSON.parse(out) as { releases: Array<{ release: string }> }).releases.map((r) => r.release).sort();
    assert.deepEqual(names, [long, bidi].sort());
  });

  it('says why a file cannot be read instead of always "no such file"', async () => {
    const notDir = path.join(file, 'inside');
    const { code, err } = await cli('overview', '--file', notDir, '--now', iso(NOW));
    assert.equal(code, 2);
    assert.match(err, /not a directory/);
    assert.doesNotMatch(err, /no such file/);
  });
});

describe('server: dates and file modes', () => {
  it('reads years before 100 as written', () => {
    assert.equal(parseDateTime('0050-03-01T00:00:00Z'), Date.parse('0050-03-01T00:00:00Z') / 1000);
    assert.equal(parseDateTime('0099-12-31'), Date.parse('0099-12-31T00:00:00Z') / 1000);
    assert.equal(parseDateTime('2024-02-30T00:00:00Z'), null);
    assert.equal(parseDateTime('2024-02-29T10:00:00Z'), Date.parse('2024-02-29T10:00:00Z') / 1000);
  });

  it('creates the data log readable by its owner only', async () => {
    const dataDir = path.join(dir, 'data');
    const server = await startServer({ port: 0, dataDir });
    await server.close();
    assert.equal(fs.statSync(path.join(dataDir, LOG_FILE)).mode & 0o777, 0o600);
  });
});
