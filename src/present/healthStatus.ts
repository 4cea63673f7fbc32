// The words for a release's health status. The enum values (`insufficient-data`) are data, for
// JSON and `data-*` attributes; a person reads one of these.
import type { HealthStatus, Thresholds } from '../health/types';
import { formatCount } from './numbers';

/** As a label or badge: "Insufficient data". */
export const HEALTH_STATUS_LABEL: Readonly<Record<HealthStatus, string>> = {
  healthy: 'Healthy',
  warning: 'Warning',
  critical: 'Critical',
  'insufficient-data': 'Insufficient data',
};

/** Inside a sentence or a table cell: "insufficient data". */
export function healthStatusWord(status: HealthStatus): string {
  return HEALTH_STATUS_LABEL[status].toLowerCase();
}

/** For screen readers (accessibility labels): "health: insufficient data". */
export function healthStatusAccessible(status: HealthStatus): string {
  return `health: ${healthStatusWord(status)}`;
}

/** The label with the rule that put the release there: "Warning (crash-free sessions below the 99.5% target)". */
export function healthStatusText(status: HealthStatus, t: Thresholds): string {
  switch (status) {
    case 'healthy':
      return `Healthy (crash-free sessions at or above ${t.target}%)`;
    case 'warning':
      return `Warning (crash-free sessions below the ${t.target}% target)`;
    case 'critical':
      return `Critical (crash-free sessions below ${t.critical}%)`;
    case 'insufficient-data':
      return `Insufficient data (fewer than ${formatCount(t.minimumSessions)} sessions)`;
  }
}

/** A release without sessions in the last 90 days (Sentry's `hasHealthData: false`). */
export const NO_HEALTH_DATA = 'No health data (90 days)';
export const NO_HEALTH_DATA_WORDS = 'no health data (90 days)';
