// The status summary: for sessions and for users, a stacked bar of healthy, errored (handled),
// unhandled, crashed and abnormal, and a table of each count and its share of the total.
import type { ReleaseHealth } from '../health/types';
import { figure, figureCopy, type FigureName } from './figure';
import { formatCount, formatShare } from '../present/numbers';
import { statusRows } from '../present/statusRows';
import { h, withStyle, type VElement } from './vnode';
import { t } from '../present/localize';

/** Figures the headline already tags; the table shows them as copies so each tag stays unique. */
const TAGGED_IN_HEADLINE: ReadonlySet<FigureName> = new Set(['sessionsErrored']);

function count(r: ReleaseHealth, name: FigureName): number {
  return r[name] as number;
}

/** One stacked bar: segment widths follow counts (flex-grow), empty statuses take no room. */
export function renderStackedBar(r: ReleaseHealth, of: 'sessions' | 'users'): VElement {
  const total = of === 'sessions' ? r.totalSessions : r.totalUsers;
  const parts = statusRows().map((row) => ({ row, n: count(r, row[of]) }));
  const label = parts.map(({ row, n }) => `${row.label} ${formatCount(n)} (${formatShare(n, total)})`).join(', ');
  return h(
    'div',
    { class: 'stacked-bar', role: 'img', 'aria-label': `${of === 'sessions' ? t('Sessions') : t('Users')}: ${label}`, 'data-bar': of },
    parts
      .filter(({ n }) => n > 0)
      .map(({ row, n }) =>
        withStyle(h('span', { class: `segment status-${row.status}`, title: `${row.label}: ${formatCount(n)} (${formatShare(n, total)})` }), { 'flex-grow': String(n) }),
      ),
  );
}

/** `data-label` names the column when a narrow panel stacks the table's cells (webview.css). */
function valueCell(r: ReleaseHealth, name: FigureName, total: number, of: string): VElement[] {
  const n = count(r, name);
  const tag = TAGGED_IN_HEADLINE.has(name) ? figureCopy : figure;
  return [h('td', { class: 'num', 'data-label': of }, tag(name, n, formatCount(n))), h('td', { class: 'num share', 'data-label': t('Share') }, formatShare(n, total))];
}

export function renderStatusSummary(r: ReleaseHealth): VElement {
  return h(
    'section',
    { class: 'status-summary', 'aria-labelledby': 'status-summary-title' },
    h('h2', { id: 'status-summary-title' }, t('Session status')),
    h('div', { class: 'bars' }, h('span', { class: 'bar-label' }, t('Sessions')), renderStackedBar(r, 'sessions'), h('span', { class: 'bar-label' }, t('Users')), renderStackedBar(r, 'users')),
    h(
      'table',
      { class: 'summary-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('Status')), h('th', { scope: 'col', class: 'num' }, t('Sessions')), h('th', { scope: 'col', class: 'num' }, t('Share')), h('th', { scope: 'col', class: 'num' }, t('Users')), h('th', { scope: 'col', class: 'num' }, t('Share')))),
      h(
        'tbody',
        {},
        statusRows().map((row) =>
          h('tr', { 'data-status': row.status }, h('th', { scope: 'row' }, h('span', { class: `swatch status-${row.status}`, 'aria-hidden': 'true' }), row.label), valueCell(r, row.sessions, r.totalSessions, t('Sessions')), valueCell(r, row.users, r.totalUsers, t('Users'))),
        ),
      ),
      h(
        'tfoot',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, t('Total')),
          h('td', { class: 'num', 'data-label': t('Sessions') }, figureCopy('totalSessions', r.totalSessions, formatCount(r.totalSessions))),
          h('td', { class: 'num share empty-cell' }),
          h('td', { class: 'num', 'data-label': t('Users') }, figureCopy('totalUsers', r.totalUsers, formatCount(r.totalUsers))),
          h('td', { class: 'num share empty-cell' }),
        ),
      ),
    ),
  );
}
