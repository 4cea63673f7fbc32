// A comparison of two releases for agents: the text beside `compare --format json`'s document,
// in the verdict words every surface uses (src/present/comparisonText), and the default base.
import type { ComparisonReport } from '../health/comparisonReport';
import type { RateComparison } from '../health/compareReleases';
import type { ReleaseHealth } from '../health/types';
import { pValueText, verdictSentence } from '../present/comparisonText';
import { formatPercent } from '../present/numbers';
import { AgentToolError } from './agentToolError';
import { quoted } from './agentText';

/** The candidate's previous release (by first session, with health data): the default base. */
export function previousReleaseOf(candidate: ReleaseHealth): string {
  if (candidate.previousRelease === null) {
    throw new AgentToolError(
      `Release ${quoted(candidate.release)} has no earlier release with health data in project ${quoted(candidate.project)}, so there is no default base: name one.`,
    );
  }
  return candidate.previousRelease;
}

function blockLine(r: ComparisonReport, unit: 'sessions' | 'users', c: RateComparison, minimumSessions: number): string {
  const sentence = verdictSentence({
    base: quoted(r.base),
    candidate: quoted(r.candidate),
    unit,
    comparison: c,
    baseCount: unit === 'sessions' ? r.baseHealth.totalSessions : r.baseHealth.totalUsers,
    candidateCount: unit === 'sessions' ? r.candidateHealth.totalSessions : r.candidateHealth.totalUsers,
    minimumSessions,
  });
  return `Crash-free ${unit}: ${formatPercent(c.candidate)} against ${formatPercent(c.base)}; verdict ${c.verdict}: ${sentence}; p = ${pValueText(c.pValue)}.`;
}

export function comparisonText(r: ComparisonReport, minimumSessions: number): string {
  const window = r.age === null ? '' : `, each over its own first ${r.age} hours`;
  return [
    `${quoted(r.candidate)} (candidate) compared with ${quoted(r.base)} (base) in project ${quoted(r.project)}${window}:`,
    blockLine(r, 'sessions', r.crashFreeSessions, minimumSessions),
    blockLine(r, 'users', r.crashFreeUsers, minimumSessions),
  ].join('\n');
}
