// The whole panel as a pure function of the model: the header, then either an empty state or
// the figures. main.ts mounts the result and attaches the chart to its placeholder.
//
// What end-to-end tests may rely on:
// - `[data-release]` on the title element (the release, exactly);
// - `[data-figure="<ReleaseHealth field>"]` on each shown figure, each name at most once, with
//   `data-value` = the raw value as JSON ("null" for none); repeated showings use `data-copy-of`;
// - `[data-no-health-data]` when the release has none; `[data-scope="..."]` on the scope values;
// - `body[data-state]`: 'ready' once the host's current figures are rendered, otherwise
//   'loading' | 'error' | 'unconfigured' | 'missing' (release not in the data) | 'cached'
//   (painted from saved state, not yet confirmed by the host).
import type { ReleaseHealth } from '../health/types';
import { actionButton, externalLink } from './actions';
import { timeSeriesOf, seriesLabel, seriesSummary } from './chartData';
import { renderSeriesTable } from './seriesTable';
import { renderComparison } from './comparison';
import { healthStatusLabel, noHealthDataLabel } from '../present/healthStatus';
import { renderAnomalies, renderDetails } from './details';
import { renderHeadline } from './headline';
import type { PanelModel } from './protocol';
import { periodWords } from '../present/periods';
import { scopeSummary, staleText } from '../present/scopeText';
import { renderScope } from './scope';
import { renderReleaseRecord } from './releaseRecord';
import { renderStatusSummary } from './statusBar';
import { h, type VElement, type VNode } from './vnode';
import { t } from '../present/localize';

/** What `document.body.dataset.state` says once a model is rendered (end-to-end tests wait on it). */
export type RenderedState = 'loading' | 'ready' | 'error' | 'unconfigured' | 'missing';

export function renderedStateOf(model: PanelModel): RenderedState {
  if (model.phase === 'ready' && model.health === null) return 'missing';
  return model.phase;
}

function header(model: PanelModel): VElement {
  const r = model.health;
  const badge = r && r.hasHealthData ? h('span', { class: `badge status-${r.healthStatus}`, 'data-health-status': r.healthStatus }, healthStatusLabel(r.healthStatus)) : null;
  const subtitle = [model.key.project, model.scope?.sourceLabel].filter((s): s is string => !!s).join(' · ');
  return h(
    'header',
    { class: 'panel-header' },
    h('div', { class: 'title-row' }, h('h1', { class: 'release-title', 'data-release': model.key.release }, model.key.release), badge),
    h('p', { class: 'subtitle' }, subtitle),
    // The period and environments of every figure below, where the eye starts.
    model.scope ? h('p', { class: 'scope-line', 'data-scope': 'header' }, scopeSummary(model.scope)) : null,
    h(
      'div',
      { class: 'toolbar' },
      actionButton('refresh', t('Refresh'), { class: 'secondary', disabled: model.phase === 'loading' }),
      model.links.openInSentry ? externalLink(model.links.openInSentry, t('Open in Sentry'), { class: 'secondary' }) : null,
      r && r.hasHealthData ? actionButton('compare-with', t('Compare with…'), { class: 'secondary', title: r.previousRelease ? t('Compare with another release ({0}, the previous one, first)', r.previousRelease) : t('Compare with another release') }) : null,
      model.phase === 'loading' && r ? h('span', { class: 'muted', role: 'status' }, t('Refreshing…')) : null,
    ),
  );
}

function errorBanner(model: PanelModel): VElement | null {
  if (model.error === null) return null;
  // The tree's scope row and the status bar say the same words.
  const stale = model.health && model.scope?.updatedAt ? ` ${staleText({ since: model.scope.updatedAt })}.` : '';
  return h(
    'div',
    { class: 'banner error', role: 'alert' },
    h('span', {}, `${model.error.message}${stale}`),
    actionButton('run-fix', model.error.fixTitle, { class: 'secondary' }),
  );
}

function emptyState(model: PanelModel): VElement {
  switch (model.phase) {
    case 'loading':
      return h('p', { class: 'empty', role: 'status' }, t('Loading release health…'));
    case 'unconfigured':
      return h('p', { class: 'empty' }, t('Release Health has no source yet. Connect to Sentry or explore demo data from the Release Health view.'));
    case 'error':
      return h('p', { class: 'empty' }, t('No figures to show until the data loads.'));
    case 'ready':
      return h('p', { class: 'empty' }, model.scope
        ? t('Release {0} of {1} is not in the current data ({2}).', model.key.release, model.key.project, model.scope.sourceLabel)
        : t('Release {0} of {1} is not in the current data.', model.key.release, model.key.project));
  }
}

function chartSection(r: ReleaseHealth, model: PanelModel): VElement | null {
  if (!model.scope) return null;
  const s = timeSeriesOf(r, model.scope.healthPeriod, model.scope.stat);
  if (!s) return null;
  const title = `${seriesLabel(s)}, ${periodWords(s.period)}`;
  return h(
    'section',
    { class: 'series', 'aria-labelledby': 'series-title' },
    h('h2', { id: 'series-title' }, title),
    h('div', { class: 'chart', 'data-chart': 'series', role: 'img', 'aria-label': t('Chart: {0}', seriesSummary(s)) }),
    h('p', { class: 'muted chart-caption' }, seriesSummary(s)),
    renderSeriesTable(s),
  );
}

function figures(r: ReleaseHealth, model: PanelModel): VNode[] {
  if (!r.hasHealthData) {
    return [
      h('div', { class: 'no-data', 'data-no-health-data': '' }, h('p', { class: 'no-data-title' }, noHealthDataLabel()), h('p', { class: 'muted' }, t('No sessions of {0} were recorded in {1} in the last 90 days, so there are no figures to show.', r.release, r.project))),
    ];
  }
  return [
    renderHeadline(r, model.scope ? scopeSummary(model.scope) : null),
    renderAnomalies(r),
    renderStatusSummary(r),
    chartSection(r, model),
    renderComparison(r, model.links),
    renderDetails(r),
  ].filter((n): n is VElement => n !== null);
}

export function renderPanel(model: PanelModel): VElement {
  return h(
    'main',
    { class: 'panel', 'data-phase': model.phase },
    header(model),
    errorBanner(model),
    model.health ? figures(model.health, model) : emptyState(model),
    renderReleaseRecord(model.record, model.workspace),
    model.scope ? renderScope(model.scope) : null,
  );
}
