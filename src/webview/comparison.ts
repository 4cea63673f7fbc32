// The comparison with the previous release of the same project: which one, the change in
// crash-free sessions in percentage points, and whether that is a regression (intervals apart).
import type { ReleaseHealth } from '../health/types';
import { actionButton, externalLink } from './actions';
import { figure } from './figure';
import { formatDelta } from '../present/numbers';
import type { PanelLinks } from './protocol';
import { h, type VElement, type VNode } from './vnode';
import { t } from '../present/localize';

function deltaClass(d: number | null): string {
  if (d === null || Math.abs(d) < 0.005) return 'delta';
  return d > 0 ? 'delta delta-up' : 'delta delta-down';
}

function previousRelease(r: ReleaseHealth, links: PanelLinks): VNode[] {
  if (r.previousRelease === null) {
    return [figure('previousRelease', null, t('None: no earlier release of {0} has health data', r.project), { class: 'muted' })];
  }
  // The name opens that release's own panel; the host checks it is this model's previous release.
  const out: VNode[] = [
    actionButton('open-release', r.previousRelease, {
      class: 'link',
      title: t('Show its release health'),
      'data-release-target': r.previousRelease,
      'data-figure': 'previousRelease',
      'data-value': JSON.stringify(r.previousRelease),
    }),
  ];
  if (links.previousReleaseInSentry) out.push(' · ', externalLink(links.previousReleaseInSentry, t('Open in Sentry')));
  return out;
}

export function renderComparison(r: ReleaseHealth, links: PanelLinks): VElement {
  return h(
    'section',
    { class: 'comparison' },
    h('h2', {}, t('Compared with the previous release')),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('Previous release')),
      h('dd', {}, previousRelease(r, links)),
      h('dt', {}, t('Crash-free sessions change')),
      h('dd', {}, figure('crashFreeSessionsDelta', r.crashFreeSessionsDelta, formatDelta(r.crashFreeSessionsDelta), { class: deltaClass(r.crashFreeSessionsDelta) })),
      h('dt', {}, t('Regression')),
      h(
        'dd',
        {},
        r.regression
          ? figure('regression', true, `▼ ${t('Yes: the crash-free interval lies entirely below the previous release’s')}`, { class: 'regression' })
          : figure('regression', false, r.previousRelease === null ? t('No') : t('No: the crash-free intervals overlap or one is unknown'), { class: 'muted' }),
      ),
    ),
  );
}
