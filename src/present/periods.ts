// Stats periods in words ("24h" → "last 24 hours"): the panel's scope line, the chart's
// summary, tooltips, the period quick pick and the settings' enumDescriptions.
import type { StatsPeriod } from '../health/types';

export const PERIOD_WORDS: Readonly<Record<StatsPeriod, string>> = {
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
