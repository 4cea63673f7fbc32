// `release-health overview --url`: same output as --file, token from the environment, errors
// on one line with exit code 2 and never the token.
import { strict as assert } from 'assert';
import { main } from '../../../src/cli/main';
import { startFake, type FakeServer } from './helpers/fakeServer';
import { sentrySim } from './helpers/sentrySim';

const TOKEN = 'sntryu_cli_token_abcdef123456';
const NOW = Date.parse('2026-11-26T12:30:00Z') / 1000;
const NOW_ISO = '2026-11-26T12:30:00Z';

async function cli(env: Record<string, string>, ...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), env });
  return { code, out, err };
}

describe('cli: overview --url', () => {
  let server: FakeServer;
  before(async () => {
    server = await startFake(
      sentrySim({
        token: TOKEN,
        projects: [{ id: '11', slug: 'app' }, { id: '12', slug: 'web' }],
        releases: [
          { version: 'app@1.0', dateCreated: '2026-11-01T00:00:00Z', projects: ['app'] },
          { version: 'app@1.1', dateCreated: '2026-11-20T00:00:00Z', projects: ['app'] },
          { version: 'web@2.0', dateCreated: '2026-11-21T00:00:00Z', projects: ['web'] },
        ],
        records: [
          { project: 'app', release: 'app@1.0', t: NOW - 5 * 3600, init: 200, crashed: 10, erroredAll: 12, users: 50, usersCrashed: 5, usersErrored: 6 },
          { project: 'app', release: 'app@1.1', t: NOW - 2 * 3600, init: 400, crashed: 1, erroredAll: 3, users: 90, usersCrashed: 1, usersErrored: 2 },
          { project: 'web', release: 'web@2.0', t: NOW - 3600, init: 30, users: 9 },
        ],
      }),
    );
  });
  after(() => server.close());

  it('prints the same document as --file, with nothing skipped', async () => {
    const { code, out, err } = await cli({ SENTRY_AUTH_TOKEN: TOKEN }, 'overview', '--url', `${server.url}/`, '--org', 'acme', '--project', 'app', '--now', NOW_ISO);
    assert.equal(code, 0, err);
    const doc = JSON.parse(out);
    assert.deepEqual(Object.keys(doc), ['now', 'summaryPeriod', 'healthPeriod', 'stat', 'releases', 'skipped']);
    assert.deepEqual(doc.skipped, { count: 0, samples: [] });
    assert.deepEqual(doc.releases.map((r: { release: string }) => r.release), ['app@1.1', 'app@1.0']);
    const r = doc.releases[0];
    assert.equal(r.totalSessions, 400);
    assert.equal(r.crashFreeSessions, 99.75);
    assert.equal(r.previousRelease, 'app@1.0');
    assert.equal(r.healthStatus, 'healthy');
  });

  it('takes several --project, --token-env, --format table and --fail-under', async () => {
    const { code, out, err } = await cli(
      { MY_TOKEN: TOKEN },
      'overview', '--url', server.url, '--org', 'acme', '--project', 'app', '--project', 'web', '--token-env', 'MY_TOKEN',
      '--now', NOW_ISO, '--format', 'table', '--fail-under', 'crash-free-sessions=99',
    );
    assert.equal(code, 1);
    assert.match(out, /app\s+app@1\.0\s+critical\s+200\s+95\.00%/);
    assert.match(out, /web\s+web@2\.0/);
    assert.match(err, /gate failed: app app@1\.0: crash-free-sessions 95\.00 < 99/);
  });

  it('without a token: exit 2 and a clear line', async () => {
    const { code, err } = await cli({}, 'overview', '--url', server.url, '--org', 'acme');
    assert.equal(code, 2);
    assert.equal(err, 'release-health: no Sentry auth token: set SENTRY_AUTH_TOKEN to a token with the org:read and project:read scopes (or name another variable with --token-env)\n');
  });

  it('API errors: exit 2, one line, never the token', async () => {
    const wrong = `${TOKEN}_revoked`;
    const { code, err } = await cli({ SENTRY_AUTH_TOKEN: wrong }, 'overview', '--url', server.url, '--org', 'acme', '--now', NOW_ISO);
    assert.equal(code, 2);
    assert.match(err, /^release-health: 127\.0\.0\.1:\d+ rejected the auth token \(401\)/);
    assert.equal(err.split('\n').length, 2);
    assert.ok(!err.includes(wrong) && !err.includes(TOKEN));

    const nf = await cli({ SENTRY_AUTH_TOKEN: TOKEN }, 'overview', '--url', server.url, '--org', 'nope', '--now', NOW_ISO);
    assert.equal(nf.code, 2);
    assert.match(nf.err, /Organization 'nope' was not found/);

    const np = await cli({ SENTRY_AUTH_TOKEN: TOKEN }, 'overview', '--url', server.url, '--org', 'acme', '--project', 'ghost', '--now', NOW_ISO);
    assert.equal(np.code, 2);
    assert.match(np.err, /Project 'ghost' not found in organization 'acme'/);
  });
});
