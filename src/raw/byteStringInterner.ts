// Turns the bytes of an ASCII JSON string into the same JS string object each time they recur
// (releases, environments, projects, user ids): no allocation per line, and the accumulator's
// Map lookups meet a string whose hash V8 has already computed. The hash reads only the length
// and the first and last eight bytes (cheap; ids and names differ there); a hit is confirmed by
// comparing every byte with a copy kept in a byte pool. Bounded: past MAX_BYTES of distinct
// values it stops remembering and just decodes.

const MAX_BYTES = 64 << 20;

/** Four bytes at i as one int (little end first). */
export function word4(buf: Uint8Array, i: number): number {
  return buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24);
}

export class ByteStringInterner {
  /** Per slot: hash (0 = empty), offset of the bytes in `pool`, length. */
  private hashes = new Int32Array(1024);
  private offsets = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private strings: string[] = new Array<string>(1024).fill('');
  private pool = new Uint8Array(1 << 16);
  private poolUsed = 0;
  private size = 0;

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
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    let slot = h & mask;
    for (;;) {
      const sh = hashes[slot];
      if (sh === 0) break;
      if (sh === h && this.lengths[slot] === len && this.sameBytes(this.offsets[slot], buf, start, len)) return this.strings[slot];
      slot = (slot + 1) & mask;
    }
    const s = buf.latin1Slice(start, end);
    if (this.poolUsed + len > MAX_BYTES) return s;
    if (this.poolUsed + len > this.pool.length) {
      const bigger = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + len));
      bigger.set(this.pool.subarray(0, this.poolUsed));
      this.pool = bigger;
    }
    this.pool.set(buf.subarray(start, end), this.poolUsed);
    hashes[slot] = h;
    this.offsets[slot] = this.poolUsed;
    this.lengths[slot] = len;
    this.strings[slot] = s;
    this.poolUsed += len;
    if (++this.size * 2 > hashes.length) this.grow();
    return s;
  }

  private sameBytes(offset: number, buf: Uint8Array, start: number, len: number): boolean {
    const pool = this.pool;
    for (let i = 0; i < len; i++) if (pool[offset + i] !== buf[start + i]) return false;
    return true;
  }

  private grow(): void {
    const { hashes, offsets, lengths, strings } = this;
    const cap = hashes.length * 2;
    this.hashes = new Int32Array(cap);
    this.offsets = new Int32Array(cap);
    this.lengths = new Int32Array(cap);
    this.strings = new Array<string>(cap).fill('');
    const mask = cap - 1;
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i];
      if (h === 0) continue;
      let slot = h & mask;
      while (this.hashes[slot] !== 0) slot = (slot + 1) & mask;
      this.hashes[slot] = h;
      this.offsets[slot] = offsets[i];
      this.lengths[slot] = lengths[i];
      this.strings[slot] = strings[i];
    }
  }
}

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  return Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
}

/** Whether string s (ASCII) equals the bytes at buf[start...]. */
export function sameAscii(s: string, buf: Uint8Array, start: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== buf[start + i]) return false;
  return true;
}
