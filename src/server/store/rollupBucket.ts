// One hour or one day of one (project, release, environment): the counters and sets relay's
// metrics would hold for it. Totals over a range are unions of these sets, never sums of sizes.
import { IdSet } from './idSet';
import { SET_ERRORED_SIDS, SET_KINDS, SET_USERS, type Contribution } from '../ingest/contribution';

export class RollupBucket {
  init = 0;
  crashed = 0;
  abnormal = 0;
  unhandled = 0;
  erroredPreaggr = 0;
  /** Indexed by SET_* kind; absent until the first member. */
  readonly sets: Array<IdSet | undefined> = new Array(SET_KINDS);
  /** Seconds of exited sessions (a multiset). */
  durations: number[] | null = null;

  add(c: Contribution): void {
    this.init += c.init;
    this.crashed += c.crashed;
    this.abnormal += c.abnormal;
    this.unhandled += c.unhandled;
    this.erroredPreaggr += c.erroredPreaggr;
    if (c.erroredSid >= 0) this.member(SET_ERRORED_SIDS, c.erroredSid);
    if (c.uid >= 0) {
      for (let kind = SET_USERS, bit = 1; kind < SET_KINDS; kind++, bit <<= 1) {
        if (c.userFlags & bit) this.member(kind, c.uid);
      }
    }
    if (!Number.isNaN(c.duration)) (this.durations ??= []).push(c.duration);
  }

  hasCounter(): boolean {
    return this.init > 0 || this.crashed > 0 || this.abnormal > 0 || this.unhandled > 0 || this.erroredPreaggr > 0;
  }

  private member(kind: number, id: number): void {
    let set = this.sets[kind];
    if (set === undefined) {
      set = new IdSet();
      this.sets[kind] = set;
    }
    set.add(id);
  }
}
