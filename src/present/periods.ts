// Stats periods in words ("24h" → "last 24 hours"): the panel's scope line, the chart's
// summary, tooltips, the period quick pick and the settings' enumDescriptions.
import type { StatsPeriod } from '../health/types';
import { t } from './localize';

export function periodWords(p: StatsPeriod): string {
  switch (p) {
    case '1h':
      return t('last hour');
    case '24h':
      return t('last 24 hours');
    case '1d':
      return t('last day');
    case '48h':
      return t('last 48 hours');
    case '2d':
      return t('last 2 days');
    case '7d':
      return t('last 7 days');
    case '14d':
      return t('last 14 days');
    case '30d':
      return t('last 30 days');
    case '90d':
      return t('last 90 days');
    default:
      return p;
  }
}

/** The same, as the start of a line: "Last 24 hours". */
export function periodTitle(p: StatsPeriod): string {
  switch (p) {
    case '1h':
      return t('Last hour');
    case '24h':
      return t('Last 24 hours');
    case '1d':
      return t('Last day');
    case '48h':
      return t('Last 48 hours');
    case '2d':
      return t('Last 2 days');
    case '7d':
      return t('Last 7 days');
    case '14d':
      return t('Last 14 days');
    case '30d':
      return t('Last 30 days');
    case '90d':
      return t('Last 90 days');
    default:
      return p;
  }
}

export function environmentsText(envs: readonly string[]): string {
  return envs.length === 0 ? t('All environments') : envs.join(', ');
}
