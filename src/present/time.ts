// Times as people read them: an unambiguous UTC time, and how long ago it was. Raw ISO strings
// never reach a label or a tooltip.
import { NO_VALUE } from './numbers';

function parse(iso: string | null): number | null {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** "2026-11-26 14:05 UTC": the same on every machine. */
export function formatTime(iso: string | null): string {
  const t = parse(iso);
  return t === null ? NO_VALUE : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "just now", "5 min ago", "2 h ago", "1 day ago", "12 days ago"; "in 3 min" for a future time. */
export function formatAge(iso: string | null, nowMs: number): string {
  const t = parse(iso);
  if (t === null) return NO_VALUE;
  const ms = nowMs - t;
  const future = ms < 0;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return 'just now';
  let span: string;
  if (minutes < 60) span = `${minutes} min`;
  else if (minutes < 48 * 60) span = `${Math.floor(minutes / 60)} h`;
  else {
    const days = Math.floor(minutes / (24 * 60));
    span = `${days} ${days === 1 ? 'day' : 'days'}`;
  }
  return future ? `in ${span}` : `${span} ago`;
}

/** "2 h ago (2026-11-30 14:00 UTC)". */
export function formatTimeWithAge(iso: string | null, nowMs: number): string {
  return parse(iso) === null ? NO_VALUE : `${formatAge(iso, nowMs)} (${formatTime(iso)})`;
}
