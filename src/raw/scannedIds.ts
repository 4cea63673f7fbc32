// One accumulator's view of one scanner's interned ids: scanner id -> the accumulator's user id,
// and (project, release, environment) ids -> its KeyStats. Filled on first sight through the
// accumulator's string lookups, so both paths (ids from the wasm scanner, strings from the JS
// scanner and the reference parser) meet in the same users and keys.
import type { KeyStats } from './sessionAccumulator';
import type { ScannedNames } from './wasm/scannedRecord';

interface KeyEntry {
  project: number;
  environment: number;
  key: KeyStats;
}

export class ScannedIds {
  /** Scanner id -> accumulator user id + 1 (0: not seen yet). */
  private users = new Int32Array(1024);
  /** Release id -> the keys seen with that release (a handful: its environments and projects). */
  private readonly keys: Array<KeyEntry[] | undefined> = [];

  constructor(readonly names: ScannedNames) {}

  /** The accumulator's id of scanner id `id`, or -1 when not seen yet. */
  user(id: number): number {
    return id < this.users.length ? this.users[id] - 1 : -1;
  }

  setUser(id: number, userId: number): void {
    if (id >= this.users.length) {
      let n = this.users.length * 2;
      while (n <= id) n *= 2;
      const bigger = new Int32Array(n);
      bigger.set(this.users);
      this.users = bigger;
    }
    this.users[id] = userId + 1;
  }

  key(project: number, release: number, environment: number): KeyStats | undefined {
    const list = this.keys[release];
    if (list === undefined) return undefined;
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      if (e.project === project && e.environment === environment) return e.key;
    }
    return undefined;
  }

  setKey(project: number, release: number, environment: number, key: KeyStats): void {
    while (this.keys.length <= release) this.keys.push(undefined);
    (this.keys[release] ??= []).push({ project, environment, key });
  }
}
