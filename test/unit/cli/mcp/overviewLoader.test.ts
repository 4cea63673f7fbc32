import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseMcpArgs } from '../../../../src/cli/mcp/mcpArgs';
import { overviewLoader, REUSE_MS } from '../../../../src/cli/mcp/overviewLoader';
import { NOW, iso, ndjson, session } from '../../fixtures/sessionLines';

const io = { stdout: () => undefined, stderr: () => undefined, env: {} };

describe('cli/mcp: overviewLoader', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-mcp-loader-'));
  const file = path.join(dir, 's.ndjson');
  const write = (n: number) => fs.writeFileSync(file, ndjson(Array.from({ length: n }, (_, i) => session({ sid: `s${i}`, status: 'exited', started: NOW - 600 })).flat()));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reuses a result for a minute, then answers as of the new time', async () => {
    write(3);
    let clock = NOW * 1000;
    const loader = overviewLoader(parseMcpArgs(['--file', file]), io, () => clock);
    const first = await loader.load({});
    assert.equal(first.overview.now, iso(NOW));
    assert.equal(await loader.load({}), first, 'the same result within a minute');
    assert.notEqual(await loader.load({ summaryPeriod: '7d' }), first, 'other options are another result');
    clock += REUSE_MS;
    const later = await loader.load({});
    assert.notEqual(later, first);
    assert.equal(later.overview.now, iso(NOW + REUSE_MS / 1000));
  });

  it('with a fixed --now, reloads only when the file changes; failures are not remembered', async () => {
    write(3);
    const loader = overviewLoader(parseMcpArgs(['--file', file, '--now', iso(NOW)]), io, () => 0);
    const envs = await loader.load({ environments: ['a', 'b'] });
    assert.equal(await loader.load({ environments: ['b', 'a'] }), envs, 'the same environments in another order');
    const first = await loader.load({});
    assert.equal(first.overview.releases[0].totalSessions, 3);
    assert.equal(await loader.load({}), first);
    write(5);
    assert.equal((await loader.load({})).overview.releases[0].totalSessions, 5);
    fs.rmSync(file);
    await assert.rejects(loader.load({}), /no such file/);
    write(4);
    assert.equal((await loader.load({})).overview.releases[0].totalSessions, 4);
  });
});
