// What was acknowledged survives kill -9: a real server process is killed mid-ingest while a
// child process keeps posting envelopes; after a restart on the same data dir every envelope
// that got its 200 is there.
import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { removeServerBundle, spawnServer, waitForExit } from './processHelpers';

// The ingesting child: posts one-session envelopes (release dur-<i>) with 8 in flight and prints
// the index of each one acknowledged with 200. Stops at the first failure (the server is gone).
const INGESTOR = `
const [url, key] = process.argv.slice(1);
let next = 0, stop = false;
async function worker() {
  while (!stop) {
    const i = next++;
    const started = new Date(Date.now() - 60000).toISOString();
    const session = { sid: 'sid-' + i, did: 'user-' + (i % 50), init: true, started, timestamp: started, status: 'exited', errors: 0, attrs: { release: 'dur-' + i, environment: 'production' } };
    const body = '{}\\n{"type":"session"}\\n' + JSON.stringify(session) + '\\n';
    try {
      const res = await fetch(url + '/api/1/envelope/?sentry_key=' + key, { method: 'POST', body });
      if (res.status !== 200) { stop = true; break; }
      await res.text();
      process.stdout.write(i + '\\n');
    } catch { stop = true; }
  }
}
Promise.all(Array.from({ length: 8 }, worker)).then(() => process.exit(0));
`;

describe('server/durability: kill -9 mid-ingest', function () {
  this.timeout(90000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-durability-'));
  after(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    removeServerBundle();
  });

  it('keeps every acknowledged session after kill -9 and restart', async () => {
    const args = ['--port', '0', '--data', dataDir, '--project', 'app=1', '--key', 'durkey', '--token', 'durtoken'];
    const first = await spawnServer(args);
    const ingestor = spawn(process.execPath, ['-e', INGESTOR, first.url, 'durkey'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acked: number[] = [];
    let buffered = '';
    ingestor.stdout!.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const l of lines) acked.push(Number(l));
    });
    // Let it ingest for a while, then kill the server without warning while requests are in flight.
    while (acked.length < 400) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    await waitForExit(first.child);
    await waitForExit(ingestor);
    const sent = acked.length;
    assert.ok(sent >= 400);

    const second = await spawnServer(args);
    try {
      const qs = new URLSearchParams([['field', 'sum(session)'], ['groupBy', 'release'], ['statsPeriod', '1d'], ['interval', '1d']]);
      const res = await fetch(`${second.url}/api/0/organizations/sentry/sessions/?${qs}`, { headers: { Authorization: 'Bearer durtoken' } });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { groups: Array<{ by: { release: string }; totals: Record<string, number> }> };
      const stored = new Set(body.groups.map((g) => g.by.release));
      const missing = acked.filter((i) => !stored.has(`dur-${i}`));
      assert.deepEqual(missing, [], `acknowledged but lost: ${missing.slice(0, 10).join(', ')}`);
      for (const g of body.groups) assert.equal(g.totals['sum(session)'], 1);
    } finally {
      second.child.kill('SIGTERM');
      assert.equal(await waitForExit(second.child), 0);
    }
  });
});
