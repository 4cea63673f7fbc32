// The local server's answer to a release page URL (/organizations/{org}/releases/{version}/), where
// the extension's "Open in Sentry" goes. Real Sentry serves its web app there; this server has
// none, so it says so in a plain HTML page (instead of a JSON 404) and points at what it does
// serve. It reveals nothing a token guards: no figures, not even whether the release exists.
import type { ServerResponse } from 'http';

export const RELEASE_PAGE_ROUTE = /^\/organizations\/([^/]+)\/releases\/([^/]+)\/?$/;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function releasePageHtml(org: string, version: string, knownOrg: boolean): string {
  const o = escapeHtml(org);
  const v = escapeHtml(version);
  const body = knownOrg
    ? `<p>This is Release Health's local Sentry-style server. It serves Sentry's API, not Sentry's web app, so there is no release page to show here.</p>
<p>The figures of <strong>${v}</strong> are in VS Code: the <em>Release Health</em> view and the release's panel show them from this server's API.</p>
<p>Through the API (with the server's token as <code>Authorization: Bearer …</code>):</p>
<ul>
<li><code>/api/0/organizations/${o}/releases/?query=${escapeHtml(encodeURIComponent(version))}</code></li>
<li><code>/api/0/organizations/${o}/sessions/?query=release:&quot;${v}&quot;&amp;field=sum(session)&amp;groupBy=session.status&amp;statsPeriod=24h</code></li>
</ul>`
    : `<p>This server has no organization <strong>${o}</strong>.</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${v} · ${o} · Release Health local server</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}code{background:#f2f2f2;padding:0 .2em;overflow-wrap:anywhere}@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#ddd}code{background:#333}}</style>
</head><body>
<h1>${v}</h1>
<p>Organization ${o}</p>
${body}
</body></html>
`;
}

/** Answers a release page URL; the caller has matched RELEASE_PAGE_ROUTE. */
export function sendReleasePage(res: ServerResponse, match: RegExpExecArray, org: { slug: string; id: string }, method: string): void {
  const slug = safeDecode(match[1]);
  const known = slug === org.slug || slug === org.id;
  const html = releasePageHtml(slug, safeDecode(match[2]), known);
  res.writeHead(known ? 200 : 404, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(method === 'HEAD' ? undefined : html);
}
