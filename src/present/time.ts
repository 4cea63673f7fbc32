// Times as people read them: an unambiguous UTC time, and how long ago it was. Raw ISO strings
// never reach a label or a tooltip.
import { t } from './localize';
import { NO_VALUE } from './numbers';

function parse(iso: string | null): number | null {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** "2026-11-26 14:05 UTC": the same on every machine. */
export function formatTime(iso: string | null): string {
  const at = parse(iso);
  return at === null ? NO_VALUE : `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "just now", "5 min ago", "2 h ago", "1 day ago", "12 days ago"; "in 3 min" for a future time. */
export function formatAge(iso: string | null, nowMs: number): string {
  const at = parse(iso);
  if (at === null) return NO_VALUE;
  const ms = nowMs - at;
  const future = ms < 0;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return t('just now');
  if (minutes < 60) return future ? t('in {0} min', minutes) : t('{0} min ago', minutes);
  const hours = Math.floor(minutes / 60);
  if (minutes < 48 * 60) return future ? t('in {0} h', hours) : t('{0} h ago', hours);
  const days = Math.floor(minutes / (24 * 60));
  if (days === 1) return future ? t('in 1 day') : t('1 day ago');
  return future ? t('in {0} days', days) : t('{0} days ago', days);
}

/** "2 h ago (2026-11-30 14:00 UTC)". */
export function formatTimeWithAge(iso: string | null, nowMs: number): string {
  return parse(iso) === null ? NO_VALUE : `${formatAge(iso, nowMs)} (${formatTime(iso)})`;
}
