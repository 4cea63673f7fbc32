// The e2e dataset: raw session updates (as Sentry SDKs send them, with a `project`) that all
// started 2 to 6 hours before `now`. The extension reads them with the real clock and the CLI
// with its own, seconds apart; with every session well inside the 24-hour windows both compute
// the same figures whatever the minute.

export interface SessionFileSpec {
  project: string;
  release: string;
  environment: string;
  /** Session outcomes; users are assigned round-robin from `users`. */
  exited: number;
  errored: number;
  crashed: number;
  abnormal: number;
  users: number;
  /** Hours before now of the first session (sessions spread over the next hour). */
  hoursAgo: number;
}

export const E2E_RELEASES: SessionFileSpec[] = [
  { project: 'shop', release: '2.2.0', environment: 'production', exited: 140, errored: 9, crashed: 6, abnormal: 1, users: 48, hoursAgo: 6 },
  { project: 'shop', release: '2.3.0', environment: 'production', exited: 90, errored: 4, crashed: 1, abnormal: 0, users: 30, hoursAgo: 4 },
  { project: 'api', release: '1.0.0', environment: 'production', exited: 60, errored: 2, crashed: 3, abnormal: 0, users: 20, hoursAgo: 3 },
];

/** NDJSON lines for the specs, relative to `nowSeconds`. */
export function sessionLines(nowSeconds: number, specs: SessionFileSpec[] = E2E_RELEASES): string[] {
  const lines: string[] = [];
  for (const spec of specs) {
    const outcomes: Array<{ status: string; errors: number }> = [
      ...Array.from({ length: spec.exited }, () => ({ status: 'exited', errors: 0 })),
      ...Array.from({ length: spec.errored }, () => ({ status: 'exited', errors: 1 })),
      ...Array.from({ length: spec.crashed }, () => ({ status: 'crashed', errors: 1 })),
      ...Array.from({ length: spec.abnormal }, () => ({ status: 'abnormal', errors: 0 })),
    ];
    const start = nowSeconds - spec.hoursAgo * 3600;
    outcomes.forEach((o, i) => {
      const started = start + Math.floor((i * 3600) / outcomes.length);
      lines.push(
        JSON.stringify({
          sid: `${spec.project}-${spec.release}-${i}`,
          did: `user-${spec.project}-${i % spec.users}`,
          init: true,
          started: new Date(started * 1000).toISOString(),
          timestamp: new Date((started + 60) * 1000).toISOString(),
          status: o.status,
          errors: o.errors,
          duration: o.status === 'exited' ? 20 + (i % 40) : undefined,
          attrs: { release: spec.release, environment: spec.environment },
          project: spec.project,
        }),
      );
    });
  }
  return lines;
}
