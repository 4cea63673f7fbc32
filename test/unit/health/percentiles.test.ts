import { strict as assert } from 'assert';
import { percentile } from '../../../src/health/percentiles';

describe('health/percentiles', () => {
  it('interpolates linearly between closest ranks', () => {
    assert.equal(percentile([10, 20, 30, 40], 0.5), 25);
    assert.equal(percentile([40, 10, 30, 20], 0.9), 37);
    assert.equal(percentile([7], 0.9), 7);
    assert.equal(percentile([], 0.5), null);
  });
});
