// The words for a release's health status. The enum values (`insufficient-data`) are data, for
// JSON and `data-*` attributes; a person reads one of these.
import type { HealthStatus, Thresholds } from '../health/types';
import { t } from './localize';
import { formatCount } from './numbers';

/** As a label or badge: "Insufficient data". */
export function healthStatusLabel(status: HealthStatus): string {
  switch (status) {
    case 'healthy':
      return t('Healthy');
    case 'warning':
      return t('Warning');
    case 'critical':
      return t('Critical');
    case 'insufficient-data':
      return t('Insufficient data');
  }
}

/** Inside a sentence or a table cell: "insufficient data". */
export function healthStatusWord(status: HealthStatus): string {
  switch (status) {
    case 'healthy':
      return t('healthy');
    case 'warning':
      return t('warning');
    case 'critical':
      return t('critical');
    case 'insufficient-data':
      return t('insufficient data');
  }
}

/** For screen readers (accessibility labels): "health: insufficient data". */
export function healthStatusAccessible(status: HealthStatus): string {
  return t('health: {0}', healthStatusWord(status));
}

/** The label with the rule that put the release there: "Warning (crash-free sessions below the 99.5% target)". */
export function healthStatusText(status: HealthStatus, limits: Thresholds): string {
  switch (status) {
    case 'healthy':
      return t('Healthy (crash-free sessions at or above {0}%)', limits.target);
    case 'warning':
      return t('Warning (crash-free sessions below the {0}% target)', limits.target);
    case 'critical':
      return t('Critical (crash-free sessions below {0}%)', limits.critical);
    case 'insufficient-data':
      return t('Insufficient data (fewer than {0} sessions)', formatCount(limits.minimumSessions));
  }
}

/** A release without sessions in the last 90 days (Sentry's `hasHealthData: false`), as a title. */
export function noHealthDataLabel(): string {
  return t('No health data (90 days)');
}

/** The same inside a sentence or a table cell. */
export function noHealthDataWords(): string {
  return t('no health data (90 days)');
}
