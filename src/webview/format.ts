// How the panel spells numbers. A fixed locale keeps the panel's figures identical to what tests
// and the CLI expect, whatever language VS Code runs in.
import type { Interval } from '../health/types';

/** Shown for every figure that has no value (a rate whose denominator is 0). */
export const NO_VALUE = '—';

const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(v: number | null): string {
  return v === null || !Number.isFinite(v) ? NO_VALUE : countFormat.format(v);
}

/** Two decimals, as Sentry's release pages and the CLI show rates: "99.73%". */
export function formatPercent(v: number | null): string {
  return v === null || !Number.isFinite(v) ? NO_VALUE : `${fixed2(v)}%`;
}

/** "99.61–99.82%"; the interval of a rate whose denominator is 0 has no value. */
export function formatInterval(v: Interval | null): string {
  return v === null ? NO_VALUE : `${fixed2(v[0])}–${fixed2(v[1])}%`;
}

/** Percentage points with an explicit sign: "+0.12 pp", "−1.50 pp". */
export function formatDelta(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return NO_VALUE;
  const s = fixed2(Math.abs(v));
  if (s === '0.00') return '±0.00 pp';
  return `${v > 0 ? '+' : '−'}${s} pp`;
}

/** Share of a total as a percentage; null when the total is 0. */
export function share(part: number, total: number): number | null {
  return total > 0 ? (part / total) * 100 : null;
}

/** Seconds as "850 ms", "42.0 s", "3m 05s", "1h 02m". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return NO_VALUE;
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const total = Math.round(seconds);
  if (total < 3600) return `${Math.floor(total / 60)}m ${String(total % 60).padStart(2, '0')}s`;
  return `${Math.floor(total / 3600)}h ${String(Math.floor((total % 3600) / 60)).padStart(2, '0')}m`;
}

/** An ISO time as "2026-11-26 14:05 UTC": unambiguous, and the same on every machine. */
export function formatTime(iso: string | null): string {
  if (iso === null) return NO_VALUE;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return NO_VALUE;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The raw value for `data-value`: full-precision JSON, "null" for no value. */
export function rawValue(v: unknown): string {
  return v === undefined ? 'null' : JSON.stringify(v);
}

/** toFixed(2) without "-0.00". */
function fixed2(v: number): string {
  const s = v.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}
