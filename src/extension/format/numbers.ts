// Number formats shared by the tree, tooltips, quick picks and the status bar. Percentages have
// two decimals, as the CLI prints them, so the same data reads the same everywhere.
import type { Interval } from '../../health/types';

export const DASH = '—';

export function formatPercent(v: number | null): string {
  return v === null ? DASH : `${v.toFixed(2)}%`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatInterval(i: Interval | null): string {
  return i === null ? DASH : `${i[0].toFixed(2)}–${i[1].toFixed(2)}%`;
}

/** Percentage points, signed (a true minus sign for negatives). */
export function formatDelta(d: number | null): string {
  if (d === null) return DASH;
  const abs = Math.abs(d).toFixed(2);
  if (abs === '0.00') return '±0.00 pp';
  return `${d > 0 ? '+' : '−'}${abs} pp`;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return DASH;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

/** "12 sessions · 4 users". */
export function sessionsAndUsers(sessions: number, users: number): string {
  return `${formatCount(sessions)} ${sessions === 1 ? 'session' : 'sessions'} · ${formatCount(users)} ${users === 1 ? 'user' : 'users'}`;
}

export function share(part: number, total: number): string {
  return total > 0 ? formatPercent((part / total) * 100) : DASH;
}
