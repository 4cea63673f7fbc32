// The scope in words, for every surface (tree, tooltips, status bar, panel): which period and
// environments the figures cover, and the words for figures kept from an earlier load.
import type { StatsPeriod } from '../health/types';
import { t } from './localize';
import { environmentsText, periodTitle, periodWords } from './periods';
import { formatTime } from './time';

/** "Last 24 hours · production": what every figure covers. */
export function scopeSummary(scope: { summaryPeriod: StatsPeriod; environments: readonly string[] }): string {
  return `${periodTitle(scope.summaryPeriod)} · ${environmentsText(scope.environments)}`;
}

/** One line per fact, for tooltips. */
export function scopeFacts(scope: { summaryPeriod: StatsPeriod; healthPeriod: StatsPeriod; environments: readonly string[]; label: string }): string[] {
  return [
    t('Figures: {0}', periodWords(scope.summaryPeriod)),
    t('Chart: {0}', periodWords(scope.healthPeriod)),
    t('Environments: {0}', environmentsText(scope.environments)),
    t('Source: {0}', scope.label),
  ];
}

/** Figures kept from an earlier load because the latest one failed (file gone, server down). */
export interface Staleness {
  /** ISO time the kept figures were fetched. */
  since: string;
  reason: string;
}

/** "Not updated: figures of 2026-11-26 14:05 UTC": the tree, the panel and the status bar say this. */
export function staleText(stale: Pick<Staleness, 'since'>): string {
  return t('Not updated: figures of {0}', formatTime(stale.since));
}
