// Secondary figures (health status, first seen, unhandled rates, durations) and anomaly notes.
import type { ReleaseHealth } from '../health/types';
import { healthStatusLabel } from '../present/healthStatus';
import { formatDuration, formatPercent } from '../present/numbers';
import { formatTime } from '../present/time';
import { figure } from './figure';
import { h, type VElement } from './vnode';
import { t } from '../present/localize';

export function renderDetails(r: ReleaseHealth): VElement {
  const durationNote = r.durationP50 === null && r.durationP90 === null ? t('not recorded') : null;
  return h(
    'section',
    { class: 'details' },
    h('h2', {}, t('Details')),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('Health status')),
      h('dd', {}, figure('healthStatus', r.healthStatus, healthStatusLabel(r.healthStatus), { class: `status-text status-${r.healthStatus}` })),
      h('dt', {}, t('First seen')),
      h('dd', {}, figure('firstSeen', r.firstSeen, formatTime(r.firstSeen))),
      h('dt', {}, t('Unhandled session rate')),
      h(
        'dd',
        {},
        figure('unhandledSessionRate', r.unhandledSessionRate, formatPercent(r.unhandledSessionRate)),
        // Beside "Unhandled 0" in the status table, the rate would look wrong without this.
        h('span', { class: 'muted' }, ` (${t('unhandled and crashed sessions: a crash is an unhandled error, as Sentry counts it')})`),
      ),
      h('dt', {}, t('Unhandled user rate')),
      h('dd', {}, figure('unhandledUserRate', r.unhandledUserRate, formatPercent(r.unhandledUserRate)), h('span', { class: 'muted' }, ` (${t('users with an unhandled or crashed session')})`)),
      h('dt', {}, t('Session duration p50 / p90')),
      h(
        'dd',
        {},
        figure('durationP50', r.durationP50, formatDuration(r.durationP50)),
        ' / ',
        figure('durationP90', r.durationP90, formatDuration(r.durationP90)),
        durationNote ? h('span', { class: 'muted' }, ` (${durationNote})`) : null,
      ),
    ),
  );
}

/** Data Sentry would also show oddly (more crashes than sessions, clamped groups). */
export function renderAnomalies(r: ReleaseHealth): VElement | null {
  if (r.anomalies.length === 0) return null;
  return h(
    'section',
    { class: 'anomalies', role: 'note', 'aria-label': t('Anomalies') },
    h('h2', {}, t('Notes on this data')),
    h('ul', {}, r.anomalies.map((note) => h('li', { 'data-anomaly': '' }, note))),
  );
}
