// Equal-age windows: each release measured over its own first `age` hours, so that a day-old
// release is not compared with a month-old one at a different point in its life. The window
// starts at t0, the start of the hour bucket holding the release's first session (init)
// inside the 90-day has-data window (within the filters), and ends at min(t0 + age, now).
import { resolveComparedProject, type ReleaseRef } from './comparedProject';
import { EMPTY_BREAKDOWN } from './statusSummary';
import type { OverviewInput, StatusBreakdown, UnixSeconds } from './types';
import { HOUR, type Window } from './windows';

/** Longest age accepted: the 90-day window in hours. */
export const MAX_AGE_HOURS = 90 * 24;

export function isAgeHours(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_AGE_HOURS;
}

/** The window of a release whose first session started at `firstSession`. */
export function equalAgeWindow(firstSession: UnixSeconds, ageHours: number, now: UnixSeconds): Window {
  const start = Math.floor(firstSession / HOUR) * HOUR;
  return { start, end: Math.min(start + ageHours * HOUR, now), granularity: HOUR };
}

/** Measure these releases of one project over their first `ageHours` hours. */
export interface EqualAgeRequest {
  /** When absent: the only project holding all the releases (comparedProject.ts). */
  project?: string;
  releases: string[];
  ageHours: number;
}

/** One release's figures over its equal-age window, from either source. */
export interface AgeWindowStats {
  window: Window;
  sessions: StatusBreakdown;
  users: StatusBreakdown;
  durationP50: number | null;
  durationP90: number | null;
  /** Per bucket of `window.granularity` from `window.start`: init count and distinct users. */
  series: { sessions: number[]; users: number[] };
}

/** The project of the request: named, or the only one holding both of its releases. */
export function ageProject(releases: readonly ReleaseRef[], request: EqualAgeRequest): string {
  const [base, candidate] = [request.releases[0], request.releases[request.releases.length - 1]];
  return resolveComparedProject(releases, base, candidate, request.project);
}

/** `project \0 release` */
export function ageKey(project: string, release: string): string {
  return `${project}\u0000${release}`;
}

/**
 * The input with the named releases' summary figures taken from their equal-age windows
 * (null: no session in the 90-day window, so nothing to measure). Adoption, the series and
 * step 1 stay as they were.
 */
export function withAgeWindows(input: OverviewInput, windows: ReadonlyMap<string, AgeWindowStats | null>): OverviewInput {
  return {
    ...input,
    releases: input.releases.map((r) => {
      const key = ageKey(r.project, r.release);
      if (!windows.has(key) || r.stats === null) return r;
      const w = windows.get(key) ?? null;
      return {
        ...r,
        stats: {
          ...r.stats,
          sessions: w?.sessions ?? EMPTY_BREAKDOWN,
          users: w?.users ?? EMPTY_BREAKDOWN,
          durationP50: w?.durationP50 ?? null,
          durationP90: w?.durationP90 ?? null,
        },
      };
    }),
  };
}
