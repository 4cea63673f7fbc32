// A set of small non-negative integers (interned user or session ids) kept as a sorted
// Int32Array: 4 bytes an entry, and iteration for unions is a tight loop over a typed array.
// Ids mostly arrive in increasing order (new users get new ids), so inserts are usually appends.
import { lowerBound } from './lowerBound';

export class IdSet {
  private ids: Int32Array;
  size = 0;

  constructor(capacity = 4) {
    this.ids = new Int32Array(capacity);
  }

  /** Adds `id`; returns false when it was already there. */
  add(id: number): boolean {
    const n = this.size;
    // Appends skip the search.
    const lo = n > 0 && this.ids[n - 1] < id ? n : lowerBound(this.ids, this.size, id);
    if (lo < n && this.ids[lo] === id) return false;
    if (n === this.ids.length) {
      const grown = new Int32Array(Math.max(4, n * 2));
      grown.set(this.ids);
      this.ids = grown;
    }
    if (lo < n) this.ids.copyWithin(lo + 1, lo, n);
    this.ids[lo] = id;
    this.size = n + 1;
    return true;
  }

  has(id: number): boolean {
    const i = lowerBound(this.ids, this.size, id);
    return i < this.size && this.ids[i] === id;
  }

  /** The members, sorted; a view valid until the next add. */
  view(): Int32Array {
    return this.ids.subarray(0, this.size);
  }
}
