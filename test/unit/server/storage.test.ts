// The durable log: framing, torn-tail recovery, replay into a restarted server, and --import.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LOG_FILE } from '../../../src/server/store/durableStore';
import { MAX_PAYLOAD } from '../../../src/server/store/frameScan';
import { FRAME_IMPORT_COMMIT } from '../../../src/server/store/logRecords';
import { encodeFrame, readFrames, StorageLog } from '../../../src/server/store/storageLog';
import { ingest, NOW, sessions, testServer, update } from './helpers';

const dirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-server-'));
  dirs.push(dir);
  return dir;
}

after(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('server/storage: log framing and recovery', () => {
  it('reads back every appended frame, and cuts a torn tail on open', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'log');
    const { log } = StorageLog.open(file);
    await Promise.all([1, 2, 3].map((i) => log.append(1, Buffer.from(`payload ${i}`))));
    await log.close();
    const good = fs.statSync(file).size;
    // A crash mid-write: half a frame at the end.
    const frame = encodeFrame(1, Buffer.alloc(24, 0x61));
    fs.appendFileSync(file, frame.subarray(0, 20));
    const seen: string[] = [];
    const { log: reopened, report } = StorageLog.open(file, { visit: (f) => seen.push(f.payload.toString()) });
    assert.deepEqual(seen.sort(), ['payload 1', 'payload 2', 'payload 3']);
    assert.equal(report.truncatedBytes, 20);
    // Half a frame is what a crash leaves: cut, not kept as damage.
    assert.equal(report.damaged[0].savedTo, null);
    assert.equal(fs.statSync(file).size, good);
    await reopened.append(1, Buffer.from('after'));
    await reopened.close();
    const after: string[] = [];
    readFrames(file, (f) => after.push(f.payload.toString()));
    assert.equal(after.length, 4);
    assert.equal(after[3], 'after');
  });

  it('writes text payloads as UTF-8 and bytes as given, in one batch, each with its own length and checksum', async () => {
    const file = path.join(tempDir(), 'log');
    const { log } = StorageLog.open(file);
    const payloads: Array<string | Buffer> = ['["u","é 👍"]', Buffer.from([0x7b, 0x7d]), '', 'ascii'];
    await Promise.all(payloads.map((p, i) => log.append(i + 1, p)));
    await log.close();
    const seen: Array<{ kind: number; payload: Buffer }> = [];
    const { log: again, report } = StorageLog.open(file, { visit: (f) => seen.push({ kind: f.kind, payload: Buffer.from(f.payload) }) });
    await again.close();
    assert.equal(report.damaged.length, 0);
    assert.deepEqual(seen.map((f) => f.kind), [1, 2, 3, 4]);
    assert.deepEqual(seen.map((f) => f.payload), payloads.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
    // Framed as encodeFrame frames the same bytes.
    assert.deepEqual(fs.readFileSync(file), Buffer.concat(payloads.map((p, i) => encodeFrame(i + 1, typeof p === 'string' ? Buffer.from(p, 'utf8') : p))));
  });

  it('refuses a payload the scan could not read back, alone: the frames batched with it are written', async () => {
    const file = path.join(tempDir(), 'log');
    const { log } = StorageLog.open(file);
    // Not filled: never written, only measured.
    const huge = Buffer.allocUnsafe(MAX_PAYLOAD + 1);
    const results = await Promise.allSettled([log.append(1, 'before'), log.append(2, huge), log.append(3, 'after')]);
    await log.close();
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
    const kinds: number[] = [];
    const { log: again } = StorageLog.open(file, { visit: (f) => kinds.push(f.kind) });
    await again.close();
    assert.deepEqual(kinds, [1, 3]);
  });

  it('stops at a frame whose checksum does not match', async () => {
    const file = path.join(tempDir(), 'log');
    const { log } = StorageLog.open(file);
    await log.append(1, Buffer.from('first'));
    await log.append(1, Buffer.from('second'));
    await log.close();
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 2] ^= 0xff;
    fs.writeFileSync(file, bytes);
    const seen: string[] = [];
    const { log: again, report } = StorageLog.open(file, { visit: (f) => seen.push(f.payload.toString()) });
    await again.close();
    assert.deepEqual(seen, ['first']);
    assert.equal(report.frames, 1);
  });
});

describe('server/storage: restart and import', () => {
  it('keeps acknowledged sessions and auto-created projects across a restart', async () => {
    const dataDir = tempDir();
    const first = await testServer({ dataDir });
    await ingest(first, [update({ sid: 'a', did: 'u1', init: true, started: NOW - 600, status: 'exited' })], 1);
    await ingest(first, [update({ sid: 'b', did: 'u2', init: true, started: NOW - 600, status: 'crashed', errors: 1 })], 9);
    await first.close();
    const second = await testServer({ dataDir });
    try {
      assert.equal(second.recovery!.truncatedBytes, 0);
      assert.ok(second.projects().some((p) => p.slug === 'project-9'));
      const r = await sessions(second, { field: ['sum(session)', 'count_unique(user)', 'crash_free_rate(session)'], statsPeriod: '1d', interval: '1h' });
      assert.deepEqual(r.body.groups[0].totals, { 'sum(session)': 2, 'count_unique(user)': 2, 'crash_free_rate(session)': 0.5 });
    } finally {
      await second.close();
    }
  });

  it('imports NDJSON once, skipping bad lines with their numbers, creating projects for new slugs', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'import.ndjson');
    const started = new Date((NOW - 7200) * 1000).toISOString();
    fs.writeFileSync(file, [
      JSON.stringify({ project: 'imported', sid: 's1', did: 'u1', init: true, started, status: 'exited', attrs: { release: 'i@1', environment: 'prod' } }),
      'not json',
      JSON.stringify({ sid: 's2', init: true, started, status: 'exited', attrs: { release: 'i@1', environment: 'prod' } }),
      JSON.stringify({ project: 'imported', started, status: 'weird', attrs: { release: 'i@1' } }),
      JSON.stringify({ project: 'imported', aggregates: [{ started, exited: 3, crashed: 1 }], attrs: { release: 'i@1', environment: 'prod' } }),
      '',
    ].join('\n'));
    const first = await testServer({ dataDir, importFile: file });
    const report = first.importReport!;
    assert.equal(report.imported, 3);
    assert.equal(report.skipped, 2);
    assert.deepEqual(report.samples.map((s) => s.line), [2, 4]);
    const imported = first.projects().find((p) => p.slug === 'imported')!;
    assert.ok(imported.id > 1);
    const count = async (s: typeof first): Promise<Record<string, number>> => {
      const r = await sessions(s, { field: 'sum(session)', groupBy: 'project', statsPeriod: '1d', interval: '1h' });
      return Object.fromEntries(r.body.groups.map((g: any) => [g.by.project, g.totals['sum(session)']]));
    };
    assert.deepEqual(await count(first), { [imported.id]: 5, 1: 1 });
    await first.close();
    const second = await testServer({ dataDir, importFile: file });
    try {
      assert.equal(second.importReport!.alreadyImported, true);
      assert.deepEqual(await count(second), { [imported.id]: 5, 1: 1 });
    } finally {
      await second.close();
    }
  });

  it('ignores the frames of an import whose commit never reached the disk', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'import.ndjson');
    fs.writeFileSync(file, JSON.stringify({ sid: 's', init: true, started: new Date((NOW - 60) * 1000).toISOString(), attrs: { release: 'x' } }));
    await (await testServer({ dataDir, importFile: file })).close();
    // Drop the commit frames (written last, twice), as if the process died before writing them.
    const log = path.join(dataDir, LOG_FILE);
    const commits: number[] = [];
    readFrames(log, (f) => {
      if (f.kind === FRAME_IMPORT_COMMIT) commits.push(f.offset);
    });
    assert.equal(commits.length, 2);
    fs.truncateSync(log, commits[0]);
    const again = await testServer({ dataDir });
    try {
      assert.equal(again.recovery!.uncommittedImportFrames, 1);
      const r = await sessions(again, { field: 'sum(session)', statsPeriod: '1d', interval: '1h' });
      assert.equal(r.body.groups[0].totals['sum(session)'], 0);
    } finally {
      await again.close();
    }
  });
});

describe('server/storage: data dir lock', () => {
  it('refuses a second server on the same data dir, and takes over a lock whose process is gone', async () => {
    const dataDir = tempDir();
    const first = await testServer({ dataDir });
    try {
      const outcome = await testServer({ dataDir }).then(
        async (second) => {
          await second.close();
          return 'started';
        },
        (err: Error) => err.message,
      );
      assert.match(outcome, /in use by process/);
    } finally {
      await first.close();
    }
    // A lock left by a process that died (kill -9): pid 2^22 + 1 is above Linux's pid_max default.
    fs.writeFileSync(path.join(dataDir, 'server.lock'), String(4194305));
    const again = await testServer({ dataDir });
    await again.close();
    assert.equal(fs.existsSync(path.join(dataDir, 'server.lock')), false);
  });
});
