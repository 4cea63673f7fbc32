// `npm run demo` shows the extension's demo data next to the local server seeded with --demo and
// says they hold the same data: they must give the same figures, even though the server is
// seeded a little before the extension generates its data and both are read later still.
import { strict as assert } from 'assert';
import { fetchApiOverview } from '../../../src/api/fetchApiOverview';
import { readSettings } from '../../../src/extension/settings';
import { DemoSource } from '../../../src/extension/sources/demoSource';
import { DEFAULT_THRESHOLDS, type ReleaseHealth, type StatsPeriod } from '../../../src/health/types';
import { startServer } from '../../../src/server/server';

const SEEDED = Date.parse('2026-11-26T12:07:28Z');
const FIGURES = [
  'totalSessions', 'totalUsers', 'sessionsErrored', 'sessionsCrashed', 'sessionsHealthy', 'sessionsAbnormal', 'sessionsUnhandled',
  'usersCrashed', 'crashFreeSessions', 'crashFreeUsers', 'unhandledSessionRate', 'adoption', 'sessionsAdoption', 'stats', 'previousRelease', 'regression', 'healthStatus',
] as const;

describe('demo: the local server --demo and the extension hold the same demo data', function () {
  this.timeout(120_000);

  for (const [summaryPeriod, healthPeriod, environments] of [['24h', '24h', []], ['7d', '48h', ['staging']]] as Array<[StatsPeriod, StatsPeriod, string[]]>) {
    it(`same figures for every release (summary ${summaryPeriod}, series ${healthPeriod}${environments.length ? `, ${environments.join('+')}` : ''})`, async () => {
      let clock = SEEDED;
      const server = await startServer({ port: 0, demo: true, clock: () => clock, log: () => undefined });
      try {
        // The extension generates its data 40 s after the server was seeded; both are read 9 minutes later.
        const settings = readSettings({ get: <T>(k: string) => ({ source: 'demo', summaryPeriod, healthStatsPeriod: healthPeriod, environments } as Record<string, unknown>)[k] as T });
        const source = new DemoSource();
        await source.load({ settings, now: SEEDED / 1000 + 40, signal: new AbortController().signal, force: false });
        const readAt = SEEDED / 1000 + 9 * 60;
        clock = readAt * 1000;
        const inExtension = (await source.load({ settings, now: readAt, signal: new AbortController().signal, force: true })).overview;
        const viaServer = await fetchApiOverview({ baseUrl: server.url, organization: server.org }, server.token, {
          now: readAt, summaryPeriod, healthPeriod, stat: 'sessions', thresholds: DEFAULT_THRESHOLDS, environments,
        });
        const key = (r: ReleaseHealth) => `${r.project}/${r.release}`;
        const served = new Map(viaServer.releases.map((r) => [key(r), r]));
        const withData = inExtension.releases.filter((r) => r.hasHealthData && r.totalSessions > 0);
        assert.ok(withData.length >= 5, 'releases with figures to compare');
        // The API lists only releases with sessions in the last 90 days (as Sentry's does); the
        // extension also shows older ones, without figures.
        for (const r of withData) {
          const s = served.get(key(r));
          assert.ok(s, `${key(r)} is served`);
          for (const f of FIGURES) assert.deepEqual(s[f], r[f], `${key(r)} ${f}`);
        }
      } finally {
        await server.close();
      }
    });
  }
});
