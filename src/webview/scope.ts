// The scope: where the figures come from and which windows they cover.
import { environmentsText, periodWords } from '../present/periods';
import { formatTime } from '../present/time';
import type { PanelScope } from './protocol';
import { h, type VElement } from './vnode';
import { t } from '../present/localize';

export function renderScope(scope: PanelScope): VElement {
  return h(
    'section',
    { class: 'scope', 'aria-label': t('Scope') },
    h('h2', {}, t('Scope')),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('Source')),
      h('dd', { 'data-scope': 'source' }, scope.sourceLabel),
      scope.organization !== null ? [h('dt', {}, t('Organization')), h('dd', { 'data-scope': 'organization' }, scope.organization)] : null,
      h('dt', {}, t('Project')),
      h('dd', { 'data-scope': 'project' }, scope.project),
      h('dt', {}, scope.environments.length > 1 ? t('Environments') : t('Environment')),
      h('dd', { 'data-scope': 'environments' }, environmentsText(scope.environments)),
      h('dt', {}, t('Summary period')),
      h('dd', { 'data-scope': 'summaryPeriod', 'data-value': scope.summaryPeriod }, `${scope.summaryPeriod} (${periodWords(scope.summaryPeriod)})`),
      h('dt', {}, t('Health stats period')),
      h('dd', { 'data-scope': 'healthPeriod', 'data-value': scope.healthPeriod }, `${scope.healthPeriod} (${periodWords(scope.healthPeriod)}), ${scope.stat === 'users' ? t('users') : t('sessions')}`),
      h('dt', {}, t('Last updated')),
      h('dd', { 'data-scope': 'updatedAt', 'data-value': scope.updatedAt ?? 'null' }, formatTime(scope.updatedAt)),
    ),
  );
}
