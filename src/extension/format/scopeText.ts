// The scope in words, for every extension surface (tree, tooltips, status bar): which period and
// environments the figures cover, and whether they are stale. The panel spells the same words
// (src/webview/scope.ts); issue 12's src/present/ is to hold both.
import type { StatsPeriod } from '../../health/types';
import type { SourceScope, StoreState } from '../store/storeTypes';

const PERIOD_WORDS: Readonly<Record<StatsPeriod, string>> = {
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

function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Last 24 hours · production": what every figure covers. */
export function scopeSummary(scope: { summaryPeriod: StatsPeriod; environments: readonly string[] }): string {
  return `${capitalized(periodWords(scope.summaryPeriod))} · ${environmentsText(scope.environments)}`;
}

/** One line per fact, for tooltips. */
export function scopeFacts(scope: SourceScope): string[] {
  return [
    `Figures: ${periodWords(scope.summaryPeriod)}`,
    `Chart: ${periodWords(scope.healthPeriod)}`,
    `Environments: ${environmentsText(scope.environments)}`,
    `Source: ${scope.label}`,
  ];
}

/** "2026-11-26 14:05 UTC": unambiguous and the same on every machine. */
export function formatUtcTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Figures kept from an earlier load because the latest one failed (file gone, server down). */
export interface Staleness {
  /** ISO time the kept figures were fetched. */
  since: string;
  reason: string;
}

export function stalenessOf(state: StoreState): Staleness | null {
  if (state.status !== 'error' || state.previous === null) return null;
  return { since: state.previous.updatedAt, reason: state.error.message };
}

/** "Not updated: figures of 2026-11-26 14:05 UTC". */
export function staleText(stale: Staleness): string {
  return `Not updated: figures of ${formatUtcTime(stale.since)}`;
}
