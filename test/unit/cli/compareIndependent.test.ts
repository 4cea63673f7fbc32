// `compare --format json` against a second implementation of issue 14's formulas written here
// from the issue text alone (not from src/health), on sessions built for the cases the issue
// names: plain, n = 0, 100 % against 100 %, crashes above n (clamped), tiny samples.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { HOUR, iso, ndjson, NOW, sessions } from '../fixtures/sessionLines';

const Z = 1.959963984540054;

/** erf by its Maclaurin series (|x| < 3) or its continued fraction (beyond): well under 1e-12. */
function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) {
    let sum = 0;
    let term = x;
    for (let n = 0; n < 200; n++) {
      sum += term / (2 * n + 1);
      term *= (-x * x) / (n + 1);
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  let f = 0;
  for (let k = 60; k >= 1; k--) f = k / 2 / (x + f);
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / (x + f);
}

function expected(nB: number, cB: number, nC: number, cC: number, minimum: number) {
  const xB = Math.max(0, nB - cB);
  const xC = Math.max(0, nC - cC);
  const out = { base: nB === 0 ? null : (xB / nB) * 100, candidate: nC === 0 ? null : (xC / nC) * 100 };
  if (nB === 0 || nC === 0) return { ...out, difference: null, differenceInterval: null, pValue: null, verdict: 'insufficient-data' };
  const wilson = (x: number, n: number) => {
    const p = x / n;
    const centre = (p + (Z * Z) / (2 * n)) / (1 + (Z * Z) / n);
    const half = (Z / (1 + (Z * Z) / n)) * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n));
    return [centre - half, centre + half];
  };
  const [pB, pC] = [xB / nB, xC / nC];
  const d = pC - pB;
  const [lB, uB] = wilson(xB, nB);
  const [lC, uC] = wilson(xC, nC);
  const low = d - Math.hypot(pC - lC, uB - pB);
  const high = d + Math.hypot(uC - pC, pB - lB);
  const pooled = (xB + xC) / (nB + nC);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nB + 1 / nC));
  const pValue = se === 0 ? 1 : erfc(Math.abs(d / se) / Math.SQRT2);
  const verdict = nB < minimum || nC < minimum ? 'insufficient-data' : high < 0 ? 'worse' : low > 0 ? 'better' : 'inconclusive';
  return { ...out, difference: d * 100, differenceInterval: [low * 100, high * 100], pValue, verdict };
}

function close(actual: unknown, wanted: unknown, what: string): void {
  if (typeof wanted === 'number') {
    assert.equal(typeof actual, 'number', what);
    assert.ok(Math.abs((actual as number) - wanted) <= 1e-9 * Math.max(1, Math.abs(wanted)), `${what}: ${actual} vs ${wanted}`);
  } else if (Array.isArray(wanted)) {
    assert.ok(Array.isArray(actual), what);
    wanted.forEach((w, i) => close((actual as unknown[])[i], w, `${what}[${i}]`));
  } else assert.equal(actual, wanted, what);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-compare-independent-'));

async function compareJson(lines: Array<Record<string, unknown>>, extra: string[] = []) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.ndjson`);
  fs.writeFileSync(file, ndjson(lines));
  let out = '';
  let err = '';
  const code = await main(['compare', '--now', iso(NOW), '--file', file, '--base', 'B', '--candidate', 'C', ...extra], { stdout: (t) => (out += t), stderr: (t) => (err += t), env: {} });
  assert.equal(code, 0, err);
  return JSON.parse(out);
}

// [name, base sessions, base crashed, candidate sessions, candidate crashed, minimum]
const cases: Array<[string, number, number, number, number, number]> = [
  ['a clear regression', 1000, 10, 1000, 30, 30],
  ['100 % against 100 %', 200, 0, 100, 0, 30],
  ['tiny samples under the minimum', 3, 1, 5, 0, 30],
  ['tiny samples with a minimum of 1', 3, 1, 5, 0, 1],
  ['an improvement', 400, 40, 300, 3, 30],
];

describe('cli: compare against an independent implementation of issue 14', () => {
  for (const [name, nB, cB, nC, cC, minimum] of cases) {
    it(`${name}: ${nB}/${cB} against ${nC}/${cC}`, async () => {
      // One user per session, so both blocks see the same counts.
      const got = await compareJson([...sessions('B', NOW - 20 * HOUR, nB, cB), ...sessions('C', NOW - 20 * HOUR, nC, cC)], ['--min-sessions', String(minimum)]);
      for (const block of ['crashFreeSessions', 'crashFreeUsers']) {
        const want = expected(nB, cB, nC, cC, minimum);
        for (const [key, value] of Object.entries(want)) close(got[block][key], value, `${block}.${key}`);
      }
    });
  }

  it('clamps crashes above the sessions (crashes without init) and gives nulls for n = 0', async () => {
    // B: 40 sessions and 60 crash updates without init; C: no session at all in
    // the summary window (its only session is two days old).
    const got = await compareJson([
      ...sessions('B', NOW - 5 * HOUR, 40, 0),
      ...Array.from({ length: 60 }, (_, i) => ({ sid: `orphan-${i}`, init: false, started: iso(NOW - 3 * HOUR), status: 'crashed', errors: 1, attrs: { release: 'B' } })),
      ...sessions('C', NOW - 48 * HOUR, 1, 0),
    ]);
    const want = expected(40, 60, 0, 0, 30);
    for (const [key, value] of Object.entries(want)) close(got.crashFreeSessions[key], value, `crashFreeSessions.${key}`);
    assert.equal(got.crashFreeSessions.base, 0);
  });
});
