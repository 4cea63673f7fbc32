// Turns the bytes of an ASCII JSON string into the same JS string object each time they recur
// (releases, environments, projects, user ids): no allocation per line, and the accumulator's
// Map lookups meet a string whose hash V8 has already computed. The hash reads only the length
// and the first and last eight bytes (cheap; ids and names differ there); a hit is confirmed by
// comparing every byte with a copy in a byte pool (comparing bytes with bytes is several times
// cheaper than with a string's charCodeAt). A slot's hash, pool offset, length and string index
// sit side by side: with thousands of user ids looked up in random order, cache misses are what
// this costs. Bounded: past MAX_ENTRIES distinct values it stops remembering and just decodes.

const MAX_ENTRIES = 1 << 20;
const SLOT = 4; // ints per slot: hash (0: empty), pool offset, length, index into `strings`

/** Four bytes at i as one int (little end first). */
export function word4(buf: Uint8Array, i: number): number {
  return buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24);
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
  private poolUsed = 0;

  /** The string of the ASCII bytes buf[start, end). */
  get(buf: Buffer, start: number, end: number): string {
    const len = end - start;
    let h = len;
    if (len >= 8) {
      h = mix(h, word4(buf, start));
      h = mix(h, word4(buf, start + 4));
      h = mix(h, word4(buf, end - 8));
      h = mix(h, word4(buf, end - 4));
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
      if (sh === h && slots[at + 2] === len && sameBytes(this.pool, slots[at + 1], buf, start, len)) return this.strings[slots[at + 3]];
      slot = (slot + 1) & mask;
    }
    const s = buf.latin1Slice(start, end);
    if (this.strings.length >= MAX_ENTRIES) return s;
    if (this.poolUsed + len > this.pool.length) {
      const bigger = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + len));
      bigger.set(this.pool.subarray(0, this.poolUsed));
      this.pool = bigger;
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

/** Whether a[aStart, aStart + len) equals b[bStart, bStart + len). */
export function sameBytes(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}

/** The last value of one field: a repeat is found by one compare, before any hashing. */
export class LastValue {
  value = '';

  matches(buf: Uint8Array, start: number, end: number): boolean {
    const v = this.value;
    if (v.length !== end - start) return false;
    for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) !== buf[start + i]) return false;
    return true;
  }

  set(value: string): string {
    return (this.value = value);
  }
}
