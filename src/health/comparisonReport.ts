// One comparison of two releases as every surface reports it (CLI `compare`, the panel's
// comparison view, agent tools): the two releases' overview objects (over their equal-age
// windows when an age is given) and the comparison of their crash-free figures.
import { compareReleases, type RateComparison } from './compareReleases';
import type { AgeWindowStats } from './equalAge';
import { ageKey } from './equalAge';
import { resolveComparedProject } from './comparedProject';
import type { Overview, ReleaseHealth } from './types';

export { ComparisonError, resolveComparedProject } from './comparedProject';

export interface ComparisonReport {
  project: string;
  base: string;
  candidate: string;
  /** Hours, or null when the summary window is used. */
  age: number | null;
  crashFreeSessions: RateComparison;
  crashFreeUsers: RateComparison;
  baseHealth: ReleaseHealth;
  candidateHealth: ReleaseHealth;
}

export interface ComparisonRequest {
  base: string;
  candidate: string;
  /** Needed only when both releases exist in more than one project. */
  project?: string;
  age: number | null;
  minimumSessions: number;
}

/** Builds the report from an overview that holds both releases (computed with the age windows when `age` is set). */
export function buildComparisonReport(overview: Overview & { ageWindows?: Record<string, AgeWindowStats | null> }, request: ComparisonRequest): ComparisonReport {
  const project = resolveComparedProject(overview.releases, request.base, request.candidate, request.project);
  const pick = (v: string) => overview.releases.find((r) => r.project === project && r.release === v)!;
  const baseHealth = pick(request.base);
  const candidateHealth = pick(request.candidate);
  const comparison = compareReleases(baseHealth, candidateHealth, { minimumSessions: request.minimumSessions });
  return {
    project,
    base: request.base,
    candidate: request.candidate,
    age: request.age,
    crashFreeSessions: comparison.crashFreeSessions,
    crashFreeUsers: comparison.crashFreeUsers,
    baseHealth,
    candidateHealth,
  };
}

/** The equal-age windows of the report's releases, when the overview carries them. */
export function reportWindows(overview: { ageWindows?: Record<string, AgeWindowStats | null> }, report: ComparisonReport): { base: AgeWindowStats | null; candidate: AgeWindowStats | null } {
  const w = overview.ageWindows ?? {};
  return { base: w[ageKey(report.project, report.base)] ?? null, candidate: w[ageKey(report.project, report.candidate)] ?? null };
}
