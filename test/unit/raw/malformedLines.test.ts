import { strict as assert } from 'assert';
import { parseSessionLine, parseTime } from '../../../src/raw/sessionLine';
import { iso, NOW, HOUR, ndjson, only, runText, update } from '../fixtures/sessionLines';

const started = iso(NOW - HOUR);
const BAD: Array<[string, string]> = [
  ['not json at all', 'not JSON'],
  ['{"sid":"a","started":', 'not JSON'],
  ['[1,2,3]', 'not a JSON object'],
  ['"just a string"', 'not a JSON object'],
  ['null', 'not a JSON object'],
  [JSON.stringify({ sid: 'a', started, status: 'ok' }), 'no attrs.release'],
  [JSON.stringify({ sid: 'a', started, attrs: { release: '' } }), 'no attrs.release'],
  [JSON.stringify({ sid: 'a', started, attrs: { release: 5 } }), 'no attrs.release'],
  [JSON.stringify({ sid: 'a', attrs: { release: 'r1' } }), 'no started'],
  [JSON.stringify({ sid: 'a', started: 'yesterday', attrs: { release: 'r1' } }), 'started is not a time'],
  [JSON.stringify({ sid: 'a', started: '2026-13-45T99:00:00Z', attrs: { release: 'r1' } }), 'started is not a time'],
  [JSON.stringify({ sid: 'a', started, status: 'exploded', attrs: { release: 'r1' } }), 'unknown status "exploded"'],
  [JSON.stringify({ sid: 'a', started, errors: -1, attrs: { release: 'r1' } }), 'errors is not a non-negative count'],
  [JSON.stringify({ sid: 'a', started, errors: '2', attrs: { release: 'r1' } }), 'errors is not a non-negative count'],
  [JSON.stringify({ sid: 'a', started, did: {}, attrs: { release: 'r1' } }), 'did is not a string'],
  [JSON.stringify({ aggregates: [{ started, exited: -3 }], attrs: { release: 'r1' } }), 'aggregates[0].exited is not a non-negative count'],
  [JSON.stringify({ aggregates: [{ exited: 3 }], attrs: { release: 'r1' } }), 'aggregates[0] has no started'],
  [JSON.stringify({ aggregates: [{ started: 'soon', exited: 3 }], attrs: { release: 'r1' } }), 'aggregates[0].started is not a time'],
  [JSON.stringify({ aggregates: 'many', attrs: { release: 'r1' } }), 'aggregates is not a list'],
  [JSON.stringify({ sid: 'a', started, project: 7, attrs: { release: 'r1' } }), 'project is not a slug'],
];

describe('raw/sessionLine: unusable lines', () => {
  for (const [line, reason] of BAD) {
    it(`skips ${line.slice(0, 60)} (${reason})`, () => {
      const r = parseSessionLine(line);
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.reason, reason);
    });
  }

  it('skips and reports them by line number, never stopping the run or changing other lines', async () => {
    const good = update({ sid: 'g', init: true, status: 'ok' });
    const text = ndjson([good, ...BAD.map(([l]) => l), update({ sid: 'h', init: true })]);
    const o = await runText(text);
    assert.equal(only(o).totalSessions, 2);
    assert.equal(o.skipped.count, BAD.length);
    assert.deepEqual(o.skipped.samples[0], { line: 2, reason: 'not JSON' });
    assert.equal(o.skipped.samples.length, 10);
    assert.deepEqual(o.skipped.samples.map((s) => s.line), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('ignores blank lines, a BOM and CRLF line ends; a last line without a newline counts', async () => {
    const a = JSON.stringify(update({ sid: 'a', init: true }));
    const b = JSON.stringify(update({ sid: 'b', init: true }));
    const o = await runText(`\ufeff${a}\r\n\r\n   \n${b}`);
    assert.equal(only(o).totalSessions, 2);
    assert.equal(o.skipped.count, 0);
  });
});

describe('raw/sessionLine: times', () => {
  it('reads ISO times with zones, fractions, and zone-less times as UTC', () => {
    assert.equal(parseTime('2026-11-26T10:00:00Z'), Date.UTC(2026, 10, 26, 10) / 1000);
    assert.equal(parseTime('2026-11-26T10:00:00'), Date.UTC(2026, 10, 26, 10) / 1000);
    assert.equal(parseTime('2026-11-26T12:00:00+02:00'), Date.UTC(2026, 10, 26, 10) / 1000);
    assert.equal(parseTime('2026-11-26T10:00:00.250Z'), Date.UTC(2026, 10, 26, 10) / 1000 + 0.25);
    assert.equal(parseTime(1795687200), 1795687200);
    assert.equal(parseTime('tomorrow'), null);
    assert.equal(parseTime(Number.NaN), null);
  });
});
