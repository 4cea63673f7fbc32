// Issue 11, point 5: a write failure (a full disk) is logged once, answered 503 while it lasts,
// and ingest recovers by itself once writes succeed again: no restart needed, nothing acknowledged
// lost, no garbage left between frames.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readFrames, StorageLog } from '../../../src/server/store/storageLog';
import { envelopeBody, NOW, postEnvelope, sessions, testServer, update } from './helpers';

type WriteFn = typeof fs.write;
// The module object itself (the import above is a read-only view of it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs = require('fs') as { write: WriteFn };

/** Makes fs.write fail like a full disk after writing half of what it was given, until restored. */
function fillDisk(): () => void {
  const real = nodeFs.write;
  nodeFs.write = ((fd: number, buffer: Buffer, offset: number, length: number, position: null, cb: (err: NodeJS.ErrnoException | null, written: number) => void) => {
    const half = Math.floor(length / 2);
    real(fd, buffer, offset, half, position, () => {
      const err: NodeJS.ErrnoException = new Error('ENOSPC: no space left on device, write');
      err.code = 'ENOSPC';
      cb(err, 0);
    });
  }) as unknown as WriteFn;
  return () => {
    nodeFs.write = real;
  };
}

describe('server/storage: recovering from a failed write', function () {
  this.timeout(20000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-outage-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('logs the cause once, refuses appends while writes fail, and writes again once the disk has room', async () => {
    const file = path.join(dir, 'log');
    const warnings: string[] = [];
    const { log } = StorageLog.open(file, { warn: (l) => warnings.push(l) });
    await log.append(1, Buffer.from('{"n":1}'));
    const restore = fillDisk();
    try {
      await assert.rejects(log.append(1, Buffer.from('{"n":2}')), /ENOSPC/);
      await assert.rejects(log.append(1, Buffer.from('{"n":3}')), /ENOSPC/);
    } finally {
      restore();
    }
    assert.equal(warnings.filter((w) => /write failed/.test(w)).length, 1, warnings.join('\n'));
    assert.match(warnings[0], /ENOSPC/);
    await new Promise((r) => setTimeout(r, 1100));
    await log.append(1, Buffer.from('{"n":4}'));
    await log.close();
    assert.ok(warnings.some((w) => /writes succeed again/.test(w)), warnings.join('\n'));
    const seen: string[] = [];
    const r = readFrames(file, (f) => seen.push(f.payload.toString()));
    assert.deepEqual(seen, ['{"n":1}', '{"n":4}']);
    assert.equal(r.validBytes, r.fileBytes);
  });

  it('a server answers 503 during the outage and 200 after it, without a restart', async () => {
    const lines: string[] = [];
    const server = await testServer({ dataDir: path.join(dir, 'data'), log: (l) => lines.push(l) });
    const env = (sid: string): Buffer => envelopeBody([{ type: 'session', payload: update({ sid, init: true, started: NOW - 60, status: 'exited' }) }]);
    try {
      const restore = fillDisk();
      let during: number;
      try {
        during = (await postEnvelope(server, 1, env('lost'))).status;
      } finally {
        restore();
      }
      assert.equal(during, 503);
      let after = 0;
      for (let i = 0; i < 30 && after !== 200; i++) {
        after = (await postEnvelope(server, 1, env('kept'))).status;
        if (after !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(after, 200);
      const r = await sessions(server, { field: 'sum(session)', statsPeriod: '1d', interval: '1h' });
      assert.equal(r.body.groups[0].totals['sum(session)'], 1);
      assert.ok(lines.some((l) => /write failed.*ENOSPC/.test(l)), lines.join('\n'));
    } finally {
      await server.close();
    }
  });
});
