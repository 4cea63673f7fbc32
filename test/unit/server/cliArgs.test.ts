// The release-health-server command line.
import { strict as assert } from 'assert';
import { parseCliArgs, UsageError } from '../../../src/server/cliArgs';

describe('server/cli arguments', () => {
  it('reads every flag', () => {
    const o = parseCliArgs([
      '--port', '0', '--host', '127.0.0.1', '--data', '/tmp/x', '--org', 'acme', '--project', 'web=2', '--project', 'app=7',
      '--key', 'k', '--token', 't', '--import', 'f.ndjson', '--demo', '--latency-ms', '25', '--rate-limit', '40',
      '--max-auto-projects', '5',
    ])!;
    assert.deepEqual(o, {
      port: 0, host: '127.0.0.1', dataDir: '/tmp/x', org: 'acme', projects: [{ slug: 'web', id: 2 }, { slug: 'app', id: 7 }],
      dsnKey: 'k', token: 't', importFile: 'f.ndjson', demo: true, latencyMs: 25, rateLimit: 40, maxAutoProjects: 5,
    });
  });

  it('returns null for --help and refuses bad values', () => {
    assert.equal(parseCliArgs(['--help']), null);
    assert.throws(() => parseCliArgs(['--project', 'web']), UsageError);
    assert.throws(() => parseCliArgs(['--project', 'a=1', '--project', 'b=1']), UsageError);
    assert.throws(() => parseCliArgs(['--port', 'x']), UsageError);
    assert.throws(() => parseCliArgs(['--rate-limit', '0']), UsageError);
    assert.throws(() => parseCliArgs(['--what']), UsageError);
  });
});
