// The deterministic demo dataset: raw SDK session lines (updates and, for the web project,
// request-mode aggregates) for three projects over 90 days, with releases of different health,
// one that regresses against its predecessor, and one whose data is older than 90 days.
// Shared by the extension's "Explore with demo data", the local server's --demo and the benchmarks.
import type { UnixSeconds } from '../health/types';
import { seededRandom, uuidFrom } from './random';

export const DEMO_SEED = 20261126;

/**
 * Sessions in the demo dataset, the same in the extension's "Explore with demo data" and the
 * local server's --demo, so that both show the same figures.
 */
export const DEMO_SESSIONS = 30_000;

/**
 * The time the demo dataset is generated back from: the start of `now`'s hour. The extension and
 * the local server, started seconds or minutes apart within one hour, then hold the same sessions;
 * as every window starts on a whole bucket, they show the same figures.
 */
export function demoAnchor(now: UnixSeconds): UnixSeconds {
  return Math.floor(now / 3600) * 3600;
}

interface DemoRelease {
  version: string;
  /** Days before `now` when the rollout started. */
  daysAgo: number;
  crash: number;
  errored: number;
  abnormal: number;
  unhandled: number;
  /** Days before `now` when the release stopped being used (default: still in use). */
  retiredDaysAgo?: number;
}

interface DemoProject {
  slug: string;
  platform: string;
  /** Share of all sessions. */
  weight: number;
  users: number;
  /** Request-mode SDK: sends aggregates instead of per-session updates. */
  aggregates: boolean;
  releases: DemoRelease[];
}

export const DEMO_PROJECTS: DemoProject[] = [
  {
    slug: 'mobile-app', platform: 'react-native', weight: 0.55, users: 4000, aggregates: false,
    releases: [
      { version: 'mobile-app@2.0.0', daysAgo: 130, retiredDaysAgo: 95, crash: 0.004, errored: 0.03, abnormal: 0.001, unhandled: 0.001 },
      { version: 'mobile-app@2.3.0', daysAgo: 80, crash: 0.003, errored: 0.03, abnormal: 0.001, unhandled: 0.001 },
      { version: 'mobile-app@2.4.0', daysAgo: 40, crash: 0.002, errored: 0.025, abnormal: 0.001, unhandled: 0.001 },
      // The regression: crash rate many times its predecessor's.
      { version: 'mobile-app@2.4.1', daysAgo: 12, crash: 0.03, errored: 0.04, abnormal: 0.003, unhandled: 0.004 },
      { version: 'mobile-app@2.5.0', daysAgo: 3, crash: 0.001, errored: 0.02, abnormal: 0.0005, unhandled: 0.0005 },
    ],
  },
  {
    slug: 'web-frontend', platform: 'javascript', weight: 0.3, users: 6000, aggregates: true,
    releases: [
      { version: 'web@1.18.0', daysAgo: 60, crash: 0.006, errored: 0.05, abnormal: 0, unhandled: 0.002 },
      { version: 'web@1.19.0', daysAgo: 20, crash: 0.009, errored: 0.05, abnormal: 0, unhandled: 0.002 },
      { version: 'web@1.20.0', daysAgo: 5, crash: 0.004, errored: 0.04, abnormal: 0, unhandled: 0.001 },
    ],
  },
  {
    slug: 'desktop', platform: 'electron', weight: 0.15, users: 800, aggregates: false,
    releases: [
      { version: 'desktop@5.1.0', daysAgo: 70, crash: 0.015, errored: 0.06, abnormal: 0.004, unhandled: 0.003 },
      { version: 'desktop@5.2.0', daysAgo: 9, crash: 0.012, errored: 0.05, abnormal: 0.003, unhandled: 0.002 },
    ],
  },
];

export interface DemoOptions {
  now: UnixSeconds;
  /** About how many sessions to generate. */
  sessions: number;
  seed?: number;
  /** Write `project` on every line (the CLI's and the server's --import format). Default true. */
  withProject?: boolean;
}

const DAY = 86400;
const ENVIRONMENTS = ['production', 'production', 'production', 'staging'];

function iso(t: number): string {
  return new Date(Math.floor(t) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Picks the release a session at time t runs: newer releases take over within about two days. */
function pickRelease(p: DemoProject, t: number, now: number, rand: () => number): DemoRelease | null {
  const live = p.releases.filter((r) => now - r.daysAgo * DAY <= t && (r.retiredDaysAgo === undefined || t < now - r.retiredDaysAgo * DAY));
  if (live.length === 0) return null;
  for (let i = live.length - 1; i > 0; i--) {
    const age = (t - (now - live[i].daysAgo * DAY)) / (2 * DAY);
    if (rand() < Math.min(0.9, 0.1 + age)) return live[i];
  }
  return live[0];
}

/** Yields session lines (plain objects, one NDJSON line each), oldest first per project. */
export function* generateDemoLines(options: DemoOptions): Generator<Record<string, unknown>> {
  const rand = seededRandom(options.seed ?? DEMO_SEED);
  const withProject = options.withProject ?? true;
  const now = options.now;
  for (const p of DEMO_PROJECTS) {
    const count = Math.round(options.sessions * p.weight);
    const oldest = Math.max(...p.releases.map((r) => r.daysAgo));
    const userIds = Array.from({ length: p.users }, () => uuidFrom(rand));
    for (let i = 0; i < count; i++) {
      // More sessions lately (growth), spread over the oldest release's life.
      const started = now - oldest * DAY * Math.pow(rand(), 1.6) - 60;
      const release = pickRelease(p, started, now, rand);
      if (!release) continue;
      const environment = ENVIRONMENTS[Math.floor(rand() * ENVIRONMENTS.length)];
      const attrs = { release: release.version, environment };
      const did = userIds[Math.floor(Math.pow(rand(), 2) * userIds.length)];
      const x = rand();
      const status =
        x < release.crash ? 'crashed'
        : x < release.crash + release.unhandled ? 'unhandled'
        : x < release.crash + release.unhandled + release.abnormal ? 'abnormal'
        : 'exited';
      const errors = status === 'exited' ? (rand() < release.errored ? 1 + Math.floor(rand() * 3) : 0) : 1;
      const head = withProject ? { project: p.slug } : {};
      if (p.aggregates) {
        const minute = iso(Math.floor(started / 60) * 60);
        yield {
          ...head,
          aggregates: [{
            started: minute, did,
            exited: status === 'exited' && errors === 0 ? 1 : 0,
            errored: status === 'exited' && errors > 0 ? 1 : 0,
            crashed: status === 'crashed' ? 1 : 0,
            abnormal: status === 'abnormal' ? 1 : 0,
            unhandled: status === 'unhandled' ? 1 : 0,
          }],
          attrs,
        };
        continue;
      }
      const sid = uuidFrom(rand);
      const duration = Math.round(5 + 600 * Math.pow(rand(), 2));
      const s = iso(started);
      yield { ...head, sid, did, seq: 0, init: true, started: s, timestamp: s, status: 'ok', errors: 0, attrs };
      if (errors > 1) {
        yield { ...head, sid, did, seq: 1, started: s, timestamp: iso(started + duration / 2), status: 'ok', errors: 1, attrs };
      }
      yield {
        ...head, sid, did, seq: 2, started: s, timestamp: iso(started + duration),
        status, errors, ...(status === 'exited' ? { duration } : {}),
        ...(status === 'abnormal' ? { abnormal_mechanism: 'anr_foreground' } : {}),
        attrs,
      };
    }
  }
}

export function generateDemoNdjson(options: DemoOptions): string {
  let out = '';
  for (const line of generateDemoLines(options)) out += JSON.stringify(line) + '\n';
  return out;
}
