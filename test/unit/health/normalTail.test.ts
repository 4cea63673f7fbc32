import { strict as assert } from 'assert';
import { normalUpperTail } from '../../../src/health/normalTail';

const rel = (a: number, b: number, eps = 1e-13) => assert.ok(Math.abs(a - b) <= eps * Math.abs(b), `${a} !~ ${b}`);

describe('health/normalTail', () => {
  it('matches erfc(y/√2)/2 in every range of the approximation', () => {
    // Reference values: 0.5 · erfc(y / √2) (C library erfc).
    assert.equal(normalUpperTail(0), 0.5);
    rel(normalUpperTail(0.5), 0.3085375387259869);
    rel(normalUpperTail(1), 0.15865525393145707);
    rel(normalUpperTail(1.959963984540054), 0.025);
    rel(normalUpperTail(3), 0.0013498980316300957, 1e-12);
    rel(normalUpperTail(5), 2.866515718791946e-7, 1e-12);
    rel(normalUpperTail(10), 7.619853024160593e-24, 1e-12);
    rel(normalUpperTail(20), 2.7536241186063314e-89, 1e-12);
    assert.equal(normalUpperTail(40), 0);
  });

  it('is 1 − its mirror for negative arguments', () => {
    rel(normalUpperTail(-1), 1 - 0.15865525393145707);
  });
});
