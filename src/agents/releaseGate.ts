// `check_release_gate` / `releaseHealth_checkGate`: may this release roll out? Three outcomes, as
// CI needs them: `pass`, `fail`, and `insufficient-data` when there are too few sessions to say
// (a gate on a crash-free rate must not turn green on a handful of sessions).
import type { HealthStatus, Interval, ReleaseHealth } from '../health/types';
import { formatCount, formatPercent } from '../present/numbers';
import { quoted } from './agentText';

export type GateOutcome = 'pass' | 'fail' | 'insufficient-data';
export type GateFigure = 'crashFreeSessions' | 'crashFreeUsers';

export interface GateRequest {
  /** Crash-free sessions (%) the release must reach; null: not checked. */
  crashFreeSessions: number | null;
  crashFreeUsers: number | null;
  /** Fewer sessions than this: `insufficient-data`. */
  minSessions: number;
}

export interface GateCheck {
  figure: GateFigure;
  threshold: number;
  value: number | null;
  /** null when the value is unknown (no sessions, or no users). */
  passed: boolean | null;
}

export interface GateFigures {
  totalSessions: number;
  sessionsCrashed: number;
  totalUsers: number;
  usersCrashed: number;
  crashFreeSessions: number | null;
  crashFreeUsers: number | null;
  crashFreeSessionsInterval: Interval | null;
  crashFreeUsersInterval: Interval | null;
  healthStatus: HealthStatus;
}

export interface GateResult {
  outcome: GateOutcome;
  project: string;
  release: string;
  figures: GateFigures;
  minSessions: number;
  checks: GateCheck[];
  /** One sentence: why this outcome. */
  reason: string;
}

/**
 * Thresholds from an agent's input: the ones it gave, else crash-free sessions at the target.
 * @param defaults the extension's settings or the CLI's thresholds
 */
export function gateRequestOf(
  input: { crashFreeSessions?: number; crashFreeUsers?: number; minSessions?: number },
  defaults: { target: number; minimumSessions: number },
): GateRequest {
  const none = input.crashFreeSessions === undefined && input.crashFreeUsers === undefined;
  return {
    crashFreeSessions: input.crashFreeSessions ?? (none ? defaults.target : null),
    crashFreeUsers: input.crashFreeUsers ?? null,
    minSessions: input.minSessions ?? defaults.minimumSessions,
  };
}

export function checkReleaseGate(r: ReleaseHealth, request: GateRequest): GateResult {
  const checks: GateCheck[] = [];
  for (const figure of ['crashFreeSessions', 'crashFreeUsers'] as const) {
    const threshold = request[figure];
    if (threshold === null) continue;
    const value = r.hasHealthData ? r[figure] : null;
    checks.push({ figure, threshold, value, passed: value === null ? null : value >= threshold });
  }
  const sessions = r.hasHealthData ? r.totalSessions : 0;
  let outcome: GateOutcome;
  let reason: string;
  if (!r.hasHealthData) {
    outcome = 'insufficient-data';
    reason = 'it has no sessions in the last 90 days';
  } else if (sessions < request.minSessions) {
    outcome = 'insufficient-data';
    reason = `it has ${formatCount(sessions)} sessions, fewer than the minimum of ${formatCount(request.minSessions)}`;
  } else if (checks.some((c) => c.passed === null)) {
    outcome = 'insufficient-data';
    reason = `${checks.filter((c) => c.passed === null).map((c) => FIGURE_WORDS[c.figure]).join(' and ')} cannot be computed (no sessions or users)`;
  } else if (checks.some((c) => c.passed === false)) {
    outcome = 'fail';
    reason = checks.filter((c) => c.passed === false).map((c) => `${FIGURE_WORDS[c.figure]} ${formatPercent(c.value)} is below ${c.threshold}%`).join('; ');
  } else {
    outcome = 'pass';
    reason = checks.map((c) => `${FIGURE_WORDS[c.figure]} ${formatPercent(c.value)} is at or above ${c.threshold}%`).join('; ');
  }
  return {
    outcome,
    project: r.project,
    release: r.release,
    figures: {
      totalSessions: r.totalSessions,
      sessionsCrashed: r.sessionsCrashed,
      totalUsers: r.totalUsers,
      usersCrashed: r.usersCrashed,
      crashFreeSessions: r.crashFreeSessions,
      crashFreeUsers: r.crashFreeUsers,
      crashFreeSessionsInterval: r.crashFreeSessionsInterval,
      crashFreeUsersInterval: r.crashFreeUsersInterval,
      healthStatus: r.healthStatus,
    },
    minSessions: request.minSessions,
    checks,
    reason,
  };
}

const FIGURE_WORDS: Record<GateFigure, string> = {
  crashFreeSessions: 'crash-free sessions',
  crashFreeUsers: 'crash-free users',
};

const OUTCOME_WORDS: Record<GateOutcome, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  'insufficient-data': 'INSUFFICIENT DATA',
};

export function gateText(g: GateResult): string {
  return `Gate for ${quoted(g.project)} ${quoted(g.release)}: ${OUTCOME_WORDS[g.outcome]}: ${g.reason}.`;
}
