// Sessions and users by final status, in the order and with the names every surface uses
// (tree figures, status bar tooltip, panel bars and table). `errored` means handled errors
// only: unhandled, crashed and abnormal sessions have their own rows.
import type { ReleaseHealth } from '../health/types';
import { formatShare } from './numbers';

export type SummaryStatus = 'healthy' | 'errored' | 'unhandled' | 'crashed' | 'abnormal';

type CountField = {
  [K in keyof ReleaseHealth]: ReleaseHealth[K] extends number ? K : never;
}[keyof ReleaseHealth];

export interface StatusRow {
  status: SummaryStatus;
  label: string;
  /** One line for tooltips and screen readers. */
  detail: string;
  sessions: CountField;
  users: CountField;
}

export const STATUS_ROWS: readonly StatusRow[] = [
  { status: 'healthy', label: 'Healthy', detail: 'Sessions that ended without an error.', sessions: 'sessionsHealthy', users: 'usersHealthy' },
  {
    status: 'errored',
    label: 'Errored (handled)',
    detail: 'Sessions with a handled error that did not end crashed, unhandled or abnormal.',
    sessions: 'sessionsErrored',
    users: 'usersErrored',
  },
  { status: 'unhandled', label: 'Unhandled', detail: 'Sessions with an unhandled error that did not crash the app.', sessions: 'sessionsUnhandled', users: 'usersUnhandled' },
  { status: 'crashed', label: 'Crashed', detail: 'Sessions that ended in a crash.', sessions: 'sessionsCrashed', users: 'usersCrashed' },
  { status: 'abnormal', label: 'Abnormal', detail: 'Sessions that ended abnormally (killed, app hang).', sessions: 'sessionsAbnormal', users: 'usersAbnormal' },
];

export interface StatusSummaryRow {
  status: SummaryStatus;
  label: string;
  sessions: number;
  /** Share of all sessions, e.g. "4.00%". */
  sessionsShare: string;
  users: number;
  usersShare: string;
}

export function statusSummaryRows(r: ReleaseHealth): StatusSummaryRow[] {
  return STATUS_ROWS.map((row) => ({
    status: row.status,
    label: row.label,
    sessions: r[row.sessions],
    sessionsShare: formatShare(r[row.sessions], r.totalSessions),
    users: r[row.users],
    usersShare: formatShare(r[row.users], r.totalUsers),
  }));
}
