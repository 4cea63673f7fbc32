// Python's text forms that leak into Sentry's error messages and Link headers: str(timedelta),
// repr(str) and urllib's quote_plus. Reproduced so messages and links match byte for byte.

/** `str(timedelta(seconds=s))` for s >= 0: `1:00:00`, `1 day, 0:00:00`, `90 days, 0:00:00`. */
export function pyTimedelta(totalSeconds: number): string {
  const days = Math.floor(totalSeconds / 86400);
  const secs = totalSeconds - days * 86400;
  const whole = Math.floor(secs);
  const micro = Math.round((secs - whole) * 1e6);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  let out = `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  if (micro > 0) out += `.${String(micro).padStart(6, '0')}`;
  if (days !== 0) out = `${days} day${days === 1 ? '' : 's'}, ${out}`;
  return out;
}

/** `repr(s)` for a str: single quotes unless the text has a single quote and no double quote. */
export function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of text) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}

const UNRESERVED = /[A-Za-z0-9_.\-~]/;

/** `urllib.parse.quote_plus(s)` (safe=''): what Django's QueryDict.urlencode() writes. */
export function pyQuotePlus(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (byte < 0x80 && UNRESERVED.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `urllib.parse.quote(path)` with the default safe '/'. */
export function pyQuotePath(path: string): string {
  let out = '';
  for (const byte of Buffer.from(path, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (byte < 0x80 && (UNRESERVED.test(ch) || ch === '/')) out += ch;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
