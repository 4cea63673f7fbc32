// The product's promise, end to end: the same raw sessions give the same release health whether
// the CLI reads them from a file (the raw pipeline) or from this server's API (Sentry's
// ingestion and sessions endpoint, re-implemented here).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main as cli } from '../../../src/cli/main';
import { generateDemoNdjson } from '../../../src/demo/demoDataset';
import type { RunningServer } from '../../../src/server/server';
import { NOW, NOW_MS, testServer } from './helpers';

async function overview(args: string[]): Promise<any> {
  let out = '';
  let err = '';
  const code = await cli(['overview', '--now', new Date(NOW_MS).toISOString(), ...args], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    env: { RH_TEST_TOKEN: 'test-token' },
  });
  assert.equal(code, 0, err);
  return JSON.parse(out);
}

describe('server/cross-check: API source = raw file source', function () {
  this.timeout(60000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-cross-'));
  const file = path.join(dir, 'demo.ndjson');
  let server: RunningServer;
  before(async () => {
    fs.writeFileSync(file, generateDemoNdjson({ now: NOW, sessions: 20000 }));
    server = await testServer({ importFile: file, projects: [] });
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const options of [
    ['--summary-period', '24h', '--health-period', '24h'],
    ['--summary-period', '14d', '--health-period', '7d', '--stat', 'users'],
    ['--summary-period', '90d', '--health-period', '30d', '--environment', 'production'],
  ]) {
    it(`gives identical figures for ${options.join(' ')}`, async () => {
      // The API road knows the releases dated within 90 days (the listing's period) and those with
      // data in them; the file road every release ever seen.
      const all = await overview(['--file', file, ...options]);
      const since = NOW - 90 * 86400;
      const fromFile = { ...all, releases: all.releases.filter((r: any) => r.hasHealthData || Date.parse(r.firstSeen) / 1000 >= since) };
      const fromApi = await overview(['--url', server.url, '--org', 'sentry', '--token-env', 'RH_TEST_TOKEN', ...options]);
      const key = (r: any): string => `${r.project} ${r.release}`;
      assert.deepEqual(fromApi.releases.map(key).sort(), fromFile.releases.map(key).sort());
      const byKey = new Map(fromFile.releases.map((r: any) => [key(r), r]));
      for (const r of fromApi.releases) {
        // firstSeen: the API's is the release's creation date, the file's honours the environment filter.
        const { firstSeen: _a, ...api } = r;
        const { firstSeen: _b, ...raw } = byKey.get(key(r)) as any;
        assert.deepEqual(api, raw, key(r));
      }
    });
  }
});
