// The compact text agent tools return beside their JSON: one line per release, the figures a
// person (or a model) asks about first, in the words and number formats of every other surface
// (src/present). Names from SDKs are JSON-quoted so a hostile release name cannot pose as part of
// the sentence or break the line.
import type { ReleaseHealth, SkipReport, StatsPeriod } from '../health/types';
import { healthStatusWord, noHealthDataWords } from '../present/healthStatus';
import { formatCount, formatDelta, formatPercent } from '../present/numbers';
import { periodWords } from '../present/periods';
import { rateWithInterval } from '../present/releaseFigures';

export function quoted(name: string): string {
  return JSON.stringify(name);
}

/** "Release health over the last 24 hours (as of 2026-11-26T12:30:00.000Z)". */
export function periodLine(what: string, period: StatsPeriod, now: string): string {
  return `${what} over the ${periodWords(period)} (as of ${now})`;
}

/** `"web" "2.3.0": warning; crash-free sessions 99.12% (98.90–99.30%), …`. */
export function releaseLine(r: ReleaseHealth): string {
  const name = `${quoted(r.project)} ${quoted(r.release)}`;
  if (!r.hasHealthData) return `${name}: ${noHealthDataWords()}.`;
  const parts = [
    `crash-free sessions ${rateWithInterval(r.crashFreeSessions, r.crashFreeSessionsInterval)}`,
    `crash-free users ${rateWithInterval(r.crashFreeUsers, r.crashFreeUsersInterval)}`,
    `${formatCount(r.totalSessions)} sessions (${formatCount(r.sessionsErrored)} errored, ${formatCount(r.sessionsCrashed)} crashed, ${formatCount(r.sessionsAbnormal)} abnormal)`,
    `${formatCount(r.totalUsers)} users`,
    `adoption ${formatPercent(r.adoption)}`,
  ];
  if (r.previousRelease !== null) {
    parts.push(`vs previous ${quoted(r.previousRelease)} ${formatDelta(r.crashFreeSessionsDelta)}${r.regression ? ' (regression)' : ''}`);
  }
  return `${name}: ${healthStatusWord(r.healthStatus)}; ${parts.join('; ')}.`;
}

/** A note when the source file had unusable lines (their figures are missing); empty otherwise. */
export function skippedNote(skipped: SkipReport): string {
  if (skipped.count === 0) return '';
  const first = skipped.samples[0];
  return `\nNote: ${formatCount(skipped.count)} unusable line(s) of the session file were skipped${first ? ` (first: line ${first.line}, ${first.reason})` : ''}.`;
}
