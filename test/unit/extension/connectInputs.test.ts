// Connect to Sentry…: what the base URL box accepts (an organization's page URL gives the base URL
// and the organization), and which token the token box offers (a token belongs to its host).
import { strict as assert } from 'assert';
import { tokenToOffer } from '../../../src/extension/commands/tokenOffer';
import { parseBaseUrlInput, sameHost, validateBaseUrl } from '../../../src/extension/sentry/sentryUrls';

describe('extension/commands: Connect, the base URL box', () => {
  const cases: Array<[string, string, string | null]> = [
    ['https://sentry.io', 'https://sentry.io', null],
    ['https://sentry.io/', 'https://sentry.io', null],
    ['https://de.sentry.io', 'https://de.sentry.io', null],
    ['http://127.0.0.1:9000/sentry/', 'http://127.0.0.1:9000/sentry', null],
    ['https://sentry.io/organizations/acme/issues/?project=1&statsPeriod=24h', 'https://sentry.io', 'acme'],
    ['https://de.sentry.io/organizations/acme-eu/releases/web%401.2.3/', 'https://de.sentry.io', 'acme-eu'],
    ['https://sentry.example.com/prefix/organizations/acme/', 'https://sentry.example.com/prefix', 'acme'],
    ['http://127.0.0.1:9000/organizations/sentry', 'http://127.0.0.1:9000', 'sentry'],
    ['https://acme.sentry.io/issues/?project=4', 'https://acme.sentry.io', 'acme'],
    ['https://Acme.sentry.io/', 'https://acme.sentry.io', 'acme'],
  ];
  for (const [typed, baseUrl, organization] of cases) {
    it(`${typed} → ${baseUrl}${organization ? ` + organization ${organization}` : ''}`, () => {
      assert.equal(validateBaseUrl(typed), null);
      assert.deepEqual(parseBaseUrlInput(typed), { baseUrl, organization });
    });
  }

  it('still refuses a query or fragment on a URL that names no organization', () => {
    assert.match(validateBaseUrl('https://sentry.io/?x=1')!, /base URL only/);
    assert.match(validateBaseUrl('https://sentry.io/issues/#x')!, /base URL only/);
  });

  it('compares hosts by scheme, host and port', () => {
    assert.ok(sameHost('https://sentry.io', 'https://sentry.io/'));
    assert.ok(!sameHost('https://sentry.io', 'https://de.sentry.io'));
    assert.ok(!sameHost('http://127.0.0.1:9000', 'http://127.0.0.1:9001'));
    assert.ok(!sameHost('http://sentry.io', 'https://sentry.io'));
    assert.ok(!sameHost('not a url', 'not a url'));
  });
});

describe('extension/commands: Connect, the token box', () => {
  const saved = new Map([
    ['https://sentry.io|acme', 'token-for-sentry-io'],
    ['http://127.0.0.1:9000|sentry', 'token-for-local'],
  ]);
  const lookup = async (url: string, org: string) => saved.get(`${url}|${org}`);

  it('offers the token saved for exactly this URL and organization', async () => {
    assert.deepEqual(await tokenToOffer(null, 'https://sentry.io', 'acme', lookup), { token: 'token-for-sentry-io', url: 'https://sentry.io' });
  });

  it('never offers a token saved for another host after step 1 changed the URL', async () => {
    // The flow opened with sentry.io's token; the user then changed the URL in step 1.
    const first = await tokenToOffer(null, 'https://sentry.io', 'acme', lookup);
    assert.deepEqual(await tokenToOffer(first, 'https://sentry.example.com', 'acme', lookup), { token: '', url: 'https://sentry.example.com' });
    assert.deepEqual(await tokenToOffer(first, 'http://127.0.0.1:9000', 'sentry', lookup), { token: 'token-for-local', url: 'http://127.0.0.1:9000' });
  });

  it('keeps a token typed in this flow while the host stays the same, and drops it when the host changes', async () => {
    const typed = { token: 'typed-token', url: 'https://sentry.io' };
    assert.deepEqual(await tokenToOffer(typed, 'https://sentry.io', 'other-org', lookup), { token: 'typed-token', url: 'https://sentry.io' });
    assert.deepEqual(await tokenToOffer(typed, 'https://de.sentry.io', 'acme', lookup), { token: '', url: 'https://de.sentry.io' });
  });
});
