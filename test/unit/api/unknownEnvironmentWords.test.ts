// Found by QA against an independent Sentry-style server whose project listing carries no
// `environments` field: a 404 for ['staging', 'prod-typo'] said both "do not exist", although
// 'staging' does. Without a listing to tell them apart, the message may not accuse any one name.
import { strict as assert } from 'assert';
import { fetchApiOverview, type ApiSourceConfig } from '../../../src/api/fetchApiOverview';
import { SentryApiError } from '../../../src/api/errors';
import { forgetRegions } from '../../../src/api/region';
import { DEFAULT_THRESHOLDS } from '../../../src/health/types';
import { json, startFake, type FakeServer } from './helpers/fakeServer';

const TOKEN = 'sntryu_test_token';
let server: FakeServer;

function serveProjects(projects: Array<Record<string, unknown>>): void {
  server.handler = (_req, res, url) => {
    if (url.pathname.endsWith('/projects/')) return json(res, 200, projects);
    if (url.pathname.endsWith('/sessions/') || url.pathname.endsWith('/releases/')) return json(res, 404, { detail: 'The requested resource does not exist' });
    return json(res, 200, { id: '1', slug: 'acme', name: 'Acme' });
  };
}

async function errorFor(environments: string[]): Promise<SentryApiError> {
  const cfg: ApiSourceConfig = { baseUrl: server.url, organization: 'acme', timeoutMs: 2000, retry: { maxRetries: 0, baseDelayMs: 5, maxDelayMs: 20, maxRateLimitWaitMs: 100 } };
  try {
    await fetchApiOverview({ ...cfg, environments }, TOKEN, { now: Date.parse('2026-11-30T12:00:00Z') / 1000, summaryPeriod: '24h', healthPeriod: '24h', stat: 'sessions', thresholds: DEFAULT_THRESHOLDS, environments });
  } catch (err) {
    assert.ok(err instanceof SentryApiError, String(err));
    return err;
  }
  return assert.fail('expected an error');
}

describe('api: an unknown environment, named only when the projects say which', () => {
  before(async () => {
    server = await startFake(() => undefined);
  });
  after(async () => {
    await server.close();
  });
  beforeEach(() => forgetRegions());

  it('does not claim that every requested environment is missing when no project lists its environments', async () => {
    serveProjects([{ id: '1', slug: 'web', name: 'web', hasAccess: true }]);
    const err = await errorFor(['staging', 'prod-typo']);
    assert.equal(err.kind, 'unknown-environment');
    assert.doesNotMatch(err.message, /Environments 'staging', 'prod-typo' do not exist/);
    assert.match(err.message, /One of the environments 'staging', 'prod-typo' does not exist/);
  });

  it('names the missing one when the projects list their environments', async () => {
    serveProjects([{ id: '1', slug: 'web', name: 'web', hasAccess: true, environments: ['staging'] }]);
    const err = await errorFor(['staging', 'prod-typo']);
    assert.match(err.message, /Environment 'prod-typo' does not exist/);
  });
});
