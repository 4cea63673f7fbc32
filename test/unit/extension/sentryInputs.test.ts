import { strict as assert } from 'assert';
import { parseConnectArgument, stepForErrorKind } from '../../../src/extension/commands/connectArgument';
import { releaseKeyFromArgument } from '../../../src/extension/commands/releaseArgument';
import { releasePickItems } from '../../../src/extension/commands/releasePickItems';
import { requestLogLine, scrub } from '../../../src/extension/log';
import { describeApiError } from '../../../src/extension/sentry/apiErrorMessages';
import { readableProjects } from '../../../src/extension/sentry/projectAccess';
import { sentryReleaseUrl } from '../../../src/present/sentryLinks';
import { validateBaseUrl, validateOrganization } from '../../../src/extension/sentry/sentryUrls';
import { cacheKeyOf } from '../../../src/extension/store/cacheKey';
import { readSettings } from '../../../src/extension/settings';
import { release, snapshot } from './releaseFixtures';

describe('extension/sentry: URLs', () => {
  it('validates the base URL the user types', () => {
    assert.equal(validateBaseUrl('https://sentry.io'), null);
    assert.equal(validateBaseUrl('http://127.0.0.1:9000/sentry'), null);
    assert.match(validateBaseUrl('')!, /Enter/);
    assert.match(validateBaseUrl('sentry.io')!, /Not a URL/);
    assert.match(validateBaseUrl('ftp://sentry.io')!, /http/);
    assert.match(validateBaseUrl('https://u:p@sentry.io')!, /credentials/);
    assert.match(validateBaseUrl('https://sentry.io/?x=1')!, /base URL only/);
  });

  it('validates organization slugs', () => {
    assert.equal(validateOrganization('acme-corp_1'), null);
    assert.ok(validateOrganization(''));
    assert.ok(validateOrganization('acme corp'));
  });

  it('links to the release page on the configured host, version encoded, scoped to the project', () => {
    assert.equal(
      sentryReleaseUrl('https://sentry.example.com/', 'acme', 'web@1.2.3+build/7', '42'),
      'https://sentry.example.com/organizations/acme/releases/web%401.2.3%2Bbuild%2F7/?project=42',
    );
    assert.equal(sentryReleaseUrl('https://sentry.io', 'acme', 'v1'), 'https://sentry.io/organizations/acme/releases/v1/');
  });
});

describe('extension/sentry: what to tell the user', () => {
  const ctx = { url: 'https://sentry.io', organization: 'acme' };
  const err = (kind: string, message = 'detail') => Object.assign(new Error(message), { kind });

  it('bad token, missing scope, unknown organization, unreachable host: the client\'s own line, or a fallback', () => {
    const apiLine = 'sentry.io rejected the auth token (401) for GET /api/0/organizations/acme/: it is invalid, expired or revoked.';
    assert.equal(describeApiError(err('auth', apiLine), ctx).message, apiLine);
    assert.match(describeApiError(err('auth', ''), ctx).message, /rejected the auth token/);
    assert.match(describeApiError(err('permission', ''), ctx).message, /lacks a scope/);
    assert.match(describeApiError(err('not-found', ''), ctx).message, /Unknown organization 'acme'/);
    assert.match(describeApiError(err('network', ''), ctx).message, /Cannot reach sentry\.io/);
    assert.equal(describeApiError(new Error('socket hang up'), ctx).message, 'Sentry request failed: socket hang up');
  });

  it('each with the action that fixes it', () => {
    assert.equal(describeApiError(err('auth'), ctx).fixCommand, 'releaseHealth.connect');
    assert.equal(describeApiError(err('network'), ctx).fixCommand, 'releaseHealth.openSettings');
    assert.equal(describeApiError(err('rate-limited'), ctx).fixCommand, 'releaseHealth.refresh');
    assert.equal(describeApiError(new Error('odd'), ctx).fixCommand, 'releaseHealth.refresh');
  });

  it('sends the user back to the input that is wrong', () => {
    assert.equal(stepForErrorKind('network'), 'url');
    assert.equal(stepForErrorKind('not-found'), 'organization');
    assert.equal(stepForErrorKind('auth'), 'token');
    assert.equal(stepForErrorKind('permission'), 'token');
  });
});

describe('extension/sentry: Sentry as it is (issue 9)', () => {
  const ctx = { url: 'https://sentry.io', organization: 'acme' };
  it('refuses an organization token at once, saying which token to use', () => {
    const parsed = parseConnectArgument({ url: 'https://sentry.io', organization: 'acme', token: 'sntrys_abc' });
    assert.ok(parsed && !parsed.ok);
    assert.match(parsed.message, /organization token \(sntrys_…\).*org:ci.*personal token \(User Settings › Personal Tokens/);
    assert.ok(parseConnectArgument({ url: 'https://sentry.io', organization: 'acme', token: 'sntryu_abc' })?.ok);
  });

  it('an unknown environment offers Select Environment, not Connect', () => {
    const e = Object.assign(new Error("Environment 'bogus' does not exist in organization 'acme' on sentry.io (404 for GET /api/0/organizations/acme/sessions/)."), { kind: 'unknown-environment' });
    const d = describeApiError(e, ctx);
    assert.equal(d.fixCommand, 'releaseHealth.selectEnvironment');
    assert.match(d.message, /Environment 'bogus'/);
  });

  it('a selected project without access offers Select Projects', () => {
    const e = Object.assign(new Error("The auth token's user has no access to project 'secret'."), { kind: 'project-access' });
    assert.equal(describeApiError(e, ctx).fixCommand, 'releaseHealth.selectProjects');
  });

  it('leaves projects without access out of the pick', () => {
    const listed = [{ id: '1', slug: 'app', name: 'App', hasAccess: true }, { id: '2', slug: 'secret', name: 'Secret', hasAccess: false }, { id: '3', slug: 'old', name: 'Old' }];
    assert.deepEqual(readableProjects(listed).map((p) => p.slug), ['app', 'old']);
  });
});

describe('extension/commands: arguments', () => {
  it('connect: an argument object skips the prompts but is checked', () => {
    assert.equal(parseConnectArgument(undefined), null);
    assert.equal(parseConnectArgument({}), null);
    assert.deepEqual(parseConnectArgument({ url: 'http://127.0.0.1:9000/', organization: 'acme', token: ' t ', projects: ['web'] }), {
      ok: true, value: { url: 'http://127.0.0.1:9000', organization: 'acme', token: 't', projects: ['web'] },
    });
    assert.deepEqual(parseConnectArgument({ organization: 'acme', token: 't' }), { ok: true, value: { url: 'https://sentry.io', organization: 'acme', token: 't' } });
    assert.equal(parseConnectArgument({ url: 'nope', organization: 'acme', token: 't' })?.ok, false);
    assert.equal(parseConnectArgument({ url: 'https://sentry.io', organization: 'acme' })?.ok, false);
    assert.equal(parseConnectArgument({ url: 'https://sentry.io', organization: 'acme', token: 't', projects: 'web' })?.ok, false);
  });

  it('release commands take a tree node, a key, or project/release for the shown source', () => {
    const key = { source: 'demo' as const, project: 'app', release: 'app@1' };
    assert.deepEqual(releaseKeyFromArgument(key, 'sentry'), key);
    assert.deepEqual(releaseKeyFromArgument({ kind: 'release', id: 'x', key }, null), key);
    assert.deepEqual(releaseKeyFromArgument({ project: 'app', release: 'app@1' }, 'demo'), key);
    assert.equal(releaseKeyFromArgument(undefined, 'demo'), null);
    assert.equal(releaseKeyFromArgument({ kind: 'figure' }, 'demo'), null);
  });

  it('the release quick pick: releases with data, figures in description and detail, icon syntax escaped', () => {
    const items = releasePickItems(
      snapshot([
        release({ release: '$(bug) v2', firstSeen: '2026-11-25T00:00:00Z' }),
        release({ release: 'v1' }),
        release({ release: 'v0', hasHealthData: false }),
      ]),
    );
    assert.deepEqual(items.map((i) => i.label), ['\\$(bug) v2', 'v1']);
    assert.equal(items[1].description, '99.70% crash-free · healthy');
    assert.match(items[1].detail, /^app · 1,000 sessions · 40 errored sessions · 200 users · 99\.00% crash-free users · adoption 66\.67%$/);
    assert.deepEqual(items[1].key, { source: 'demo', project: 'app', release: 'v1' });
  });
});

describe('extension/log and cache keys', () => {
  it('a request line: method, path, status, milliseconds; credentials scrubbed', () => {
    assert.equal(requestLogLine({ method: 'GET', path: '/api/0/organizations/acme/', status: 200, ms: 12.4 }), 'GET /api/0/organizations/acme/ 200 12 ms');
    assert.equal(scrub('/x/?token=abc&per_page=1&auth=zz'), '/x/?token=***&per_page=1&auth=***');
  });

  it('cache keys differ by data settings, not by thresholds or project order', () => {
    const key = (v: Record<string, unknown>) => cacheKeyOf(readSettings({ get: <T>(k: string) => v[k] as T }));
    const base = { source: 'sentry', 'sentry.organization': 'acme', 'sentry.projects': ['a', 'b'] };
    assert.equal(key(base), key({ ...base, 'sentry.projects': ['b', 'a'], 'thresholds.target': 90 }));
    assert.notEqual(key(base), key({ ...base, summaryPeriod: '7d' }));
    assert.notEqual(key(base), key({ ...base, environments: ['production'] }));
    assert.notEqual(key({ source: 'demo' }), key({ source: 'file' }));
  });
});
