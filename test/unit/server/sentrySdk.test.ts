// Round trip with the real @sentry/node SDK: an app process sends its sessions to the server's
// DSN, and the sessions API answers them with Sentry's status semantics.
import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import * as path from 'path';
import type { RunningServer } from '../../../src/server/server';
import { group, sessions, testServer } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');

// Two sessions: a clean one (user u1) and one with a handled error (user u2). The SDK marks the
// session errored when it processes the event, so flush before ending it.
const APP = `
const Sentry = require('@sentry/node');
Sentry.init({
  dsn: process.argv[1], release: 'sdk-app@1.0.0', environment: 'test',
  integrations: (defaults) => defaults.filter((i) => i.name !== 'ProcessSession'),
});
(async () => {
  Sentry.setUser({ id: 'u1' });
  Sentry.startSession();
  Sentry.endSession();
  Sentry.setUser({ id: 'u2' });
  Sentry.startSession();
  Sentry.captureException(new Error('handled'));
  await Sentry.flush(5000);
  Sentry.endSession();
  await Sentry.close(5000);
})();
`;

// A session that ends in an uncaught exception: the SDK reports it crashed and exits.
const CRASHING_APP = `
const Sentry = require('@sentry/node');
Sentry.init({
  dsn: process.argv[1], release: 'sdk-app@1.0.0', environment: 'test',
  integrations: (defaults) => defaults.filter((i) => i.name !== 'ProcessSession'),
  // On the crash the SDK sends the session, then exits; its default 2 s to do so is too short
  // on a loaded CI machine (the group commit waits for its fsync). close() returns once sent.
  shutdownTimeout: 30000,
});
Sentry.setUser({ id: 'u3' });
Sentry.startSession();
setTimeout(() => { throw new Error('crash'); }, 10);
`;

function run(script: string, dsn: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, dsn], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

describe('server/@sentry/node round trip', function () {
  this.timeout(60000);
  let server: RunningServer;
  before(async () => {
    // Real time: the SDK stamps sessions with the current clock.
    server = await testServer({ now: undefined, clock: () => Date.now(), projects: [{ slug: 'sdk-app', id: 7 }] });
  });
  after(async () => server.close());

  it('stores what the SDK sends and answers it through the sessions API', async () => {
    assert.equal(await run(APP, server.dsnFor(7)), 0);
    await run(CRASHING_APP, server.dsnFor(7));
    const r = await sessions(server, {
      field: ['sum(session)', 'count_unique(user)'], groupBy: ['release', 'session.status'], project: '7', statsPeriod: '1h', interval: '1m',
    });
    assert.equal(r.status, 200);
    const value = (status: string, field: string): number => {
      const g = group(r.body, { release: 'sdk-app@1.0.0', 'session.status': status });
      assert.ok(g, `no ${status} group in ${JSON.stringify(r.body.groups.map((x: { by: unknown }) => x.by))}`);
      return g.totals[field];
    };
    assert.deepEqual(
      ['healthy', 'errored', 'crashed', 'abnormal', 'unhandled'].map((s) => value(s, 'sum(session)')),
      [1, 1, 1, 0, 0],
    );
    assert.deepEqual(
      ['healthy', 'errored', 'crashed'].map((s) => value(s, 'count_unique(user)')),
      [1, 1, 1],
    );
    const total = await sessions(server, { field: ['sum(session)', 'crash_free_rate(session)'], project: '7', statsPeriod: '1h', interval: '1m' });
    assert.equal(total.body.groups[0].totals['sum(session)'], 3);
    assert.ok(Math.abs(total.body.groups[0].totals['crash_free_rate(session)'] - 2 / 3) < 1e-12);
  });
});
