// Issue 11, point 10: a line too long to read (over 64 MB; near 512 MB a string cannot hold it
// and the run used to abort) is skipped and reported like any unusable line, by both readers,
// with the same line numbers, and the lines after it still count.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readSessionFile } from '../../../src/raw/readSessionFile';
import { MAX_LINE_BYTES, TOO_LONG_REASON } from '../../../src/raw/lineLimit';
import { NOW, update } from '../fixtures/sessionLines';

describe('raw: a line longer than the readers read', function () {
  this.timeout(60000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-longline-'));
  const file = path.join(dir, 'long.ndjson');
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  before(() => {
    const ok = (sid: string, release: string): string => JSON.stringify(update({ sid, init: true, status: 'exited', release }));
    // A valid session whose release name alone is over the limit.
    const [head, tail] = JSON.stringify(update({ sid: 'long', init: true, status: 'exited', release: '@' })).split('@');
    const long = Buffer.concat([Buffer.from(head), Buffer.alloc(MAX_LINE_BYTES + 10, 0x78), Buffer.from(tail)]);
    fs.writeFileSync(file, Buffer.concat([Buffer.from(`${ok('a', 'r1')}\n`), long, Buffer.from(`\n${ok('b', 'r1')}\n`), long]));
  });

  for (const engine of ['reference', 'fast'] as const) {
    it(`${engine}: skips it with its line number and reads on`, async () => {
      const r = await readSessionFile(file, { now: NOW, defaultProject: 'default', engine, workers: 1, chunkBytes: 1 << 20 });
      assert.deepEqual(r.skipped, { count: 2, samples: [{ line: 2, reason: TOO_LONG_REASON }, { line: 4, reason: TOO_LONG_REASON }] });
      assert.equal(r.lines, 4);
    });
  }
});
