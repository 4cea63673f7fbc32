// Issue 11, points 1 and 2: damage in the middle of the log loses only the damaged frame (every
// valid frame after it is kept, the damaged bytes are moved aside and reported), and a retried
// import never counts a killed attempt's frames.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LOG_FILE } from '../../../src/server/store/durableStore';
import { FRAME_IMPORT_COMMIT } from '../../../src/server/store/logRecords';
import { readFrames, StorageLog } from '../../../src/server/store/storageLog';
import { ingest, NOW, sessions, testServer, update } from './helpers';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-recovery-'));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function frameOffsets(file: string): Array<{ offset: number; kind: number; length: number }> {
  const out: Array<{ offset: number; kind: number; length: number }> = [];
  readFrames(file, (f) => out.push({ offset: f.offset, kind: f.kind, length: 16 + f.payload.length }));
  return out;
}

describe('server/storage: damage in the middle of the log', () => {
  it('keeps every valid frame after a flipped byte, moves the damaged bytes aside and says where', async () => {
    const file = path.join(tempDir(), 'log');
    const { log } = StorageLog.open(file);
    for (let i = 0; i < 200; i++) await log.append(1, Buffer.from(JSON.stringify({ n: i })));
    await log.close();
    const frames = frameOffsets(file);
    const victim = frames[10];
    const bytes = fs.readFileSync(file);
    bytes[victim.offset + 20] ^= 0x10;
    fs.writeFileSync(file, bytes);

    const seen: number[] = [];
    const { log: reopened, report } = StorageLog.open(file, { visit: (f) => seen.push((JSON.parse(f.payload.toString()) as { n: number }).n) });
    assert.equal(seen.length, 199);
    assert.deepEqual(seen, Array.from({ length: 200 }, (_, i) => i).filter((i) => i !== 10));
    assert.equal(report.framesAfterDamage, 189);
    assert.equal(report.truncatedBytes, 0);
    assert.equal(report.damaged.length, 1);
    assert.equal(report.damaged[0].offset, victim.offset);
    assert.equal(report.damaged[0].bytes, victim.length);
    // The damaged bytes are kept, byte for byte, next to the log.
    assert.deepEqual(fs.readFileSync(report.damaged[0].savedTo!), bytes.subarray(victim.offset, victim.offset + victim.length));
    // The log now holds only valid frames, and appends go on after them.
    await reopened.append(1, Buffer.from(JSON.stringify({ n: 200 })));
    await reopened.close();
    const after: number[] = [];
    const again = StorageLog.open(file, { visit: (f) => after.push((JSON.parse(f.payload.toString()) as { n: number }).n) });
    await again.log.close();
    assert.equal(again.report.damaged.length, 0);
    assert.equal(after.length, 200);
    assert.equal(after[199], 200);
  });

  it('resynchronises past a damaged length field and a run of garbage', async () => {
    const file = path.join(tempDir(), 'log');
    const { log } = StorageLog.open(file);
    for (let i = 0; i < 50; i++) await log.append(1, Buffer.from(`{"n":${i}}`));
    await log.close();
    const frames = frameOffsets(file);
    const bytes = fs.readFileSync(file);
    bytes.writeUInt32LE(0x7fffffff, frames[3].offset + 8); // a length pointing past the end
    bytes.fill(0x52, frames[20].offset, frames[22].offset + 5); // garbage over two and a bit frames
    fs.writeFileSync(file, bytes);
    let count = 0;
    const { log: reopened, report } = StorageLog.open(file, { visit: () => count++ });
    await reopened.close();
    assert.equal(count, 50 - 1 - 3);
    assert.deepEqual(report.damaged.map((d) => d.offset), [frames[3].offset, frames[20].offset]);
  });

  it('a server restarted on a damaged data dir keeps the sessions after the damage and logs where it was', async () => {
    const dataDir = tempDir();
    const first = await testServer({ dataDir });
    for (let i = 0; i < 40; i++) await ingest(first, [update({ sid: `s${i}`, did: `u${i}`, init: true, started: NOW - 600, status: 'exited', release: `r${i}` })]);
    await first.close();
    const file = path.join(dataDir, LOG_FILE);
    const frames = frameOffsets(file);
    const bytes = fs.readFileSync(file);
    bytes[frames[1].offset + 30] ^= 0x01; // early in the log: every later frame must survive
    fs.writeFileSync(file, bytes);
    const lines: string[] = [];
    const second = await testServer({ dataDir, log: (l) => lines.push(l) });
    try {
      const r = await sessions(second, { field: 'sum(session)', groupBy: 'release', statsPeriod: '1d', interval: '1d' });
      assert.equal(r.body.groups.length, 39);
      assert.ok(lines.some((l) => l.includes(`at offset ${frames[1].offset}`) && l.includes('moved to')), lines.join('\n'));
      assert.ok(lines.some((l) => /kept 38 valid frames after the damage/.test(l)), lines.join('\n'));
    } finally {
      await second.close();
    }
  });
});

describe('server/storage: damage to a project\'s creation', () => {
  it('keeps the later sessions of a project whose creation frame was damaged visible', async () => {
    const dataDir = tempDir();
    const first = await testServer({ dataDir });
    for (let i = 0; i < 3; i++) await ingest(first, [update({ sid: `p9-${i}`, init: true, started: NOW - 600, status: 'exited' })], 9);
    await first.close();
    const file = path.join(dataDir, LOG_FILE);
    const frames = frameOffsets(file);
    const bytes = fs.readFileSync(file);
    bytes[frames[0].offset + 20] ^= 0x04; // the first frame: project-9's creation and its first session
    fs.writeFileSync(file, bytes);
    const lines: string[] = [];
    const second = await testServer({ dataDir, log: (l) => lines.push(l) });
    try {
      assert.deepEqual(second.recovery!.restoredProjects, [9]);
      const r = await sessions(second, { field: 'sum(session)', groupBy: 'project', statsPeriod: '1d', interval: '1d' });
      assert.deepEqual(r.body.groups.map((g: any) => [g.by.project, g.totals['sum(session)']]), [[9, 2]]);
      assert.ok(lines.some((l) => /projects 9 had sessions/.test(l)), lines.join('\n'));
    } finally {
      await second.close();
    }
  });
});

describe('server/storage: a retried import after a crash mid-import', () => {
  it('keeps a committed import when one of its two commit frames is damaged', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'import.ndjson');
    const started = new Date((NOW - 600) * 1000).toISOString();
    fs.writeFileSync(file, Array.from({ length: 10 }, (_, i) => JSON.stringify({ sid: `c${i}`, init: true, started, status: 'exited', attrs: { release: 'imp' } })).join('\n'));
    await (await testServer({ dataDir, importFile: file })).close();
    const log = path.join(dataDir, LOG_FILE);
    const commits = frameOffsets(log).filter((f) => f.kind === FRAME_IMPORT_COMMIT);
    const bytes = fs.readFileSync(log);
    bytes[commits[0].offset + 20] ^= 0x02;
    fs.writeFileSync(log, bytes);
    const again = await testServer({ dataDir, importFile: file });
    try {
      assert.equal(again.importReport!.alreadyImported, true);
      const r = await sessions(again, { field: 'sum(session)', statsPeriod: '1d', interval: '1d' });
      assert.equal(r.body.groups[0].totals['sum(session)'], 10);
    } finally {
      await again.close();
    }
  });

  it('counts only the committed attempt, also after another restart', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'import.ndjson');
    const started = new Date((NOW - 600) * 1000).toISOString();
    fs.writeFileSync(file, Array.from({ length: 30 }, (_, i) => JSON.stringify({ sid: `s${i}`, init: true, started, status: 'exited', attrs: { release: 'imp' } })).join('\n'));
    await (await testServer({ dataDir, importFile: file })).close();
    // The attempt dies before its commit frames reach the disk.
    const log = path.join(dataDir, LOG_FILE);
    const commits = frameOffsets(log).filter((f) => f.kind === FRAME_IMPORT_COMMIT);
    assert.equal(commits.length, 2);
    fs.truncateSync(log, commits[0].offset);

    const total = async (s: Awaited<ReturnType<typeof testServer>>): Promise<number> =>
      (await sessions(s, { field: 'sum(session)', statsPeriod: '1d', interval: '1d' })).body.groups[0].totals['sum(session)'];
    const retry = await testServer({ dataDir, importFile: file });
    try {
      assert.equal(retry.importReport!.alreadyImported, false);
      assert.equal(await total(retry), 30);
    } finally {
      await retry.close();
    }
    const restarted = await testServer({ dataDir, importFile: file });
    try {
      assert.equal(restarted.importReport!.alreadyImported, true);
      assert.equal(restarted.recovery!.uncommittedImportFrames, 1);
      assert.equal(await total(restarted), 30);
    } finally {
      await restarted.close();
    }
  });
});
