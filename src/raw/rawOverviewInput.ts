// Turns accumulated raw session data into the pipeline's input: step 1 (has health data in
// the 90-day window) decides which releases go on; for those, the summary, adoption and
// series windows are summed, with sets unioned over each window (never sizes added up).
import { percentile } from '../health/percentiles';
import type { OverviewInput, OverviewOptions, ProjectAdoptionTotals, ReleaseInput } from '../health/types';
import { ADOPTION_PERIOD, HAS_DATA_PERIOD, seriesBuckets, windowOf, granularity } from '../health/windows';
import type { KeyStats, SessionAccumulator } from './sessionAccumulator';
import { addBucket, emptyTotals, inside, sessionsBreakdown, union, usersBreakdown } from './windowTotals';

export interface RawInputOptions extends OverviewOptions {
  /** Only these environments count, for every figure; null or empty for all. */
  environments: readonly string[] | null;
}

export function buildRawOverviewInput(acc: SessionAccumulator, options: RawInputOptions): OverviewInput {
  const envFilter = options.environments && options.environments.length > 0 ? new Set(options.environments) : null;
  const summary = windowOf(options.summaryPeriod, options.now);
  const adoption = windowOf(ADOPTION_PERIOD, options.now);
  const hasData = windowOf(HAS_DATA_PERIOD, options.now);
  const seriesStarts = seriesBuckets(options.healthPeriod, options.now);
  const seriesG = granularity(options.healthPeriod);
  const seriesStart = seriesStarts[0];

  // Group the (project, release, environment) keys by (project, release).
  const releases = new Map<string, KeyStats[]>();
  for (const key of acc.keys.values()) {
    if (envFilter && !envFilter.has(key.environment)) continue;
    const id = `${key.project}\u0000${key.release}`;
    const list = releases.get(id);
    if (list) list.push(key);
    else releases.set(id, [key]);
  }

  const projectSessions = new Map<string, number>();
  const projectUsers = new Map<string, Set<number>>();
  const out: ReleaseInput[] = [];

  for (const keys of releases.values()) {
    const { project, release } = keys[0];
    const firstSeen = Math.min(...keys.map((k) => k.firstSeen));
    const sum = emptyTotals();
    const adopt = { init: 0, users: new Set<number>() };
    let has = false;
    const seriesValues = new Array<number>(seriesStarts.length).fill(0);
    const seriesUsers = options.stat === 'users' ? seriesStarts.map(() => new Set<number>()) : null;

    for (const key of keys) {
      for (const [t, b] of key.buckets) {
        if (!has && inside(t, hasData) && b.hasCounter()) has = true;
        if (inside(t, summary)) addBucket(sum, b);
        if (inside(t, adoption)) {
          adopt.init += b.init;
          union(adopt.users, b.users);
        }
        const i = Math.floor((t - seriesStart) / seriesG);
        if (i >= 0 && i < seriesStarts.length && t < options.now) {
          if (seriesUsers) union(seriesUsers[i], b.users);
          else seriesValues[i] += b.init;
        }
      }
    }

    // Adoption's project totals count every release of the project, with or without health data.
    projectSessions.set(project, (projectSessions.get(project) ?? 0) + adopt.init);
    let pu = projectUsers.get(project);
    if (!pu) projectUsers.set(project, (pu = new Set()));
    union(pu, adopt.users);

    const hasHealthData = sum.init > 0 || has;
    out.push({
      project,
      release,
      firstSeen,
      hasHealthData,
      stats: hasHealthData
        ? {
            sessions: sessionsBreakdown(sum),
            users: usersBreakdown(sum),
            sessions24h: adopt.init,
            users24h: adopt.users.size,
            series: seriesUsers ? seriesUsers.map((s) => s.size) : seriesValues,
            durationP50: percentile(sum.durations, 0.5),
            durationP90: percentile(sum.durations, 0.9),
          }
        : null,
    });
  }

  const projects: Record<string, ProjectAdoptionTotals> = {};
  for (const [p, sessions24h] of projectSessions) {
    projects[p] = { sessions24h, users24h: projectUsers.get(p)?.size ?? 0 };
  }
  return { releases: out, projects };
}
