// Differential tests of the WebAssembly line scanner (src/raw/wasm) against the reference parser:
// every line it reads itself (updates and aggregates) gives exactly parseSessionLine's record (its
// interned ids turned back into strings; a session id only where the accumulator reads it: on an
// errored update); every other line it hands back whole (blank or unsure) for the JS path. Needs
// dist/rawScanner.wasm (npm run build).
import { strict as assert } from 'assert';
import type { SessionRecord } from '../../../src/raw/sessionLine';
import { parseSessionLine } from '../../../src/raw/sessionLine';
import { NO_ID, type ScannedAggregate, type ScannedUpdate } from '../../../src/raw/wasm/scannedRecord';
import { WasmLineScanner, type LineSink } from '../../../src/raw/wasm/wasmLineScanner';
import { LineGenerator, TRICKY_LINES } from './fastReaderLines';

type Seen = { kind: 'update'; record: SessionRecord } | { kind: 'blank' } | { kind: 'other'; text: string };

const textOr = <T>(names: ScannedUpdate['names'], id: number, none: T): string | T => (id === NO_ID ? none : names.text(id));

/** A scanned update as the reference's record: strings for ids; sid as the reference's only when errored (the scanner reads it only then). */
function updateRecord(u: ScannedUpdate): SessionRecord & { errored: boolean } {
  return {
    kind: 'update',
    project: textOr(u.names, u.project, null),
    release: u.names.text(u.release),
    environment: textOr(u.names, u.environment, ''),
    started: u.started,
    sid: u.sid,
    did: textOr(u.names, u.did, null),
    init: u.init,
    status: u.status,
    errors: u.errors,
    duration: u.duration,
    abnormalMechanism: textOr(u.names, u.mechanism, null),
    errored: u.errored,
  };
}

function aggregateRecord(a: ScannedAggregate): SessionRecord {
  return {
    kind: 'aggregate',
    project: textOr(a.names, a.project, null),
    release: a.names.text(a.release),
    environment: textOr(a.names, a.environment, ''),
    entries: a.entries.map((e) => ({ ...e, did: textOr(a.names, e.did, null) })),
  };
}

/** The reference's record as the scanner hands it over (see updateRecord). */
function referenceRecord(record: SessionRecord): SessionRecord {
  if (record.kind !== 'update') return record;
  const errored = record.errors > 0 || (record.status !== 'ok' && record.status !== 'exited');
  return { ...record, sid: errored ? record.sid : null, errored } as SessionRecord;
}

/** What the scanner makes of the lines of buf, in order, and where it stopped. */
function scanAll(scanner: WasmLineScanner, buf: Buffer): { seen: Seen[]; rest: number } {
  const seen: Seen[] = [];
  const sink: LineSink = {
    update: (u) => seen.push({ kind: 'update', record: updateRecord(u) }),
    aggregate: (a) => seen.push({ kind: 'update', record: aggregateRecord(a) }),
    blank: () => seen.push({ kind: 'blank' }),
    other: (b, start, end) => seen.push({ kind: 'other', text: b.toString('utf8', start, end) }),
  };
  const rest = scanner.chunk(buf, 0, buf.length, sink);
  return { seen, rest };
}

function scannerOrFail(): WasmLineScanner {
  const scanner = WasmLineScanner.create();
  assert.ok(scanner, 'dist/rawScanner.wasm is missing or does not compile (npm run build)');
  return scanner;
}

/** Checks one line's answer against the reference; true when the wasm scanner read it itself. */
function agrees(seen: Seen, line: Buffer): boolean {
  const text = line.toString('utf8').replace(/\r$/, '');
  const what = JSON.stringify(text);
  if (seen.kind === 'blank') {
    assert.equal(text.trim(), '', `blank? ${what}`);
    return false;
  }
  if (seen.kind === 'other') {
    assert.equal(seen.text, line.toString('utf8'), `the line handed back whole: ${what}`);
    return false;
  }
  const ref = parseSessionLine(text);
  assert.ok(ref.ok, `the wasm scanner took a line the reference skips: ${what}`);
  assert.deepStrictEqual(seen.record, referenceRecord(ref.record), `different record for ${what}`);
  return true;
}

/** All lines in one chunk (one scanner, warm interner), each checked. */
function checkLines(scanner: WasmLineScanner, lines: Buffer[]): number {
  const clean = lines.filter((l) => !l.includes(10));
  const buf = Buffer.concat(clean.flatMap((l) => [l, Buffer.from('\n')]));
  const { seen, rest } = scanAll(scanner, buf);
  assert.equal(rest, buf.length);
  assert.equal(seen.length, clean.length);
  let taken = 0;
  for (let i = 0; i < clean.length; i++) if (agrees(seen[i], clean[i])) taken++;
  return taken;
}

describe('raw/wasm line scanner against the reference parser', () => {
  it('every tricky line: the same record, or handed back', () => {
    const scanner = scannerOrFail();
    const taken = checkLines(scanner, TRICKY_LINES);
    // Twice: the second time every string is already interned.
    assert.equal(checkLines(scanner, TRICKY_LINES), taken);
    assert.ok(taken > 20, `only ${taken} tricky lines taken`);
  });

  it('20,000 random lines, valid and broken, with \\r\\n: the same record, or handed back', () => {
    const gen = new LineGenerator(7);
    const scanner = scannerOrFail();
    const lines = Array.from({ length: 20000 }, (_, i) => (i % 5 === 0 ? Buffer.concat([gen.line(), Buffer.from('\r')]) : gen.line()));
    const valid = lines.filter((l) => !l.includes(10) && parseSessionLine(l.toString('utf8').replace(/\r$/, '')).ok).length;
    const taken = checkLines(scanner, lines);
    assert.ok(taken > valid * 0.4, `the wasm scanner took ${taken} of ${valid} valid lines`);
    // Both kinds of line are read in wasm, not only handed back.
    const kinds = new Set(scanAll(scanner, Buffer.concat(lines.filter((l) => !l.includes(10)).flatMap((l) => [l, Buffer.from('\n')]))).seen.map((x) => (x.kind === 'update' ? x.record.kind : x.kind)));
    assert.ok(kinds.has('update') && kinds.has('aggregate'), `read in wasm: ${[...kinds].join(', ')}`);
  });

  it('leaves the unfinished last line, and reads chunks larger than its input buffer', () => {
    const gen = new LineGenerator(3);
    const scanner = scannerOrFail();
    const lines: Buffer[] = [];
    let bytes = 0;
    while (bytes < 3 << 20) {
      const l = gen.line();
      if (l.includes(10)) continue;
      lines.push(l);
      bytes += l.length + 1;
    }
    const tail = Buffer.from('{"started":"2026-01-01T00:00:00Z","attrs":{"rel');
    const buf = Buffer.concat([...lines.flatMap((l) => [l, Buffer.from('\n')]), tail]);
    const { seen, rest } = scanAll(scanner, buf);
    assert.equal(rest, buf.length - tail.length);
    assert.equal(seen.length, lines.length);
    for (let i = 0; i < lines.length; i++) agrees(seen[i], lines[i]);
  });
});
