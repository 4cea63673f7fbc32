// "Open in Sentry" against the local server: the link the extension builds reaches a page that
// says what this server is, instead of a JSON 404; it needs no token and shows no figures.
import { strict as assert } from 'assert';
import { sentryReleaseUrl } from '../../../src/present/sentryLinks';
import type { RunningServer } from '../../../src/server/server';
import { testServer } from './helpers';

describe('server: the release page "Open in Sentry" opens', () => {
  let server: RunningServer;
  before(async () => {
    server = await testServer({ demo: { sessions: 500 } });
  });
  after(() => server.close());

  it("answers the extension's release link with an HTML page, without a token", async () => {
    const res = await fetch(sentryReleaseUrl(server.url, server.org, 'mobile-app@2.4.1', '1')!);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const html = await res.text();
    assert.match(html, /<h1>mobile-app@2\.4\.1<\/h1>/);
    assert.match(html, /serves Sentry's API, not Sentry's web app/);
    assert.doesNotMatch(html, /crash-free|\d+\.\d+%/i, 'no figures without a token');
  });

  it('escapes a hostile release name and says when the organization is unknown', async () => {
    const hostile = '<img src=x onerror=alert(1)>"\'';
    const html = await (await fetch(sentryReleaseUrl(server.url, server.org, hostile)!)).text();
    assert.ok(!html.includes('<img'), 'no markup from the name');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;'));
    const other = await fetch(sentryReleaseUrl(server.url, 'someone-else', 'v1')!);
    assert.equal(other.status, 404);
    assert.match(await other.text(), /no organization <strong>someone-else<\/strong>/);
  });

  it('the API keeps its JSON answers and its token', async () => {
    const res = await fetch(`${server.url}/api/0/organizations/${server.org}/releases/`);
    assert.equal(res.status, 401);
    assert.match(res.headers.get('content-type') ?? '', /json/);
  });
});
