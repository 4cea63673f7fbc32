// The chart's text alternative: every bucket and its value in a table, folded under a summary so
// that it costs no room until asked for (keyboard and screen reader users get the values without
// hovering the canvas).
import type { TimeSeries } from './chartData';
import { seriesLabel } from './chartData';
import { formatCount } from '../present/numbers';
import { h, type VElement } from './vnode';
import { t } from '../present/localize';

function bucketLabel(ts: number, bucket: 'hour' | 'day'): string {
  const iso = new Date(ts * 1000).toISOString();
  return bucket === 'day' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function renderSeriesTable(s: TimeSeries): VElement {
  return h(
    'details',
    { class: 'series-table' },
    h('summary', {}, t('Chart values as a table')),
    h(
      'table',
      { 'data-chart-table': 'series' },
      h('caption', { class: 'muted' }, seriesLabel(s)),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, s.bucket === 'day' ? t('Day (UTC)') : t('Hour starting')), h('th', { scope: 'col', class: 'num' }, s.stat === 'users' ? t('Users') : t('Sessions')))),
      h('tbody', {}, s.xs.map((x, i) => h('tr', {}, h('th', { scope: 'row' }, bucketLabel(x, s.bucket)), h('td', { class: 'num', 'data-value': String(s.ys[i]) }, formatCount(s.ys[i]))))),
    ),
  );
}
