// What ingest dropped from envelopes it acknowledged (unknown item types, unreadable or invalid
// session items, refused values), counted by reason as relay's outcomes are, and told in the
// server's log: the first drop at once, then at most one summary line per window.

export class DropLog {
  private readonly counts = new Map<string, number>();
  private lastFlush = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private total = 0;

  constructor(
    private readonly log: (line: string) => void,
    private readonly windowMs = 10_000,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** One envelope's drops, by reason. */
  add(reasons: ReadonlyMap<string, number>): void {
    if (reasons.size === 0) return;
    for (const [reason, n] of reasons) {
      this.counts.set(reason, (this.counts.get(reason) ?? 0) + n);
      this.total += n;
    }
    const now = this.clock();
    if (now - this.lastFlush >= this.windowMs) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.windowMs - (now - this.lastFlush)).unref();
  }

  /** Everything dropped since the server started, by reason. */
  get dropped(): number {
    return this.total;
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lastFlush = this.clock();
    if (this.counts.size === 0) return;
    const parts = Array.from(this.counts, ([reason, n]) => `${n} × ${reason}`);
    this.counts.clear();
    this.log(`ingest: acknowledged envelopes but dropped ${parts.join('; ')}`);
  }
}
