// Differential tests: the fast reader (field scanner, chunked reads, worker threads) must give
// exactly what the reference reader gives (JSON.parse of every line via parseSessionLine): the
// same record for every line the scanner takes, and the same overview JSON and skip report for
// whole files, however the file is cut into reads and ranges.
import { strict as assert } from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_THRESHOLDS, type StatsPeriod } from '../../../src/health/types';
import { checkSnapshotLayout } from '../../../src/raw/accumulatorSnapshot';
import { readSessionFileFast, type FastReadOptions, type FastReadResult } from '../../../src/raw/fastFileReader';
import { BLANK, FieldScanner } from '../../../src/raw/scan/fieldScanner';
import { overviewFromAccumulator } from '../../../src/raw/fileOverview';
import { isoSecondsFromBytes } from '../../../src/raw/isoTimeBytes';
import { newAccumulator, type ReadResult } from '../../../src/raw/readOptions';
import { readSessionFile } from '../../../src/raw/readSessionFile';
import { parseSessionLine, parseTime } from '../../../src/raw/sessionLine';
import { seededRandom } from '../../../src/demo/random';
import { NOW } from '../fixtures/sessionLines';
import { LineGenerator, TRICKY_LINES } from './fastReaderLines';
import { lineScannerModule, WASM_FILE } from '../../../src/raw/wasm/wasmModule';

const VIEWS: Array<{ summaryPeriod: StatsPeriod; healthPeriod: StatsPeriod; stat: 'sessions' | 'users'; environments: string[] | null }> = [
  { summaryPeriod: '24h', healthPeriod: '24h', stat: 'sessions', environments: null },
  { summaryPeriod: '90d', healthPeriod: '7d', stat: 'users', environments: null },
  { summaryPeriod: '14d', healthPeriod: '48h', stat: 'users', environments: ['production', ''] },
];

/** Everything a reader's result shows: the overview for several views, the skip report, the line count. */
function render(r: ReadResult): string {
  const views = VIEWS.map((v) => overviewFromAccumulator(r.accumulator, { now: NOW, thresholds: DEFAULT_THRESHOLDS, ...v }));
  return JSON.stringify({ views, skipped: r.skipped, lines: r.lines }, null, 1);
}

let tmp: string;
let workerPath: string;
let fileNo = 0;

function writeFile(content: Buffer): string {
  const file = path.join(tmp, `sessions-${fileNo++}.ndjson`);
  fs.writeFileSync(file, content);
  return file;
}

async function reference(file: string): Promise<ReadResult> {
  return readSessionFile(file, { now: NOW, defaultProject: 'default', engine: 'reference' });
}

async function fast(file: string, options: FastReadOptions): Promise<FastReadResult> {
  return readSessionFileFast(file, { now: NOW, defaultProject: 'default', ...options }, () => newAccumulator({ now: NOW, defaultProject: 'default' }));
}

/** Lines joined with a mix of \n and \r\n, sometimes blank lines between, maybe a BOM and no final newline. */
function fileOf(lines: Buffer[], seed: number, bom = true): Buffer {
  const rand = seededRandom(seed);
  const parts: Buffer[] = bom ? [Buffer.from('\ufeff')] : [];
  for (const l of lines) {
    parts.push(l, Buffer.from(rand() < 0.2 ? '\r\n' : '\n'));
    if (rand() < 0.02) parts.push(Buffer.from(rand() < 0.5 ? '\n' : '  \r\n'));
  }
  if (rand() < 0.5) parts.pop(); // the last line without a newline
  return Buffer.concat(parts);
}

/** The scanner's answer for one line, checked against the reference; true when it took the line itself. */
function agrees(scanner: FieldScanner, line: Buffer): boolean {
  let took = false;
  for (const trailing of [true, false]) {
    const buf = trailing ? Buffer.concat([line, Buffer.from('\n')]) : Buffer.from(line);
    const scanned = scanner.scan(buf, 0, line.length);
    const text = line.toString('utf8');
    const what = JSON.stringify(text);
    if (scanned === BLANK) {
      assert.equal(text.trim(), '', `blank? ${what}`);
    } else if (scanned !== null) {
      const ref = parseSessionLine(text);
      assert.ok(ref.ok, `the scanner took a line the reference skips: ${what}`);
      assert.deepStrictEqual(scanned, ref.record, `different record for ${what}`);
      took = true;
    }
  }
  return took;
}

describe('raw/fast reader', () => {
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-fast-reader-'));
    workerPath = path.join(tmp, 'readerWorker.js');
    await esbuild.build({
      entryPoints: [path.join(__dirname, '../../../src/raw/readerWorker.ts')],
      bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: workerPath, logLevel: 'warning',
    });
    // The workers load the WebAssembly scanner from beside their bundle, as in dist/ and the .vsix.
    fs.copyFileSync(path.join(__dirname, '../../../dist', WASM_FILE), path.join(tmp, WASM_FILE));
  });

  it('runs the scanner that ships: the WebAssembly module is built and loads (npm run build)', () => {
    assert.ok(lineScannerModule(), `dist/${WASM_FILE} is missing or does not compile`);
  });

  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

describe('the field scanner against the reference parser', () => {
  it('every tricky line: the same record, or left to the reference', () => {
    const scanner = new FieldScanner();
    let taken = 0;
    for (const line of TRICKY_LINES) if (agrees(scanner, line)) taken++;
    // The plain ones at the top must be taken by the fast path itself, else it is not exercised.
    for (const line of TRICKY_LINES.slice(0, 7)) assert.ok(agrees(scanner, line), `not taken: ${line.toString()}`);
    assert.ok(taken > 30, `only ${taken} tricky lines taken`);
  });

  it('20,000 random lines, valid and broken: the same record, or left to the reference', () => {
    const gen = new LineGenerator(7);
    const scanner = new FieldScanner();
    let taken = 0;
    let valid = 0;
    for (let i = 0; i < 20000; i++) {
      const line = gen.line();
      if (agrees(scanner, line)) taken++;
      if (parseSessionLine(line.toString('utf8')).ok) valid++;
    }
    assert.ok(taken > valid * 0.6, `the scanner took ${taken} of ${valid} valid lines`);
  });

  it('reads the canonical time form exactly as parseTime, and defers every other', () => {
    const rand = seededRandom(11);
    for (let i = 0; i < 20000; i++) {
      const y = 1960 + Math.floor(rand() * 150);
      const p2 = (n: number) => String(n).padStart(2, '0');
      const frac = rand() < 0.3 ? '.' + String(Math.floor(rand() * 1000)).padStart(3, '0') : '';
      const s = `${y}-${p2(1 + Math.floor(rand() * 13))}-${p2(Math.floor(rand() * 33))}T${p2(Math.floor(rand() * 25))}:${p2(Math.floor(rand() * 61))}:${p2(Math.floor(rand() * 61))}${frac}Z`;
      const v = isoSecondsFromBytes(Buffer.from(s), 0, s.length);
      if (!Number.isNaN(v)) assert.equal(v, parseTime(s), s);
    }
    const leap = '2028-02-29T23:59:59.999Z';
    assert.equal(isoSecondsFromBytes(Buffer.from(leap), 0, leap.length), parseTime(leap));
  });

  it('a file: the same overview and skip report from the reference, the fast reader and workers', async () => {
    const gen = new LineGenerator(99);
    const lines = [...TRICKY_LINES, ...Array.from({ length: 3000 }, () => gen.line()), ...TRICKY_LINES];
    const file = writeFile(fileOf(lines, 1));
    const want = render(await reference(file));
    assert.equal(render(await fast(file, { workers: 1 })), want);
    assert.equal(render(await fast(file, { workers: 1, blocking: true })), want, 'blocking reads (the CLI)');
    for (const workers of [2, 3, 4]) {
      for (const segmentBytes of [undefined, 20_000]) {
        const r = await fast(file, { workers, workerPath, minParallelBytes: 0, segmentBytes });
        assert.equal(r.threads, workers);
        assert.equal(render(r), want, `${workers} workers, segments of ${segmentBytes ?? 'default'} bytes`);
      }
    }
  });
});

describe('reads, segments and threads cut lines anywhere', () => {
  it('tiny reads and many segments give the reference answer, line numbers included', async () => {
    const gen = new LineGenerator(2024);
    const lines = Array.from({ length: 1500 }, () => gen.line());
    // Unusable lines late in the file too, so the first ten skipped must be chosen across ranges.
    for (let i = 0; i < 40; i++) lines.splice(Math.floor((i / 40) * lines.length), 0, Buffer.from(`garbage ${i}`));
    // One line longer than a read, to make the buffer grow.
    lines.push(Buffer.from(JSON.stringify({ sid: 'long', started: new Date(NOW * 1000 - 3600e3).toISOString(), attrs: { release: 'r1' }, pad: 'x'.repeat(5000) })));
    const file = writeFile(fileOf(lines, 5, false));
    const want = render(await reference(file));
    for (const chunkBytes of [1, 64, 1000, 1 << 16]) {
      assert.equal(render(await fast(file, { workers: 1, chunkBytes })), want, `one thread, reads of ${chunkBytes}`);
      assert.equal(render(await fast(file, { workers: 1, chunkBytes, blocking: true })), want, `one thread, blocking reads of ${chunkBytes}`);
      for (const workers of [2, 4]) {
        for (const mainThreadRange of [false, true]) {
          // Segments of a few lines: many segments per thread, claimed in any order.
          const r = await fast(file, { workers, workerPath, minParallelBytes: 0, chunkBytes, mainThreadRange, segmentBytes: 3000 });
          assert.equal(r.threads, workers);
          assert.equal(render(r), want, `${workers} threads${mainThreadRange ? ' (this one too)' : ''}, reads of ${chunkBytes}`);
        }
      }
    }
  });

  it('edge files: empty, blank only, one line without newline, more workers than lines', async () => {
    const one = Buffer.from(JSON.stringify({ sid: 'a', init: true, started: new Date(NOW * 1000 - 3600e3).toISOString(), attrs: { release: 'r1' } }));
    for (const content of [Buffer.alloc(0), Buffer.from('\n\n  \r\n'), one, Buffer.concat([Buffer.from('\ufeff'), one]), Buffer.from('x\ny')]) {
      const file = writeFile(content);
      const want = render(await reference(file));
      assert.equal(render(await fast(file, { workers: 1 })), want);
      assert.equal(render(await fast(file, { workers: 1, blocking: true })), want);
      assert.equal(render(await fast(file, { workers: 4, workerPath, minParallelBytes: 0 })), want);
      assert.equal(render(await fast(file, { workers: 3, workerPath, minParallelBytes: 0, mainThreadRange: true, segmentBytes: 7 })), want);
    }
  });

  it('falls back to one thread when the worker cannot run, with the same answer', async () => {
    const gen = new LineGenerator(3);
    const file = writeFile(fileOf(Array.from({ length: 300 }, () => gen.line()), 3));
    const want = render(await reference(file));
    const missing = await fast(file, { workers: 2, workerPath: path.join(tmp, 'missing.js'), minParallelBytes: 0 });
    assert.equal(missing.threads, 1);
    assert.equal(render(missing), want);
    const broken = path.join(tmp, 'broken.js');
    fs.writeFileSync(broken, 'throw new Error("boom")');
    const failed = await fast(file, { workers: 2, workerPath: broken, minParallelBytes: 0 });
    assert.equal(failed.threads, 1);
    assert.equal(render(failed), want);
  });

  it('the snapshot moves every field of the accumulator (a new field must be added there)', () => {
    assert.doesNotThrow(() => checkSnapshotLayout());
  });
});
});
