// The `compare --format table` view against hostile names and missing figures: found by QA
// (a 100 KB candidate name padded every row of the table to 100 KB; a missing rate read "-"
// where every other surface reads "—").
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { MAX_CELL_CHARS } from '../../../src/present/printable';
import { NO_VALUE } from '../../../src/present/numbers';
import { HOUR, iso, ndjson, NOW, sessions } from '../fixtures/sessionLines';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-compare-table-'));
const longName = 'y'.repeat(100_000);
const bidiName = 'evil\u202egnp.exe';
const file = path.join(dir, 'sessions.ndjson');
fs.writeFileSync(file, ndjson([...sessions('1.0', NOW - HOUR, 40, 1), ...sessions(longName, NOW - HOUR, 40, 2), ...sessions(bidiName, NOW - HOUR, 40, 0)]));
// The same releases without any user: both crash-free user rates are null.
const noUsers = path.join(dir, 'no-users.ndjson');
fs.writeFileSync(noUsers, ndjson([...sessions('1.0', NOW - HOUR, 40, 1), ...sessions('2.0', NOW - HOUR, 40, 0)].map(({ did: _did, ...line }) => line)));

async function compareTable(base: string, candidate: string, source = file) {
  let out = '';
  let err = '';
  const code = await main(['compare', '--now', iso(NOW), '--file', source, '--base', base, '--candidate', candidate, '--format', 'table'], { stdout: (t) => (out += t), stderr: (t) => (err += t), env: {} });
  return { code, out, err };
}

describe('cli: compare --format table with hostile names', () => {
  it('cuts a huge release name in the table, so it cannot pad every row (the JSON keeps it whole)', async () => {
    const r = await compareTable('1.0', longName);
    assert.equal(r.code, 0, r.err);
    for (const line of r.out.split('\n')) assert.ok([...line].length < 4 * MAX_CELL_CHARS + 200, `a line of ${line.length} characters`);
    assert.ok(r.out.includes('y'.repeat(MAX_CELL_CHARS - 1) + '…'));
  });

  it('escapes bidi controls in every line that names a release', async () => {
    const r = await compareTable('1.0', bidiName);
    assert.equal(r.code, 0, r.err);
    assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(r.out));
    assert.ok(r.out.includes('evil\\u202egnp.exe'));
  });

  it('spells a missing rate with the one no-value mark every surface uses', async () => {
    const r = await compareTable('1.0', '2.0', noUsers);
    assert.equal(r.code, 0, r.err);
    const usersRow = r.out.split('\n').find((l) => l.startsWith('crash-free users'));
    assert.ok(usersRow, r.out);
    const cells = usersRow.split(/\s{2,}/);
    assert.equal(cells[1], NO_VALUE);
    assert.equal(cells[2], NO_VALUE);
  });
});
