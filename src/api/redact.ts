// Keeps secrets out of everything the client lets go of: messages, log lines, exceptions.

const SECRET_PARAM = /token|auth|key|secret|password|signature|sig$/i;

/** Replaces every occurrence of the secret (and of its Bearer form) with [redacted]. */
export function redact(text: string, secret: string | null | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('[redacted]');
}

/** Path and query for a log line: query values of secret-looking names are dropped. */
export function loggablePath(url: URL): string {
  const kept = new URLSearchParams();
  for (const [k, v] of url.searchParams) kept.append(k, SECRET_PARAM.test(k) ? '[redacted]' : v);
  const q = kept.toString();
  return q ? `${url.pathname}?${q}` : url.pathname;
}

/** A short, printable excerpt of a server's answer for a message (the token removed). */
export function excerpt(body: string, secret: string, max = 120): string {
  const flat = redact(body, secret).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
