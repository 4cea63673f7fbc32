// The segment queue hands every segment out exactly once: each thread's own region front to
// back first, then the back of whichever region has the most left.
import { strict as assert } from 'assert';
import { claimSegment, newSegmentQueue } from '../../../src/raw/segmentQueue';
import { seededRandom } from '../../../src/demo/random';

describe('raw/segmentQueue', () => {
  it('a thread reads its own region in order, then takes from the back of the fullest', () => {
    const q = newSegmentQueue(10, 2); // regions [0, 5) and [5, 10)
    assert.deepEqual([0, 1, 2, 3, 4].map(() => claimSegment(q, 0)), [0, 1, 2, 3, 4]);
    assert.equal(claimSegment(q, 0), 9); // region 1 untouched: its back
    assert.equal(claimSegment(q, 1), 5);
    assert.equal(claimSegment(q, 0), 8);
    assert.deepEqual([claimSegment(q, 1), claimSegment(q, 1), claimSegment(q, 1)], [6, 7, -1]);
    assert.equal(claimSegment(q, 0), -1);
  });

  it('whatever the interleaving, every segment is claimed exactly once', () => {
    const rand = seededRandom(5);
    for (const [segments, threads] of [[1, 4], [3, 4], [17, 3], [64, 2], [1000, 4]]) {
      const q = newSegmentQueue(segments, threads);
      const seen: number[] = [];
      const done = new Set<number>();
      while (done.size < threads) {
        const t = Math.floor(rand() * threads);
        if (done.has(t)) continue;
        const s = claimSegment(q, t);
        if (s < 0) done.add(t);
        else seen.push(s);
      }
      assert.deepEqual([...seen].sort((a, b) => a - b), Array.from({ length: segments }, (_, i) => i));
    }
  });
});
