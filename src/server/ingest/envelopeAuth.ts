// The DSN public key of an ingest request, where relay looks for it: the X-Sentry-Auth (or
// Authorization: Sentry ...) header, the `sentry_key` query parameter, or the envelope header's
// `dsn` (browser tunnels).

export function keyFromAuthHeader(header: string | undefined): string | null {
  if (!header) return null;
  const text = header.trim();
  if (!/^sentry\s/i.test(text)) return null;
  for (const part of text.slice(6).split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === 'sentry_key') return part.slice(eq + 1).trim() || null;
  }
  return null;
}

export function keyFromDsn(dsn: unknown): string | null {
  if (typeof dsn !== 'string') return null;
  try {
    return new URL(dsn).username || null;
  } catch {
    return null;
  }
}
