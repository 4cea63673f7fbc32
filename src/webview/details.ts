// Secondary figures (health status, first seen, unhandled rates, durations) and anomaly notes.
import type { ReleaseHealth } from '../health/types';
import { HEALTH_STATUS_LABEL } from '../present/healthStatus';
import { formatDuration, formatPercent } from '../present/numbers';
import { formatTime } from '../present/time';
import { figure } from './figure';
import { h, type VElement } from './vnode';

export function renderDetails(r: ReleaseHealth): VElement {
  const durationNote = r.durationP50 === null && r.durationP90 === null ? 'not recorded' : null;
  return h(
    'section',
    { class: 'details' },
    h('h2', {}, 'Details'),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Health status'),
      h('dd', {}, figure('healthStatus', r.healthStatus, HEALTH_STATUS_LABEL[r.healthStatus], { class: `status-text status-${r.healthStatus}` })),
      h('dt', {}, 'First seen'),
      h('dd', {}, figure('firstSeen', r.firstSeen, formatTime(r.firstSeen))),
      h('dt', {}, 'Unhandled session rate'),
      h(
        'dd',
        {},
        figure('unhandledSessionRate', r.unhandledSessionRate, formatPercent(r.unhandledSessionRate)),
        // Beside "Unhandled 0" in the status table, the rate would look wrong without this.
        h('span', { class: 'muted' }, ' (unhandled and crashed sessions: a crash is an unhandled error, as Sentry counts it)'),
      ),
      h('dt', {}, 'Unhandled user rate'),
      h('dd', {}, figure('unhandledUserRate', r.unhandledUserRate, formatPercent(r.unhandledUserRate)), h('span', { class: 'muted' }, ' (users with an unhandled or crashed session)')),
      h('dt', {}, 'Session duration p50 / p90'),
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
    { class: 'anomalies', role: 'note', 'aria-label': 'Anomalies' },
    h('h2', {}, 'Notes on this data'),
    h('ul', {}, r.anomalies.map((note) => h('li', { 'data-anomaly': '' }, note))),
  );
}
