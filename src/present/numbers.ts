// How every surface (tree, tooltips, status bar, quick picks, panel, CLI table, agent tools)
// spells numbers. A fixed en-US locale keeps the same figure identical everywhere, whatever
// language VS Code or the terminal runs in. Rates have two decimals, as Sentry's release pages.
import type { Interval } from '../health/types';
import { t } from './localize';

/** The one mark for a figure without a value (a rate whose denominator is 0, an unknown time). */
export const NO_VALUE = '—';

// Made on first use: building a NumberFormat loads ICU's locale data (12-17 ms), which a CLI
// run printing JSON, or an extension host before its first label, would pay for nothing.
let countFormat: Intl.NumberFormat | undefined;

function finite(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** "1,234". */
export function formatCount(v: number | null): string {
  return finite(v) ? (countFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })).format(Math.round(v)) : NO_VALUE;
}

/**
 * "1 session", "1,234 sessions": the phrase for exactly 1 or the other one, given the formatted
 * count; each is a whole `t('{0} session', c)` so a translation can put the count anywhere.
 */
export function countOf(n: number, one: (count: string) => string, other: (count: string) => string): string {
  return Math.round(n) === 1 ? one(formatCount(n)) : other(formatCount(n));
}

export function sessionsCount(n: number): string {
  return countOf(n, (c) => t('{0} session', c), (c) => t('{0} sessions', c));
}

export function usersCount(n: number): string {
  return countOf(n, (c) => t('{0} user', c), (c) => t('{0} users', c));
}

/** "12 sessions · 4 users". */
export function sessionsAndUsers(sessions: number, users: number): string {
  return `${sessionsCount(sessions)} · ${usersCount(users)}`;
}

/** "99.73%". */
export function formatPercent(v: number | null): string {
  return finite(v) ? `${fixed2(v)}%` : NO_VALUE;
}

/** "99.61–99.82%". */
export function formatInterval(v: Interval | null): string {
  return v !== null && finite(v[0]) && finite(v[1]) ? `${fixed2(v[0])}–${fixed2(v[1])}%` : NO_VALUE;
}

/** Percentage points with an explicit sign: "+0.12 pp", "−1.50 pp" (a true minus), "±0.00 pp". */
export function formatDelta(v: number | null): string {
  if (!finite(v)) return NO_VALUE;
  const s = fixed2(Math.abs(v));
  if (s === '0.00') return '±0.00 pp';
  return `${v > 0 ? '+' : '−'}${s} pp`;
}

/** Share of a total as a percentage (0–100); null when the total is 0. */
export function share(part: number, total: number): number | null {
  return total > 0 ? (part / total) * 100 : null;
}

/** The share spelled as a percentage: "4.00%", or the no-value mark for an empty total. */
export function formatShare(part: number, total: number): string {
  return formatPercent(share(part, total));
}

/** Seconds as "850 ms", "42.0 s", "3m 05s", "1h 02m". */
export function formatDuration(seconds: number | null): string {
  if (!finite(seconds)) return NO_VALUE;
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 59.95) return `${seconds.toFixed(1)} s`;
  // Units stay en-US like the numbers: "3m 05s" reads the same on every surface and in the CLI.
  const total = Math.round(seconds);
  if (total < 3600) return `${Math.floor(total / 60)}m ${String(total % 60).padStart(2, '0')}s`;
  return `${Math.floor(total / 3600)}h ${String(Math.floor((total % 3600) / 60)).padStart(2, '0')}m`;
}

/** toFixed(2) without "-0.00". */
function fixed2(v: number): string {
  const s = v.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}
