// Every figure of one release as (label, value) rows: the tree's figure nodes and the Markdown
// tooltip are both made from this list, so they never disagree; the panel and the CLI table use
// the same formatters and status rows.
import type { Interval, ReleaseHealth } from '../health/types';
import { healthStatusWord, NO_HEALTH_DATA_WORDS } from './healthStatus';
import {
  formatCount, formatDelta, formatDuration, formatInterval, formatPercent, formatShare, NO_VALUE, sessionsAndUsers,
} from './numbers';
import { STATUS_ROWS, type SummaryStatus } from './statusRows';

export type FigureKey =
  | 'sessions' | 'users' | 'crashFreeSessions' | 'crashFreeUsers' | SummaryStatus
  | 'adoption' | 'duration' | 'change' | `anomaly${number}`;

export interface Figure {
  key: FigureKey;
  label: string;
  value: string;
  /** A longer explanation (tooltip of the figure node). */
  detail?: string;
  /** Drawn with a warning mark. */
  alarming?: boolean;
}

export const CRASH_FREE_SESSIONS = 'Crash-free sessions';
export const CRASH_FREE_USERS = 'Crash-free users';
const INTERVAL_DETAIL = '95% Wilson score interval in parentheses.';

/** A rate with its interval: "99.70% (99.40–99.85%)". */
export function rateWithInterval(v: number | null, i: Interval | null): string {
  if (v === null) return NO_VALUE;
  return i === null ? formatPercent(v) : `${formatPercent(v)} (${formatInterval(i)})`;
}

/** "p50 42.0 s · p90 3m 05s". */
export function durationText(r: ReleaseHealth): string {
  return `p50 ${formatDuration(r.durationP50)} · p90 ${formatDuration(r.durationP90)}`;
}

export function releaseFigures(r: ReleaseHealth): Figure[] {
  const figures: Figure[] = [
    { key: 'sessions', label: 'Sessions', value: formatCount(r.totalSessions) },
    { key: 'users', label: 'Users', value: formatCount(r.totalUsers) },
    { key: 'crashFreeSessions', label: CRASH_FREE_SESSIONS, value: rateWithInterval(r.crashFreeSessions, r.crashFreeSessionsInterval), detail: INTERVAL_DETAIL },
    { key: 'crashFreeUsers', label: CRASH_FREE_USERS, value: rateWithInterval(r.crashFreeUsers, r.crashFreeUsersInterval), detail: INTERVAL_DETAIL },
  ];
  // Errored, unhandled, crashed, abnormal, then healthy: the tree puts the problems first.
  const rows = [...STATUS_ROWS.slice(1), STATUS_ROWS[0]];
  for (const row of rows) {
    figures.push({
      key: row.status,
      label: row.label,
      value: `${sessionsAndUsers(r[row.sessions], r[row.users])} (${formatShare(r[row.sessions], r.totalSessions)})`,
      detail:
        row.status === 'unhandled'
          ? `${row.detail} Unhandled rate (unhandled + crashed): ${formatPercent(r.unhandledSessionRate)} of sessions, ${formatPercent(r.unhandledUserRate)} of users.`
          : row.detail,
    });
  }
  figures.push({
    key: 'adoption',
    label: 'Adoption (24 h)',
    value: `${formatPercent(r.adoption)} of users · ${formatPercent(r.sessionsAdoption)} of sessions`,
    detail:
      `${formatCount(r.totalUsers24h)} of ${formatCount(r.totalProjectUsers24h)} users and ` +
      `${formatCount(r.totalSessions24h)} of ${formatCount(r.totalProjectSessions24h)} sessions of the project in the last 24 hours.`,
  });
  if (r.durationP50 !== null || r.durationP90 !== null) {
    figures.push({ key: 'duration', label: 'Session duration', value: durationText(r) });
  }
  if (r.previousRelease !== null) {
    figures.push({
      key: 'change',
      label: `Change vs ${r.previousRelease}`,
      value: `${formatDelta(r.crashFreeSessionsDelta)} crash-free sessions${r.regression ? ' · regression' : ''}`,
      detail: r.regression
        ? 'Regression: the upper end of this release\'s crash-free interval is below the lower end of the previous release\'s.'
        : 'Crash-free sessions, this release minus the previous one, in percentage points.',
      alarming: r.regression,
    });
  }
  r.anomalies.forEach((note, i) => {
    figures.push({ key: `anomaly${i}`, label: 'Note', value: note, alarming: true });
  });
  return figures;
}

/**
 * The short line of a release (tree description, quick pick): `99.73% crash-free`, the figure its
 * status is judged on. It fits the default side bar width beside a release name; the other
 * figures are the tree node's children and the pick's detail.
 */
export function releaseDescription(r: ReleaseHealth): string {
  if (!r.hasHealthData) return NO_HEALTH_DATA_WORDS;
  if (r.crashFreeSessions === null) return 'no sessions';
  return `${formatPercent(r.crashFreeSessions)} crash-free`;
}

/** The quick pick's description: the short line and the health status word. */
export function releasePickDescription(r: ReleaseHealth): string {
  return `${releaseDescription(r)} · ${healthStatusWord(r.healthStatus)}`;
}
