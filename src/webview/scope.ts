// The scope: where the figures come from and which windows they cover.
import { environmentsText, periodWords } from '../present/periods';
import { formatTime } from '../present/time';
import type { PanelScope } from './protocol';
import { h, type VElement } from './vnode';

export function renderScope(scope: PanelScope): VElement {
  return h(
    'section',
    { class: 'scope', 'aria-label': 'Scope' },
    h('h2', {}, 'Scope'),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Source'),
      h('dd', { 'data-scope': 'source' }, scope.sourceLabel),
      scope.organization !== null ? [h('dt', {}, 'Organization'), h('dd', { 'data-scope': 'organization' }, scope.organization)] : null,
      h('dt', {}, 'Project'),
      h('dd', { 'data-scope': 'project' }, scope.project),
      h('dt', {}, scope.environments.length > 1 ? 'Environments' : 'Environment'),
      h('dd', { 'data-scope': 'environments' }, environmentsText(scope.environments)),
      h('dt', {}, 'Summary period'),
      h('dd', { 'data-scope': 'summaryPeriod', 'data-value': scope.summaryPeriod }, `${scope.summaryPeriod} (${periodWords(scope.summaryPeriod)})`),
      h('dt', {}, 'Health stats period'),
      h('dd', { 'data-scope': 'healthPeriod', 'data-value': scope.healthPeriod }, `${scope.healthPeriod} (${periodWords(scope.healthPeriod)}), ${scope.stat}`),
      h('dt', {}, 'Last updated'),
      h('dd', { 'data-scope': 'updatedAt', 'data-value': scope.updatedAt ?? 'null' }, formatTime(scope.updatedAt)),
    ),
  );
}
