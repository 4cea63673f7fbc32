/** mulberry32: a small, fast, deterministic PRNG; the demo data must be the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUID-shaped id from the generator (not random from the OS: deterministic). */
export function uuidFrom(rand: () => number): string {
  // At most 6 hex digits (24 bits) per draw: a draw has 32 bits, so longer runs would end in zeros.
  const hex = (n: number): string => {
    let out = '';
    for (let left = n; left > 0; left -= 6) {
      const k = Math.min(6, left);
      out += Math.floor(rand() * 16 ** k).toString(16).padStart(k, '0');
    }
    return out;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(rand() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
}
