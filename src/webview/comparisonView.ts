// The comparison view as a pure function of its model: the verdict in words, both releases'
// figures side by side, each difference with its 95 % interval drawn as an interval on a scale
// around zero, the equal-age toggle, and the two series aligned by age (main.ts attaches the
// chart to its placeholder). Every value is a text node.
//
// What end-to-end tests may rely on: `[data-comparison-verdict]` (the sessions verdict, value
// in `data-verdict`), `[data-comparison-row="<figure>"]` with `data-difference`,
// `data-interval-low`/`-high` (raw JSON), `[data-action="toggle-equal-age"][aria-pressed]`,
// `[data-chart="age-series"]`, and body[data-state] as for the release panel.
import type { ReleaseHealth } from '../health/types';
import { actionButton } from './actions';
import { formatCount, formatPercent } from '../present/numbers';
import { formatTime } from '../present/time';
import { rawValue } from './figure';
import type { ComparisonRowModel, ComparisonViewModel } from './protocol';
import { renderScope } from './scope';
import { h, withStyle, type VElement } from './vnode';
import { t } from '../present/localize';

/** Where a value sits on the interval scale, in percent of its width. */
function position(value: number, span: number): string {
  return `${(((value + span) / (2 * span)) * 100).toFixed(3)}%`;
}

/** The scale's half-width: the largest magnitude shown, with room, never below 0.5 pp. */
export function intervalSpan(rows: ComparisonRowModel[]): number {
  const values = rows.flatMap((r) => [r.difference ?? 0, ...(r.differenceInterval ?? [])]).map(Math.abs);
  return Math.max(0.5, ...values) * 1.15;
}

function intervalDrawing(row: ComparisonRowModel, span: number): VElement {
  const label = row.differenceInterval ? t('Difference {0}', row.differenceText) : t('No difference to draw');
  const parts: VElement[] = [h('span', { class: 'interval-zero', 'aria-hidden': 'true' })];
  if (row.differenceInterval && row.difference !== null) {
    const [low, high] = row.differenceInterval;
    parts.push(
      withStyle(h('span', { class: `interval-range verdict-${row.verdict}`, 'aria-hidden': 'true' }), { left: position(low, span), width: `${(((high - low) / (2 * span)) * 100).toFixed(3)}%` }),
      withStyle(h('span', { class: `interval-point verdict-${row.verdict}`, 'aria-hidden': 'true' }), { left: position(row.difference, span) }),
    );
  }
  return h('div', { class: 'interval', role: 'img', 'aria-label': label }, ...parts);
}

function row(r: ComparisonRowModel, span: number): VElement {
  return h(
    'tr',
    {
      'data-comparison-row': r.figure,
      'data-difference': rawValue(r.difference),
      'data-interval-low': rawValue(r.differenceInterval?.[0] ?? null),
      'data-interval-high': rawValue(r.differenceInterval?.[1] ?? null),
      'data-p-value': rawValue(r.pValue),
      'data-verdict': r.verdict,
    },
    h('th', { scope: 'row' }, r.label),
    h('td', { class: 'num' }, formatPercent(r.base)),
    h('td', { class: 'num' }, formatPercent(r.candidate)),
    h('td', {}, h('div', { class: 'difference-text' }, r.differenceText), intervalDrawing(r, span)),
    h('td', { class: 'num' }, r.pValueText),
    h('td', {}, h('span', { class: `verdict-word verdict-${r.verdict}` }, r.verdictWords)),
  );
}

function countsRow(label: string, b: ReleaseHealth, c: ReleaseHealth, get: (r: ReleaseHealth) => number): VElement {
  return h('tr', {}, h('th', { scope: 'row' }, label), h('td', { class: 'num' }, formatCount(get(b))), h('td', { class: 'num' }, formatCount(get(c))), h('td', {}), h('td', {}), h('td', {}));
}

function windowText(w: [string, string] | null): string {
  return w ? `${formatTime(w[0])} – ${formatTime(w[1])}` : t('no session in the last 90 days');
}

function toggle(model: ComparisonViewModel): VElement {
  const label = model.equalAge && model.ageHours !== null ? t("Equal age: each release's first {0} h", model.ageHours) : t('Equal age');
  return actionButton('toggle-equal-age', label, {
    class: model.equalAge ? 'toggle on' : 'toggle secondary',
    'aria-pressed': model.equalAge ? 'true' : 'false',
    title: t('Measure both releases over the same number of hours since their first session'),
    'data-equal-age': model.equalAge ? 'on' : 'off',
    disabled: model.phase === 'unconfigured',
  });
}

function emptyText(model: ComparisonViewModel): string {
  switch (model.phase) {
    case 'loading':
      return model.equalAge ? t('Measuring both releases over their first {0} hours…', model.ageHours ?? '') : t('Loading release health…');
    case 'unconfigured':
      return t('Release Health has no source yet.');
    case 'error':
      return t('No comparison to show until the data loads.');
    case 'ready': {
      const missing = [model.baseHealth ? null : model.key.base, model.candidateHealth ? null : model.key.candidate].filter((v): v is string => v !== null);
      return missing.length > 1
        ? t('{0} and {1} are not in the current data of {2}.', missing[0], missing[1], model.key.project)
        : t('{0} is not in the current data of {1}.', missing[0] ?? '', model.key.project);
    }
  }
}

export function renderComparisonView(model: ComparisonViewModel): VElement {
  const { key } = model;
  const b = model.baseHealth;
  const c = model.candidateHealth;
  const sessions = model.rows.find((r) => r.figure === 'crashFreeSessions');
  const span = intervalSpan(model.rows);
  const body: Array<VElement | null> = [];
  if (b && c && sessions) {
    body.push(
      h('p', { class: `verdict-sentence verdict-${sessions.verdict}`, 'data-comparison-verdict': '', 'data-verdict': sessions.verdict, role: 'status' }, sessions.sentence),
      h(
        'table',
        { class: 'comparison-table' },
        h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', { class: 'num', 'data-side': 'base' }, t('{0} (base)', key.base)), h('th', { class: 'num', 'data-side': 'candidate' }, `${key.candidate}`), h('th', {}, t('Difference, 95 % CI')), h('th', { class: 'num' }, t('p-value')), h('th', {}, t('Verdict')))),
        h('tbody', {}, ...model.rows.map((r) => row(r, span)), countsRow(t('Sessions'), b, c, (r) => r.totalSessions), countsRow(t('Users'), b, c, (r) => r.totalUsers), countsRow(t('Crashed sessions'), b, c, (r) => r.sessionsCrashed)),
      ),
      h('p', { class: 'muted' }, t('Scale of the intervals: ±{0} pp around no difference. Fewer than {1} sessions (or users) on either side: not enough data.', span.toFixed(2), formatCount(model.minimumSessions))),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, t('{0} measured over', key.base)),
        h('dd', { 'data-window': 'base' }, windowText(model.windows.base)),
        h('dt', {}, t('{0} measured over', key.candidate)),
        h('dd', { 'data-window': 'candidate' }, windowText(model.windows.candidate)),
      ),
    );
    if (model.series) {
      const users = model.series.stat === 'users';
      const title = users ? t("Users by age (hours since each release's first session)") : t("Sessions by age (hours since each release's first session)");
      const chartName = users
        ? t('Users per {0} h of {1} and {2}, aligned by age', model.series.bucketHours, key.base, key.candidate)
        : t('Sessions per {0} h of {1} and {2}, aligned by age', model.series.bucketHours, key.base, key.candidate);
      body.push(
        h(
          'section',
          { class: 'series' },
          h('h2', {}, title),
          h('div', { class: 'chart', 'data-chart': 'age-series', role: 'img', 'aria-label': chartName }),
        ),
      );
    }
  } else {
    body.push(h('p', { class: 'empty', role: 'status' }, emptyText(model)));
  }
  return h(
    'main',
    { class: 'panel comparison-view', 'data-phase': model.phase },
    h(
      'header',
      { class: 'panel-header' },
      h('div', { class: 'title-row' }, h('h1', { class: 'release-title', 'data-release': key.candidate }, t('{0} compared with {1}', key.candidate, key.base))),
      h('p', { class: 'subtitle' }, [key.project, model.scope?.sourceLabel].filter((s): s is string => !!s).join(' · ')),
      h('div', { class: 'toolbar' }, toggle(model), actionButton('refresh', t('Refresh'), { class: 'secondary', disabled: model.phase === 'loading' })),
    ),
    model.error ? h('div', { class: 'banner error', role: 'alert' }, h('span', {}, model.error)) : null,
    ...body,
    model.scope ? renderScope(model.scope) : null,
  );
}
