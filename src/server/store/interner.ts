// Strings (user ids, session ids, releases, environments) become dense integers, so buckets hold
// 4-byte ids instead of strings and unions can use typed-array stamps indexed by id.

export class Interner {
  private readonly ids = new Map<string, number>();
  private readonly names = new Map<number, string>();
  private next = 0;

  /** `keepNames: false` for ids that are only counted (users, sessions): half the memory. */
  constructor(private readonly keepNames = true) {}

  /** Ids handed out so far (every id is below this). */
  get size(): number {
    return this.next;
  }

  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.next++;
      this.ids.set(text, id);
      if (this.keepNames) this.names.set(id, text);
    }
    return id;
  }

  /** An id no string maps to (an SDK session without `sid` is its own session). */
  fresh(): number {
    return this.next++;
  }

  lookup(text: string): number | undefined {
    return this.ids.get(text);
  }

  name(id: number): string | undefined {
    return this.names.get(id);
  }
}
