// `--fail-under crash-free-sessions=99.5 [--min-sessions N]`: a CI gate that blocks a rollout.
// It never passes what it cannot see: a named release that is missing or has no sessions in
// the summary window, or a source with no release to check, fails the gate, or, with
// --min-sessions, is `insufficient-data` (exit 3) like a release below that many sessions,
// so that CI can choose what thin data means.
import type { ReleaseHealth, SkipReport } from '../health/types';
import { UsageError } from './usageError';

const METRICS = {
  'crash-free-sessions': (r: ReleaseHealth) => r.crashFreeSessions,
  'crash-free-users': (r: ReleaseHealth) => r.crashFreeUsers,
} as const;

export type GateMetric = keyof typeof METRICS;

export interface Gate {
  metric: GateMetric;
  threshold: number;
}

export function parseGate(text: string): Gate {
  const m = /^([a-z-]+)=(-?\d+(?:\.\d+)?)$/.exec(text);
  if (!m || !(m[1] in METRICS)) {
    throw new UsageError(`invalid --fail-under '${text}': expected crash-free-sessions=N or crash-free-users=N`);
  }
  return { metric: m[1] as GateMetric, threshold: Number(m[2]) };
}

export type GateResult = 'pass' | 'fail' | 'insufficient-data';

/** Exit code of each result: 0 pass, 1 fail, 3 insufficient-data (2 is a usage or input error). */
export const GATE_EXIT_CODES: Record<GateResult, number> = { pass: 0, fail: 1, 'insufficient-data': 3 };

export interface GateOutcome {
  result: GateResult;
  /** Releases below a threshold, or without data when no --min-sessions is given. */
  failures: string[];
  /** Releases with too little data to judge (only with --min-sessions). */
  insufficient: string[];
}

export interface GateScope {
  /** The --release values; every one of them must be there with data. */
  requested: readonly string[];
  /** --min-sessions: below it a release is insufficient-data instead of passing or failing. */
  minSessions: number | null;
  skipped?: SkipReport;
}

function shortList(values: string[]): string {
  return values.length === 0 ? 'none' : values.slice(0, 8).join(', ') + (values.length > 8 ? ', …' : '');
}

/**
 * The gate's verdict over the releases shown (already filtered by --release). A real failure
 * (enough data, below the threshold) wins over insufficient data.
 */
export function evaluateGates(releases: ReleaseHealth[], all: ReleaseHealth[], gates: Gate[], scope: GateScope): GateOutcome {
  const failures: string[] = [];
  const insufficient: string[] = [];
  if (gates.length === 0) return { result: 'pass', failures, insufficient };
  const noData = (why: string) => (scope.minSessions === null ? failures : insufficient).push(why);

  const present = new Set(releases.map((r) => r.release));
  for (const name of new Set(scope.requested)) {
    if (!present.has(name)) {
      noData(`release '${name}' is not in the data (releases seen: ${shortList([...new Set(all.map((r) => r.release))])})`);
    }
  }
  // Without --release, releases that stopped being used (no sessions now) are not gated, but
  // at least one release must have data to judge.
  const judged = scope.requested.length > 0 ? releases : releases.filter((r) => r.hasHealthData && r.totalSessions > 0);
  if (scope.requested.length === 0 && judged.length === 0) {
    const skipped = scope.skipped && scope.skipped.count > 0 ? ` (${scope.skipped.count} unusable line(s) skipped)` : '';
    noData(`no release has sessions in the summary window${skipped}: nothing to gate`);
  }
  for (const r of judged) {
    const name = `${r.project} ${r.release}`;
    if (r.totalSessions === 0) {
      noData(`${name}: no sessions in the summary window`);
      continue;
    }
    if (scope.minSessions !== null && r.totalSessions < scope.minSessions) {
      insufficient.push(`${name}: ${r.totalSessions} session(s) < --min-sessions ${scope.minSessions}`);
      continue;
    }
    for (const gate of gates) {
      const value = METRICS[gate.metric](r);
      if (value === null) noData(`${name}: no ${gate.metric} figure (no ${gate.metric === 'crash-free-users' ? 'users' : 'sessions'})`);
      else if (value < gate.threshold) failures.push(`${name}: ${gate.metric} ${value.toFixed(2)} < ${gate.threshold}`);
    }
  }
  const result: GateResult = failures.length > 0 ? 'fail' : insufficient.length > 0 ? 'insufficient-data' : 'pass';
  return { result, failures, insufficient };
}
