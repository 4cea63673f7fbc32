// Time text as Sentry writes and reads it: `YYYY-MM-DDTHH:MM:SSZ` out, parse_datetime_string in.

/** Unix seconds -> `2024-01-29T07:30:00Z` (whole seconds, as isoformat_z). */
export function isoZ(seconds: number): string {
  return new Date(Math.floor(seconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Sentry's `parse_datetime_string`: ISO-8601 date or date-time; a value without a zone is UTC.
 * Returns Unix seconds (fractions kept) or null.
 */
export function parseDateTime(text: string): number | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  if (m[4] === undefined && zone !== undefined) return null;
  // Not Date.UTC: it reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(+y, +mo - 1, +d);
  date.setUTCHours(+h, +mi, +s, 0);
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  // Invalid fields (Feb 30) roll over: reject those.
  const check = new Date(ms);
  if (check.getUTCFullYear() !== +y || check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) return null;
  let seconds = ms / 1000 + (frac ? Number(`0.${frac}`) : 0);
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    seconds -= sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
  }
  return seconds;
}
