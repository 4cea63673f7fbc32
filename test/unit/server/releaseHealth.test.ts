// GET /releases/?health=1: healthData as Sentry's metrics backend computes it (contract §2.2, §3.4).
import { strict as assert } from 'assert';
import type { RunningServer } from '../../../src/server/server';
import { api, ingest, NOW, testServer, update } from './helpers';

describe('server/releases: health=1', () => {
  let server: RunningServer;
  before(async () => {
    server = await testServer();
    const t = NOW - 2 * 3600;
    await ingest(server, [
      update({ sid: 'a1', did: 'user1', init: true, started: t, status: 'exited', duration: 30, release: 'A' }),
      update({ sid: 'a2', did: 'user1', init: true, started: t, status: 'exited', duration: 60, release: 'A' }),
      update({ sid: 'b1', did: 'user1', init: true, started: t, status: 'crashed', errors: 1, release: 'B' }),
      update({ sid: 'old', did: 'user2', init: true, started: NOW - 3 * 86400, status: 'exited', release: 'Old' }),
    ]);
  });
  after(async () => server.close());

  const healthOf = async (version: string, params: Record<string, string> = {}): Promise<any> => {
    const r = await api(server, 'releases', { health: '1', summaryStatsPeriod: '24h', ...params });
    assert.equal(r.status, 200);
    const project = r.body.find((x: any) => x.version === version).projects[0];
    assert.equal(project.hasHealthData, project.healthData.hasHealthData);
    return project.healthData;
  };

  it('reproduces the figures of Sentry’s test (release A: 2 exited, B: 1 crashed, one user)', async () => {
    const a = await healthOf('A');
    assert.deepEqual(
      { ...a, stats: undefined },
      {
        durationP50: 45, durationP90: 57, crashFreeUsers: 100, crashFreeSessions: 100, totalUsers: 1, totalUsers24h: 1,
        totalProjectUsers24h: 2 - 1, totalSessions: 2, totalSessions24h: 2, totalProjectSessions24h: 3, adoption: 100,
        sessionsAdoption: (2 / 3) * 100, sessionsCrashed: 0, sessionsErrored: 0, hasHealthData: true, stats: undefined,
      },
    );
    const stats = a.stats['24h'];
    assert.equal(stats.length, 24);
    assert.deepEqual(stats.map((p: number[]) => p[1]).filter((v: number) => v > 0), [2]);
    const b = await healthOf('B');
    assert.equal(b.totalSessions, 1);
    assert.equal(b.sessionsCrashed, 1);
    assert.equal(b.crashFreeSessions, 0);
    assert.equal(b.crashFreeUsers, 0);
    assert.equal(b.adoption, 100);
    assert.ok(Math.abs(b.sessionsAdoption - 100 / 3) < 1e-9);
  });

  it('says hasHealthData for a release seen in 90 days but not in the summary window, with null totals', async () => {
    const old = await healthOf('Old');
    assert.equal(old.hasHealthData, true);
    assert.equal(old.totalSessions, null);
    assert.equal(old.totalSessions24h, null);
    assert.equal(old.adoption, null);
    const week = await healthOf('Old', { summaryStatsPeriod: '7d', healthStatsPeriod: '7d', healthStat: 'users' });
    assert.equal(week.totalSessions, 1);
    assert.deepEqual(week.stats['7d'].map((p: number[]) => p[1]), [0, 0, 0, 1, 0, 0, 0]);
  });

  it('leaves hasHealthData false without health=1, as Sentry’s serializer does', async () => {
    const r = await api(server, 'releases', {});
    assert.ok(r.body.every((x: any) => x.projects.every((p: any) => p.hasHealthData === false && p.healthData === undefined)));
  });
});
