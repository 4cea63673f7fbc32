import type { HealthStatus, Thresholds } from '../../health/types';
import { formatCount } from './numbers';

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

/** The status in words, as a screen reader announces it (never the raw enum value). */
export function healthStatusWord(status: HealthStatus): string {
  switch (status) {
    case 'healthy':
      return 'healthy';
    case 'warning':
      return 'warning';
    case 'critical':
      return 'critical';
    case 'insufficient-data':
      return 'insufficient data';
  }
}
