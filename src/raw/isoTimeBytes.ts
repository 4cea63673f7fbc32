// Reads the one time form SDKs send, `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.mmmZ`, straight
// from bytes, giving the same number as the reference `parseTime` (Date.parse(...) / 1000).
// Anything else (zones, other fractions, lower case, dates past the month's end, years outside 1970-2199)
// answers NaN and the caller asks `parseTime` itself, so the two can never disagree.

function digit(buf: Uint8Array, i: number): number {
  const d = buf[i] - 0x30;
  return d >= 0 && d <= 9 ? d : -1000;
}

function two(buf: Uint8Array, i: number): number {
  return digit(buf, i) * 10 + digit(buf, i + 1);
}

const FIRST_YEAR = 1970;
const LAST_YEAR = 2199;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// Tables instead of divisions (this runs for every line): the day number of each month's first
// day for the years SDKs send, and each month's length.
const MONTH_START = new Int32Array((LAST_YEAR - FIRST_YEAR + 1) * 12);
const MONTH_DAYS = new Uint8Array((LAST_YEAR - FIRST_YEAR + 1) * 12);
for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
  for (let m = 1; m <= 12; m++) {
    const i = (y - FIRST_YEAR) * 12 + m - 1;
    MONTH_START[i] = daysFromCivil(y, m, 1);
    MONTH_DAYS[i] = m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  }
}

/** Unix seconds of the canonical UTC form in buf[start, end), or NaN when it is not exactly that form. */
export function isoSecondsFromBytes(buf: Uint8Array, start: number, end: number): number {
  const len = end - start;
  if (len !== 20 && len !== 24) return NaN;
  const b = start;
  if (buf[b + 4] !== 0x2d || buf[b + 7] !== 0x2d || buf[b + 10] !== 0x54 || buf[b + 13] !== 0x3a || buf[b + 16] !== 0x3a) return NaN;
  let ms = 0;
  if (len === 20) {
    if (buf[b + 19] !== 0x5a) return NaN;
  } else {
    if (buf[b + 19] !== 0x2e || buf[b + 23] !== 0x5a) return NaN;
    ms = digit(buf, b + 20) * 100 + digit(buf, b + 21) * 10 + digit(buf, b + 22);
    if (ms < 0) return NaN;
  }
  const year = two(buf, b) * 100 + two(buf, b + 2);
  const month = two(buf, b + 5);
  const day = two(buf, b + 8);
  const hour = two(buf, b + 11);
  const minute = two(buf, b + 14);
  const second = two(buf, b + 17);
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  const i = (year - FIRST_YEAR) * 12 + month - 1;
  if (day > MONTH_DAYS[i]) return NaN;
  const days = MONTH_START[i] + day - 1;
  // The same integer milliseconds Date.parse gives, divided the same way.
  return (days * 86400000 + hour * 3600000 + minute * 60000 + second * 1000 + ms) / 1000;
}
