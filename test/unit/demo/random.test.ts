import { strict as assert } from 'assert';
import { seededRandom, uuidFrom } from '../../../src/demo/random';

describe('demo/random', () => {
  it('makes deterministic UUID-shaped ids whose every part varies', () => {
    const a = Array.from({ length: 200 }, ((r) => () => uuidFrom(r))(seededRandom(7)));
    const b = Array.from({ length: 200 }, ((r) => () => uuidFrom(r))(seededRandom(7)));
    assert.deepEqual(a, b);
    for (const id of a) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(new Set(a).size, a.length);
    assert.ok(new Set(a.map((id) => id.slice(-4))).size > 100, 'the last digits are not constant');
  });
});
