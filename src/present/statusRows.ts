// Sessions and users by final status, in the order and with the names every surface uses
// (tree figures, status bar tooltip, panel bars and table). `errored` means handled errors
// only: unhandled, crashed and abnormal sessions have their own rows.
import type { ReleaseHealth } from '../health/types';
import { t } from './localize';
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

/** The rows, healthy first; words looked up when asked, so a translation loaded later applies. */
export function statusRows(): readonly StatusRow[] {
  return [
    { status: 'healthy', label: t('Healthy'), detail: t('Sessions that ended without an error.'), sessions: 'sessionsHealthy', users: 'usersHealthy' },
    {
      status: 'errored',
      label: t('Errored (handled)'),
      detail: t('Sessions with a handled error that did not end crashed, unhandled or abnormal.'),
      sessions: 'sessionsErrored',
      users: 'usersErrored',
    },
    { status: 'unhandled', label: t('Unhandled'), detail: t('Sessions with an unhandled error that did not crash the app.'), sessions: 'sessionsUnhandled', users: 'usersUnhandled' },
    { status: 'crashed', label: t('Crashed'), detail: t('Sessions that ended in a crash.'), sessions: 'sessionsCrashed', users: 'usersCrashed' },
    { status: 'abnormal', label: t('Abnormal'), detail: t('Sessions that ended abnormally (killed, app hang).'), sessions: 'sessionsAbnormal', users: 'usersAbnormal' },
  ];
}

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
  return statusRows().map((row) => ({
    status: row.status,
    label: row.label,
    sessions: r[row.sessions],
    sessionsShare: formatShare(r[row.sessions], r.totalSessions),
    users: r[row.users],
    usersShare: formatShare(r[row.users], r.totalUsers),
  }));
}
