import { strict as assert } from 'assert';
import { IdSet } from '../../../src/server/store/idSet';

describe('server/store/idSet', () => {
  it('behaves as a Set of integers, kept sorted, for appends and inserts alike', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 500;
    const set = new IdSet(1);
    const reference = new Set<number>();
    for (let i = 0; i < 3000; i++) {
      const id = i % 3 === 0 ? 500 + i : next();
      assert.equal(set.add(id), !reference.has(id), `add ${id}`);
      reference.add(id);
      const probe = next();
      assert.equal(set.has(probe), reference.has(probe), `has ${probe}`);
    }
    assert.deepEqual([...set.view()], [...reference].sort((a, b) => a - b));
    assert.equal(set.size, reference.size);
    assert.equal(new IdSet().has(0), false);
  });
});
