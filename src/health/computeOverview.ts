// The pure release-health pipeline: no vscode, no I/O, no clock (`now` is an option).
// Step 1 (has health data) is decided by the source into ReleaseInput.hasHealthData; releases
// without it stop here. Steps 2-4 and the figures beyond Sentry's follow.
import type {
  HealthStatus,
  Overview,
  OverviewInput,
  OverviewOptions,
  ReleaseHealth,
  ReleaseInput,
  Thresholds,
} from './types';
import { crashFree, EMPTY_BREAKDOWN, rate, summarizeStatuses } from './statusSummary';
import { wilsonCrashFree } from './wilson';
import { seriesBuckets } from './windows';

export function computeOverview(input: OverviewInput, options: OverviewOptions): Overview {
  const buckets = seriesBuckets(options.healthPeriod, options.now);
  const releases = input.releases.map((r) => computeRelease(r, input, options, buckets));
  linkPreviousReleases(releases, input.releases);
  return {
    now: new Date(options.now * 1000).toISOString(),
    summaryPeriod: options.summaryPeriod,
    healthPeriod: options.healthPeriod,
    stat: options.stat,
    releases: sortReleases(releases, input.releases),
  };
}

function computeRelease(
  r: ReleaseInput,
  input: OverviewInput,
  options: OverviewOptions,
  buckets: number[],
): ReleaseHealth {
  const has = r.hasHealthData && r.stats !== null;
  const st = has ? r.stats! : null;
  const s = summarizeStatuses(st?.sessions ?? EMPTY_BREAKDOWN);
  const u = summarizeStatuses(st?.users ?? EMPTY_BREAKDOWN);
  const project = input.projects[r.project] ?? { sessions24h: 0, users24h: 0 };
  const sessions24h = st?.sessions24h ?? 0;
  const users24h = st?.users24h ?? 0;
  const projectSessions24h = has ? project.sessions24h : 0;
  const projectUsers24h = has ? project.users24h : 0;

  const crashFreeSessions = crashFree(s.total, s.crashed);
  const health: ReleaseHealth = {
    project: r.project,
    release: r.release,
    firstSeen: r.firstSeen === null ? null : new Date(r.firstSeen * 1000).toISOString(),
    hasHealthData: r.hasHealthData,

    totalSessions: s.total,
    sessionsHealthy: s.healthy,
    sessionsErrored: s.errored,
    sessionsCrashed: s.crashed,
    sessionsAbnormal: s.abnormal,
    sessionsUnhandled: s.unhandled,

    totalUsers: u.total,
    usersHealthy: u.healthy,
    usersErrored: u.errored,
    usersCrashed: u.crashed,
    usersAbnormal: u.abnormal,
    usersUnhandled: u.unhandled,

    crashFreeSessions,
    crashFreeUsers: crashFree(u.total, u.crashed),
    unhandledSessionRate: rate(s.unhandled + s.crashed, s.total),
    unhandledUserRate: rate(u.unhandled + u.crashed, u.total),

    totalSessions24h: sessions24h,
    totalProjectSessions24h: projectSessions24h,
    totalUsers24h: users24h,
    totalProjectUsers24h: projectUsers24h,
    adoption: users24h > 0 && projectUsers24h > 0 ? (users24h / projectUsers24h) * 100 : null,
    sessionsAdoption: sessions24h > 0 && projectSessions24h > 0 ? (sessions24h / projectSessions24h) * 100 : null,

    durationP50: st?.durationP50 ?? null,
    durationP90: st?.durationP90 ?? null,

    stats: { [options.healthPeriod]: buckets.map((t, i) => [t, st?.series[i] ?? 0] as [number, number]) },

    crashFreeSessionsInterval: wilsonCrashFree(s.total, s.crashed),
    crashFreeUsersInterval: wilsonCrashFree(u.total, u.crashed),
    previousRelease: null,
    crashFreeSessionsDelta: null,
    regression: false,
    healthStatus: healthStatusOf(s.total, crashFreeSessions, options.thresholds),
    anomalies: anomaliesOf(s, u),
  };
  return health;
}

export function healthStatusOf(totalSessions: number, crashFreeSessions: number | null, t: Thresholds): HealthStatus {
  if (totalSessions < t.minimumSessions || crashFreeSessions === null) return 'insufficient-data';
  if (crashFreeSessions < t.critical) return 'critical';
  if (crashFreeSessions < t.target) return 'warning';
  return 'healthy';
}

function anomaliesOf(s: ReturnType<typeof summarizeStatuses>, u: ReturnType<typeof summarizeStatuses>): string[] {
  const notes: string[] = [];
  if (s.crashed > s.total) {
    notes.push(
      `More crashed sessions (${s.crashed}) than started sessions (${s.total}): crash reports arrived without their session start, so crash-free sessions is below zero, as Sentry shows it.`,
    );
  }
  if (u.crashed > u.total) notes.push(`More crashed users (${u.crashed}) than users (${u.total}).`);
  const sum = s.healthy + s.errored + s.unhandled + s.crashed + s.abnormal;
  if (s.total > 0 && sum !== s.total && s.crashed <= s.total) {
    notes.push(
      `Session statuses add up to ${sum}, not ${s.total}: more sessions ended unhealthy than started in this window, so healthy or errored was clamped at zero.`,
    );
  }
  return notes;
}

/** Orders releases within each project by first seen (ties by name): oldest first. */
function chronological(a: ReleaseInput, b: ReleaseInput): number {
  const fa = a.firstSeen ?? Number.POSITIVE_INFINITY;
  const fb = b.firstSeen ?? Number.POSITIVE_INFINITY;
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a.release < b.release ? -1 : a.release > b.release ? 1 : 0;
}

function linkPreviousReleases(out: ReleaseHealth[], inputs: ReleaseInput[]): void {
  const byProject = new Map<string, number[]>();
  inputs.forEach((r, i) => {
    if (!r.hasHealthData) return;
    const list = byProject.get(r.project) ?? [];
    list.push(i);
    byProject.set(r.project, list);
  });
  for (const indexes of byProject.values()) {
    indexes.sort((a, b) => chronological(inputs[a], inputs[b]));
    for (let k = 1; k < indexes.length; k++) {
      const cur = out[indexes[k]];
      const prev = out[indexes[k - 1]];
      cur.previousRelease = prev.release;
      cur.crashFreeSessionsDelta =
        cur.crashFreeSessions !== null && prev.crashFreeSessions !== null
          ? cur.crashFreeSessions - prev.crashFreeSessions
          : null;
      const ci = cur.crashFreeSessionsInterval;
      const pi = prev.crashFreeSessionsInterval;
      cur.regression = ci !== null && pi !== null && ci[1] < pi[0];
    }
  }
}

/** Projects by name; within a project, newest release first. */
function sortReleases(out: ReleaseHealth[], inputs: ReleaseInput[]): ReleaseHealth[] {
  const order = inputs.map((_, i) => i);
  order.sort((a, b) => {
    const pa = inputs[a].project;
    const pb = inputs[b].project;
    if (pa !== pb) return pa < pb ? -1 : 1;
    return chronological(inputs[b], inputs[a]);
  });
  return order.map((i) => out[i]);
}
