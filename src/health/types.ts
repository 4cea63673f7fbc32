// Types shared by every source (raw NDJSON, Sentry API) and every view.
// The pipeline's contract is docs/health-pipeline.md (at the repository root); names follow it.

/** Unix seconds, UTC. */
export type UnixSeconds = number;

export type StatsPeriod = '1h' | '24h' | '1d' | '48h' | '2d' | '7d' | '14d' | '30d' | '90d';
export const STATS_PERIODS: readonly StatsPeriod[] = ['1h', '24h', '1d', '48h', '2d', '7d', '14d', '30d', '90d'];

export type HealthStat = 'sessions' | 'users';

export type SessionStatus = 'ok' | 'exited' | 'crashed' | 'abnormal' | 'errored' | 'unhandled';

export type HealthStatus = 'insufficient-data' | 'critical' | 'warning' | 'healthy';

/** A comparison's verdict on the candidate against the base (compareReleases.ts). */
export type ComparisonVerdict = 'better' | 'worse' | 'inconclusive' | 'insufficient-data';

/**
 * One status breakdown as Sentry's `groupBy=session.status` reports it:
 * `healthy = max(0, total - erroredAll)`, `errored = max(0, erroredAll - crashed - abnormal)`
 * (it includes unhandled), `total` is the ungrouped `sum(session)` / `count_unique(user)`.
 * Both sources reduce to this shape, so one `computeOverview` serves both.
 */
export interface StatusBreakdown {
  total: number;
  healthy: number;
  errored: number;
  crashed: number;
  abnormal: number;
  unhandled: number;
}

/** What the pipeline needs of one (project, release) once step 1 found health data. */
export interface ReleaseWindowStats {
  /** Summary window (the summary period). */
  sessions: StatusBreakdown;
  users: StatusBreakdown;
  /** Adoption window (24 h): this release's init count and distinct users. */
  sessions24h: number;
  users24h: number;
  /** Health-stats series values, one per bucket of `seriesBuckets(healthPeriod, now)`. */
  series: number[];
  /** Seconds; null when the source has none. */
  durationP50: number | null;
  durationP90: number | null;
}

/** Input for one (project, release). */
export interface ReleaseInput {
  project: string;
  release: string;
  /** Raw data: earliest `started` seen (unix s). API: the release's creation date. Orders releases. */
  firstSeen: UnixSeconds | null;
  /** Step 1: any session counter in the 90-day has-data window, or init in the summary window. */
  hasHealthData: boolean;
  /** Step 2 input; null for releases without health data (they stop at step 1). */
  stats: ReleaseWindowStats | null;
}

export interface ProjectAdoptionTotals {
  /** Init count of the whole project over the adoption window. */
  sessions24h: number;
  /** Distinct users of the whole project over the adoption window. */
  users24h: number;
}

export interface Thresholds {
  /** Crash-free sessions (%) below which a release is `warning`. */
  target: number;
  /** Crash-free sessions (%) below which a release is `critical`. */
  critical: number;
  /** Fewer sessions than this is `insufficient-data`. */
  minimumSessions: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { target: 99.5, critical: 98, minimumSessions: 30 };

export interface OverviewOptions {
  now: UnixSeconds;
  summaryPeriod: StatsPeriod;
  healthPeriod: StatsPeriod;
  stat: HealthStat;
  thresholds: Thresholds;
}

export interface OverviewInput {
  releases: ReleaseInput[];
  /** Keyed by project slug. */
  projects: Record<string, ProjectAdoptionTotals>;
}

export type Interval = [low: number, high: number];

/** One figure compared; rates and differences in percent / percentage points. */
export interface RateComparison {
  /** p_B × 100; null when n_B = 0. */
  base: number | null;
  /** p_C × 100; null when n_C = 0. */
  candidate: number | null;
  /** (p_C − p_B) × 100; null when either n is 0. */
  difference: number | null;
  /** Newcombe's method 10 at 95 %, percentage points; null when either n is 0. */
  differenceInterval: Interval | null;
  /** Two-sided pooled z-test; 1 when its standard error is 0; null when either n is 0. */
  pValue: number | null;
  verdict: ComparisonVerdict;
}


/** Everything the contract names for one (project, release), spelled as there. */
export interface ReleaseHealth {
  project: string;
  release: string;
  firstSeen: string | null;
  hasHealthData: boolean;

  totalSessions: number;
  sessionsHealthy: number;
  sessionsErrored: number;
  sessionsCrashed: number;
  sessionsAbnormal: number;
  sessionsUnhandled: number;

  totalUsers: number;
  usersHealthy: number;
  usersErrored: number;
  usersCrashed: number;
  usersAbnormal: number;
  usersUnhandled: number;

  crashFreeSessions: number | null;
  crashFreeUsers: number | null;
  unhandledSessionRate: number | null;
  unhandledUserRate: number | null;

  totalSessions24h: number;
  totalProjectSessions24h: number;
  totalUsers24h: number;
  totalProjectUsers24h: number;
  adoption: number | null;
  sessionsAdoption: number | null;

  durationP50: number | null;
  durationP90: number | null;

  /** `{ "<healthPeriod>": [[unixSeconds, value], ...] }` */
  stats: Record<string, Array<[UnixSeconds, number]>>;

  crashFreeSessionsInterval: Interval | null;
  crashFreeUsersInterval: Interval | null;
  previousRelease: string | null;
  crashFreeSessionsDelta: number | null;
  regression: boolean;
  healthStatus: HealthStatus;
  /** Human-readable notes on data Sentry would also show oddly (negative crash-free, clamped groups). */
  anomalies: string[];
}

export interface Overview {
  now: string;
  summaryPeriod: StatsPeriod;
  healthPeriod: StatsPeriod;
  stat: HealthStat;
  releases: ReleaseHealth[];
}

export interface SkippedLine {
  line: number;
  reason: string;
}

export interface SkipReport {
  count: number;
  samples: SkippedLine[];
}
