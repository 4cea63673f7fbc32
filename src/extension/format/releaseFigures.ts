// Every figure of one release as (label, value) rows: the tree's figure nodes and the Markdown
// tooltip are both made from this list, so they never disagree.
import type { ReleaseHealth } from '../../health/types';
import {
  DASH, formatCount, formatDelta, formatDuration, formatInterval, formatPercent, sessionsAndUsers, share,
} from './numbers';

export type FigureKey =
  | 'sessions' | 'users' | 'crashFreeSessions' | 'crashFreeUsers' | 'errored' | 'unhandled' | 'crashed'
  | 'abnormal' | 'healthy' | 'adoption' | 'duration' | 'change' | `anomaly${number}`;

export interface Figure {
  key: FigureKey;
  label: string;
  value: string;
  /** A longer explanation (tooltip of the figure node). */
  detail?: string;
  /** Drawn with a warning mark. */
  alarming?: boolean;
}

export function releaseFigures(r: ReleaseHealth): Figure[] {
  const s = r.totalSessions;
  const figures: Figure[] = [
    { key: 'sessions', label: 'Sessions', value: formatCount(s) },
    { key: 'users', label: 'Users', value: formatCount(r.totalUsers) },
    {
      key: 'crashFreeSessions',
      label: 'Crash-free sessions',
      value: withInterval(r.crashFreeSessions, r.crashFreeSessionsInterval),
      detail: '95% Wilson score interval in parentheses.',
    },
    {
      key: 'crashFreeUsers',
      label: 'Crash-free users',
      value: withInterval(r.crashFreeUsers, r.crashFreeUsersInterval),
      detail: '95% Wilson score interval in parentheses.',
    },
    {
      key: 'errored',
      label: 'Errored',
      value: `${sessionsAndUsers(r.sessionsErrored, r.usersErrored)} (${share(r.sessionsErrored, s)})`,
      detail: 'Sessions with a handled error that did not end crashed, unhandled or abnormal.',
    },
    {
      key: 'unhandled',
      label: 'Unhandled',
      value: `${sessionsAndUsers(r.sessionsUnhandled, r.usersUnhandled)} (${share(r.sessionsUnhandled, s)})`,
      detail: `Unhandled rate (unhandled + crashed): ${formatPercent(r.unhandledSessionRate)} of sessions, ${formatPercent(r.unhandledUserRate)} of users.`,
    },
    { key: 'crashed', label: 'Crashed', value: `${sessionsAndUsers(r.sessionsCrashed, r.usersCrashed)} (${share(r.sessionsCrashed, s)})` },
    { key: 'abnormal', label: 'Abnormal', value: `${sessionsAndUsers(r.sessionsAbnormal, r.usersAbnormal)} (${share(r.sessionsAbnormal, s)})` },
    { key: 'healthy', label: 'Healthy', value: `${sessionsAndUsers(r.sessionsHealthy, r.usersHealthy)} (${share(r.sessionsHealthy, s)})` },
    {
      key: 'adoption',
      label: 'Adoption (24 h)',
      value: `${formatPercent(r.adoption)} of users · ${formatPercent(r.sessionsAdoption)} of sessions`,
      detail:
        `${formatCount(r.totalUsers24h)} of ${formatCount(r.totalProjectUsers24h)} users and ` +
        `${formatCount(r.totalSessions24h)} of ${formatCount(r.totalProjectSessions24h)} sessions of the project in the last 24 hours.`,
    },
  ];
  if (r.durationP50 !== null || r.durationP90 !== null) {
    figures.push({
      key: 'duration',
      label: 'Session duration',
      value: `p50 ${formatDuration(r.durationP50)} · p90 ${formatDuration(r.durationP90)}`,
    });
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

function withInterval(v: number | null, i: [number, number] | null): string {
  if (v === null) return DASH;
  return i === null ? formatPercent(v) : `${formatPercent(v)} (${formatInterval(i)})`;
}

/**
 * The tree description of a release: `99.73% crash-free`, the figure its status icon judges. It
 * fits the default side bar width beside a release name; the other figures are its children.
 */
export function releaseDescription(r: ReleaseHealth): string {
  if (!r.hasHealthData) return 'no health data (90 days)';
  if (r.crashFreeSessions === null) return `no sessions`;
  return `${formatPercent(r.crashFreeSessions)} crash-free`;
}

export interface StatusSummaryRow {
  status: 'Healthy' | 'Errored' | 'Unhandled' | 'Crashed' | 'Abnormal';
  count: number;
  share: string;
}

/** Sessions by final status, with their share of all sessions (the status bar tooltip, the panel's table). */
export function statusSummaryRows(r: ReleaseHealth): StatusSummaryRow[] {
  const t = r.totalSessions;
  const rows: Array<[StatusSummaryRow['status'], number]> = [
    ['Healthy', r.sessionsHealthy],
    ['Errored', r.sessionsErrored],
    ['Unhandled', r.sessionsUnhandled],
    ['Crashed', r.sessionsCrashed],
    ['Abnormal', r.sessionsAbnormal],
  ];
  return rows.map(([status, count]) => ({ status, count, share: share(count, t) }));
}
