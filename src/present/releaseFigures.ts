// Every figure of one release as (label, value) rows: the tree's figure nodes and the Markdown
// tooltip are both made from this list, so they never disagree; the panel and the CLI table use
// the same formatters and status rows.
import type { Interval, ReleaseHealth } from '../health/types';
import { healthStatusWord, noHealthDataWords } from './healthStatus';
import { t } from './localize';
import {
  formatCount, formatDelta, formatDuration, formatInterval, formatPercent, formatShare, NO_VALUE, sessionsAndUsers,
} from './numbers';
import { statusRows, type SummaryStatus } from './statusRows';

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

export function crashFreeSessionsLabel(): string {
  return t('Crash-free sessions');
}

export function crashFreeUsersLabel(): string {
  return t('Crash-free users');
}

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
  const intervalDetail = t('95% Wilson score interval in parentheses.');
  const figures: Figure[] = [
    { key: 'sessions', label: t('Sessions'), value: formatCount(r.totalSessions) },
    { key: 'users', label: t('Users'), value: formatCount(r.totalUsers) },
    { key: 'crashFreeSessions', label: crashFreeSessionsLabel(), value: rateWithInterval(r.crashFreeSessions, r.crashFreeSessionsInterval), detail: intervalDetail },
    { key: 'crashFreeUsers', label: crashFreeUsersLabel(), value: rateWithInterval(r.crashFreeUsers, r.crashFreeUsersInterval), detail: intervalDetail },
  ];
  // Errored, unhandled, crashed, abnormal, then healthy: the tree puts the problems first.
  const all = statusRows();
  const rows = [...all.slice(1), all[0]];
  for (const row of rows) {
    figures.push({
      key: row.status,
      label: row.label,
      value: `${sessionsAndUsers(r[row.sessions], r[row.users])} (${formatShare(r[row.sessions], r.totalSessions)})`,
      detail:
        row.status === 'unhandled'
          ? `${row.detail} ${t('Unhandled rate (unhandled + crashed): {0} of sessions, {1} of users.', formatPercent(r.unhandledSessionRate), formatPercent(r.unhandledUserRate))}`
          : row.detail,
    });
  }
  figures.push({
    key: 'adoption',
    label: t('Adoption (24 h)'),
    value: t('{0} of users · {1} of sessions', formatPercent(r.adoption), formatPercent(r.sessionsAdoption)),
    detail: t(
      '{0} of {1} users and {2} of {3} sessions of the project in the last 24 hours.',
      formatCount(r.totalUsers24h), formatCount(r.totalProjectUsers24h), formatCount(r.totalSessions24h), formatCount(r.totalProjectSessions24h),
    ),
  });
  if (r.durationP50 !== null || r.durationP90 !== null) {
    figures.push({ key: 'duration', label: t('Session duration'), value: durationText(r) });
  }
  if (r.previousRelease !== null) {
    figures.push({
      key: 'change',
      label: t('Change vs {0}', r.previousRelease),
      value: r.regression
        ? t('{0} crash-free sessions · regression', formatDelta(r.crashFreeSessionsDelta))
        : t('{0} crash-free sessions', formatDelta(r.crashFreeSessionsDelta)),
      detail: r.regression
        ? t("Regression: the upper end of this release's crash-free interval is below the lower end of the previous release's.")
        : t('Crash-free sessions, this release minus the previous one, in percentage points.'),
      alarming: r.regression,
    });
  }
  r.anomalies.forEach((note, i) => {
    figures.push({ key: `anomaly${i}`, label: t('Note'), value: note, alarming: true });
  });
  return figures;
}

/**
 * The short line of a release (tree description, quick pick): `99.73% crash-free`, the figure its
 * status is judged on. It fits the default side bar width beside a release name; the other
 * figures are the tree node's children and the pick's detail.
 */
export function releaseDescription(r: ReleaseHealth): string {
  if (!r.hasHealthData) return noHealthDataWords();
  if (r.crashFreeSessions === null) return t('no sessions');
  return t('{0} crash-free', formatPercent(r.crashFreeSessions));
}

/** The quick pick's description: the short line and the health status word. */
export function releasePickDescription(r: ReleaseHealth): string {
  return `${releaseDescription(r)} · ${healthStatusWord(r.healthStatus)}`;
}
