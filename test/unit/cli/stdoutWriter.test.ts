import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Writable } from 'stream';
import { fdWriter } from '../../../src/cli/stdoutWriter';

/** A stream that keeps what it is given, and counts how often it was asked for. */
function collecting(): { stream: Writable; text: () => string; opened: () => number; fallback: () => Writable } {
  const chunks: Buffer[] = [];
  let opened = 0;
  const stream = new Writable({ write(chunk, _enc, done) { chunks.push(Buffer.from(chunk)); done(); } });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8'), opened: () => opened, fallback: () => (opened++, stream) };
}

describe('cli/stdoutWriter', () => {
  it('writes the whole text to the descriptor, looping over partial writes, and never opens the stream', () => {
    const written: Buffer[] = [];
    const out = collecting();
    // At most 3 bytes a call, as a pipe may take less than asked.
    const write = ((_fd: number, buf: Buffer, offset: number, length: number) => {
      const n = Math.min(3, length);
      written.push(Buffer.from(buf.subarray(offset, offset + n)));
      return n;
    }) as unknown as typeof fs.writeSync;
    const w = fdWriter(1, out.fallback, write);
    w('{"release": "dé"}\n');
    w('second\n');
    assert.equal(Buffer.concat(written).toString('utf8'), '{"release": "dé"}\nsecond\n');
    assert.equal(out.opened(), 0);
  });

  it('hands the rest to the stream on EAGAIN, and every later write too, so the order holds', () => {
    const written: Buffer[] = [];
    const out = collecting();
    let calls = 0;
    const write = ((_fd: number, buf: Buffer, offset: number, length: number) => {
      if (++calls === 2) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), { code: 'EAGAIN' });
      const n = Math.min(4, length);
      written.push(Buffer.from(buf.subarray(offset, offset + n)));
      return n;
    }) as unknown as typeof fs.writeSync;
    const w = fdWriter(1, out.fallback, write);
    w('abcdefgh');
    w('ijk');
    assert.equal(Buffer.concat(written).toString('utf8'), 'abcd');
    assert.equal(out.text(), 'efghijk');
    assert.equal(out.opened(), 1);
    assert.equal(calls, 2, 'the descriptor is not written again once the stream has the output');
  });

  it('the bundled CLI writes the same document to a file, a pipe and and ends when its reader closes the pipe early', function () {
    this.timeout(30_000);
    const bin = path.resolve(__dirname, '../../../dist/cli.js');
    if (!fs.existsSync(bin)) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-stdout-'));
    const data = path.join(dir, 'sessions.ndjson');
    // Big enough that the document exceeds a pipe's buffer (64 KB): many releases.
    fs.writeFileSync(data, Array.from({ length: 3000 }, (_, i) => JSON.stringify({ sid: `s${i}`, did: `u${i}`, init: true, started: '2026-11-26T11:00:00Z', status: 'exited', errors: 0, attrs: { release: `r${i}` } })).join('\n') + '\n');
    const args = [bin, 'overview', '--file', data, '--now', '2026-11-26T12:00:00Z', '--format', 'json'];
    const piped = spawnSync(process.execPath, args, { maxBuffer: 64 << 20 });
    assert.equal(piped.status, 0, piped.stderr.toString());
    assert.ok(piped.stdout.length > 256 << 10, `document of ${piped.stdout.length} bytes`);
    const doc = JSON.parse(piped.stdout.toString('utf8'));
    assert.equal(doc.releases.length, 3000);
    const outFile = path.join(dir, 'out.json');
    const fd = fs.openSync(outFile, 'w');
    const toFile = spawnSync(process.execPath, args, { stdio: ['ignore', fd, 'pipe'] });
    fs.closeSync(fd);
    assert.equal(toFile.status, 0);
    assert.deepEqual(fs.readFileSync(outFile), piped.stdout);
    // A reader that reads nothing and exits: the CLI ends (no hang), as `| head -c 1` would make it.
    const closed = spawnSync('sh', ['-c', `"${process.execPath}" ${args.map((a) => `"${a}"`).join(' ')} | head -c 1 >/dev/null`], { timeout: 20_000 });
    assert.equal(closed.error, undefined, 'ended before the timeout');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
