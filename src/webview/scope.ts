// The scope: where the figures come from and which windows they cover.
import type { StatsPeriod } from '../health/types';
import { formatTime } from './format';
import type { PanelScope } from './protocol';
import { h, type VElement } from './vnode';

const PERIOD_WORDS: Record<string, string> = {
  '1h': 'last hour',
  '24h': 'last 24 hours',
  '1d': 'last day',
  '48h': 'last 48 hours',
  '2d': 'last 2 days',
  '7d': 'last 7 days',
  '14d': 'last 14 days',
  '30d': 'last 30 days',
  '90d': 'last 90 days',
};

export function periodWords(p: StatsPeriod): string {
  return PERIOD_WORDS[p] ?? p;
}

export function environmentsText(envs: readonly string[]): string {
  return envs.length === 0 ? 'All environments' : envs.join(', ');
}

/** "Last 24 hours · production": what the headline figures cover (the tree's scope row says the same). */
export function scopeSummary(scope: Pick<PanelScope, 'summaryPeriod' | 'environments'>): string {
  const period = periodWords(scope.summaryPeriod);
  return `${period.charAt(0).toUpperCase()}${period.slice(1)} · ${environmentsText(scope.environments)}`;
}

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
