// The compact text agent tools return beside their JSON: one line per release, the figures a
// person (or a model) asks about first. Names from SDKs are quoted so a hostile release name
// cannot pose as part of the sentence.
import type { HealthStatus, Interval, ReleaseHealth } from '../health/types';

export function quoted(name: string): string {
  return JSON.stringify(name);
}

function fixed2(v: number): string {
  return (Math.round(v * 100) / 100).toFixed(2);
}

export function percent(v: number | null): string {
  return v === null || !Number.isFinite(v) ? 'n/a' : `${fixed2(v)}%`;
}

export function interval(v: Interval | null): string {
  return v === null ? 'n/a' : `${fixed2(v[0])}–${fixed2(v[1])}%`;
}

export function points(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return 'n/a';
  const s = fixed2(Math.abs(v));
  return s === '0.00' ? '±0.00 pp' : `${v > 0 ? '+' : '−'}${s} pp`;
}

export function count(n: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);
}

const STATUS_WORDS: Record<HealthStatus, string> = {
  healthy: 'healthy',
  warning: 'warning',
  critical: 'critical',
  'insufficient-data': 'insufficient data',
};

export function healthWord(status: HealthStatus): string {
  return STATUS_WORDS[status];
}

/** `web "2.3.0": warning; crash-free sessions 99.12% (95% CI 98.90–99.30%), …`. */
export function releaseLine(r: ReleaseHealth): string {
  const name = `${quoted(r.project)} ${quoted(r.release)}`;
  if (!r.hasHealthData) return `${name}: no health data in the last 90 days.`;
  const parts = [
    `crash-free sessions ${percent(r.crashFreeSessions)} (95% CI ${interval(r.crashFreeSessionsInterval)})`,
    `crash-free users ${percent(r.crashFreeUsers)} (95% CI ${interval(r.crashFreeUsersInterval)})`,
    `${count(r.totalSessions)} sessions (${count(r.sessionsErrored)} errored, ${count(r.sessionsCrashed)} crashed, ${count(r.sessionsAbnormal)} abnormal)`,
    `${count(r.totalUsers)} users`,
    `adoption ${percent(r.adoption)}`,
  ];
  if (r.previousRelease !== null) {
    parts.push(`vs previous ${quoted(r.previousRelease)} ${points(r.crashFreeSessionsDelta)}${r.regression ? ' (regression)' : ''}`);
  }
  return `${name}: ${healthWord(r.healthStatus)}; ${parts.join('; ')}.`;
}
