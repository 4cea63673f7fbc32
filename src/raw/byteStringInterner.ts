// Turns the bytes of an ASCII JSON string into the same JS string object each time they recur
// (releases, environments, projects, user ids): no allocation per line, and the accumulator's
// Map lookups meet a string whose hash V8 has already computed. The hash reads only the length
// and the first and last eight bytes (cheap; ids and names differ there); a hit is confirmed by
// comparing every byte with a copy in a byte pool, four at a time through DataViews (several
// times cheaper than a string's charCodeAt). A slot's hash, pool offset, length and string index
// sit side by side: with thousands of user ids looked up in random order, cache misses are much
// of what this costs. Bounded: past MAX_ENTRIES distinct values it stops remembering.

const MAX_ENTRIES = 1 << 20;
const SLOT = 4; // ints per slot: hash (0: empty), pool offset, length, index into `strings`

/** A DataView of a Buffer's bytes (same offsets as the Buffer). */
export function viewOf(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Whether a[aStart, aStart + len) equals b[bStart, bStart + len), four bytes at a time. */
export function sameBytes(a: DataView, aStart: number, b: DataView, bStart: number, len: number): boolean {
  if (len < 4) {
    for (let i = 0; i < len; i++) if (a.getUint8(aStart + i) !== b.getUint8(bStart + i)) return false;
    return true;
  }
  const last = len - 4;
  for (let i = 0; i < last; i += 4) if (a.getInt32(aStart + i, true) !== b.getInt32(bStart + i, true)) return false;
  return a.getInt32(aStart + last, true) === b.getInt32(bStart + last, true);
}

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  return Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
}

export class ByteStringInterner {
  private slots = new Int32Array(SLOT * 1024);
  private readonly strings: string[] = [];
  private pool = new Uint8Array(1 << 16);
  private poolView = viewOf(this.pool);
  private poolUsed = 0;

  /** The string of the ASCII bytes buf[start, end); `view` is viewOf(buf). */
  get(buf: Buffer, view: DataView, start: number, end: number): string {
    const len = end - start;
    let h = len;
    if (len >= 8) {
      h = mix(h, view.getInt32(start, true));
      h = mix(h, view.getInt32(start + 4, true));
      h = mix(h, view.getInt32(end - 8, true));
      h = mix(h, view.getInt32(end - 4, true));
    } else {
      for (let i = start; i < end; i++) h = mix(h, buf[i]);
    }
    // murmur3's finalizer: every input bit reaches the low bits the table indexes by.
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    h |= 1; // 0 marks an empty slot
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    let slot = h & mask;
    for (;;) {
      const at = slot * SLOT;
      const sh = slots[at];
      if (sh === 0) break;
      if (sh === h && slots[at + 2] === len && sameBytes(this.poolView, slots[at + 1], view, start, len)) return this.strings[slots[at + 3]];
      slot = (slot + 1) & mask;
    }
    const s = buf.latin1Slice(start, end);
    if (this.strings.length >= MAX_ENTRIES) return s;
    if (this.poolUsed + len > this.pool.length) {
      const bigger = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + len));
      bigger.set(this.pool.subarray(0, this.poolUsed));
      this.pool = bigger;
      this.poolView = viewOf(bigger);
    }
    this.pool.set(buf.subarray(start, end), this.poolUsed);
    const at = slot * SLOT;
    slots[at] = h;
    slots[at + 1] = this.poolUsed;
    slots[at + 2] = len;
    slots[at + 3] = this.strings.length;
    this.poolUsed += len;
    this.strings.push(s);
    if (this.strings.length * 2 > mask + 1) this.grow();
    return s;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / SLOT - 1;
    for (let i = 0; i < old.length; i += SLOT) {
      const h = old[i];
      if (h === 0) continue;
      let slot = h & mask;
      while (slots[slot * SLOT] !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(i, i + SLOT), slot * SLOT);
    }
    this.slots = slots;
  }
}

/** The last value of one field, with its bytes: a repeat is found by one compare, before any hashing. */
export class LastValue {
  private bytes = new Uint8Array(64);
  private view = viewOf(this.bytes);
  private len = -1;
  value = '';

  matches(view: DataView, start: number, end: number): boolean {
    return end - start === this.len && sameBytes(this.view, 0, view, start, this.len);
  }

  /** Remembers `value`, the text of buf[start, end) (`view` is viewOf(buf)). */
  set(view: DataView, start: number, end: number, value: string): string {
    const len = end - start;
    if (len + 4 > this.bytes.length) {
      this.bytes = new Uint8Array(len * 2 + 4);
      this.view = viewOf(this.bytes);
    }
    // Four bytes at a time, then the rest one by one.
    const to = this.view;
    let i = 0;
    for (; i + 4 <= len; i += 4) to.setInt32(i, view.getInt32(start + i, true), true);
    for (; i < len; i++) to.setUint8(i, view.getUint8(start + i));
    this.len = len;
    return (this.value = value);
  }
}
