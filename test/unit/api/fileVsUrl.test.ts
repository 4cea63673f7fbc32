// THE key test: one dataset, two roads. The raw NDJSON read by --file (computeFileOverview),
// and the same file imported into the local Sentry-style server and read back through the
// Sentry API client (--url), must give identical overview figures.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fetchApiOverview } from '../../../src/api/fetchApiOverview';
import { main } from '../../../src/cli/main';
import { generateDemoNdjson } from '../../../src/demo/demoDataset';
import { DEFAULT_THRESHOLDS, type HealthStat, type Overview, type ReleaseHealth, type StatsPeriod } from '../../../src/health/types';
import { computeFileOverview } from '../../../src/raw/fileOverview';
import { startServer, type RunningServer } from '../../../src/server/server';

const NOW = Date.parse('2026-11-26T12:30:00Z') / 1000;
const DAY = 86400;
const HOUR = 3600;

type Combo = [summary: StatsPeriod, health: StatsPeriod, stat: HealthStat, environments: string[]];
const COMBOS: Combo[] = [
  ['24h', '24h', 'sessions', []],
  ['7d', '48h', 'users', []],
  ['90d', '90d', 'sessions', []],
  ['14d', '7d', 'users', ['production']],
  ['1h', '1h', 'sessions', []],
  ['48h', '30d', 'sessions', ['staging']],
  ['30d', '24h', 'users', []],
  ['2d', '1d', 'sessions', ['production', 'staging']],
];

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

/**
 * Field by field. Durations: seconds in the file, milliseconds through the API (÷1000), so
 * they may differ in the last bit. firstSeen: with an environment filter the file road sees the
 * first session in those environments, the API the release's creation date (its first session
 * anywhere), as health-pipeline.md says; it is compared only without a filter.
 */
function assertSameOverview(api: Overview, file: Overview, label: string, compareFirstSeen: boolean): void {
  const key = (r: ReleaseHealth) => `${r.project}/${r.release}`;
  assert.deepEqual(api.releases.map(key), file.releases.map(key), `${label}: same releases in the same order`);
  for (let i = 0; i < api.releases.length; i++) {
    const a: ReleaseHealth = { ...api.releases[i] };
    const f: ReleaseHealth = { ...file.releases[i] };
    assert.ok(close(a.durationP50, f.durationP50) && close(a.durationP90, f.durationP90), `${label} ${key(a)}: durations ${a.durationP50}/${f.durationP50}`);
    a.durationP50 = f.durationP50;
    a.durationP90 = f.durationP90;
    if (!compareFirstSeen) a.firstSeen = f.firstSeen;
    assert.deepEqual(a, f, `${label} ${key(a)}`);
  }
  const head = (o: Overview) => [o.now, o.summaryPeriod, o.healthPeriod, o.stat];
  assert.deepEqual(head(api), head(file));
}

/**
 * The releases the API road can know of: the listing covers releases dated within 90 days
 * (Sentry filters it on coalesce(dateReleased, dateCreated)), the sessions answers add any with
 * data in those 90 days. The file road lists every release ever seen.
 */
function within90Days(o: Overview): Overview {
  const since = NOW - 90 * DAY;
  return { ...o, releases: o.releases.filter((r) => r.hasHealthData || (r.firstSeen !== null && Date.parse(r.firstSeen) / 1000 >= since)) };
}

async function importInto(lines: string): Promise<{ server: RunningServer; file: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-file-vs-url-'));
  const file = path.join(dir, 'sessions.ndjson');
  fs.writeFileSync(file, lines);
  const server = await startServer({ port: 0, host: '127.0.0.1', now: NOW * 1000, importFile: file });
  assert.equal(server.importReport?.skipped, 0);
  return { server, file };
}

describe('api: the same dataset through --file and through --url (local server)', function () {
  this.timeout(120_000);

  describe('the demo dataset', () => {
    let server: RunningServer;
    let file: string;
    before(async () => {
      ({ server, file } = await importInto(generateDemoNdjson({ now: NOW, sessions: 20_000 })));
    });
    after(() => server.close());

    for (const [summaryPeriod, healthPeriod, stat, environments] of COMBOS) {
      const label = `summary ${summaryPeriod}, health ${healthPeriod} (${stat})${environments.length ? `, env ${environments.join('+')}` : ''}`;
      it(`gives identical figures: ${label}`, async () => {
        const options = { now: NOW, summaryPeriod, healthPeriod, stat, thresholds: DEFAULT_THRESHOLDS };
        const viaFile = within90Days(await computeFileOverview(file, { ...options, environments, defaultProject: 'default' }));
        const viaApi = await fetchApiOverview({ baseUrl: server.url, organization: server.org }, server.token, { ...options, environments });
        assert.ok(viaFile.releases.some((r) => r.hasHealthData && r.totalSessions > 0), 'the dataset has figures to compare');
        assertSameOverview(viaApi, viaFile, label, environments.length === 0);
        assert.ok(viaApi.requests <= 9, `${viaApi.requests} requests`);
      });
    }

    it('prints the same JSON from the CLI with --file and with --url', async () => {
      const run = async (...args: string[]) => {
        let out = '';
        let err = '';
        const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), env: { SENTRY_AUTH_TOKEN: server.token } });
        assert.equal(code, 0, err);
        return JSON.parse(out) as Overview;
      };
      const common = ['--now', new Date(NOW * 1000).toISOString(), '--summary-period', '7d', '--health-period', '7d'];
      const viaFile = within90Days(await run('overview', '--file', file, ...common));
      const viaUrl = await run('overview', '--url', server.url, '--org', server.org, ...common);
      assertSameOverview({ ...viaUrl, releases: viaUrl.releases }, viaFile, 'cli', true);
      assert.deepEqual((viaUrl as unknown as { skipped: unknown }).skipped, { count: 0, samples: [] });
    });
  });

  describe('hundreds of releases past the group limit', () => {
    // 2 projects × 300 releases: recent ones, ones last used 30 days ago (no data in the summary
    // window), crash-only ones (a crash without its init update), errored-only ones (an errored
    // update without init: not health data), and ones older than 90 days.
    function lines(): string {
      const out: string[] = [];
      const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');
      for (const project of ['alpha', 'beta']) {
        for (let i = 0; i < 300; i++) {
          const release = `${project}@${Math.floor(i / 10)}.${i % 10}.0`;
          const kind = i % 5;
          const started = kind === 0 ? NOW - (1 + (i % 20)) * HOUR : kind === 1 ? NOW - 30 * DAY - i * 60 : kind === 4 ? NOW - 120 * DAY : NOW - (2 + (i % 7)) * HOUR;
          const attrs = { release, environment: i % 3 === 0 ? 'staging' : 'production' };
          for (let s = 0; s < 1 + (i % 4); s++) {
            const sid = `${project}-${i}-${s}`;
            const did = `u${(i * 7 + s) % 50}`;
            const at = iso(started + s * 60);
            if (kind === 2) {
              out.push(JSON.stringify({ project, sid, did, started: at, timestamp: at, status: 'crashed', errors: 1, attrs }));
            } else if (kind === 3) {
              out.push(JSON.stringify({ project, sid, did, started: at, timestamp: at, status: 'ok', errors: 1, attrs }));
            } else {
              out.push(JSON.stringify({ project, sid, did, init: true, started: at, timestamp: at, status: 'ok', errors: 0, attrs }));
              const status = s === 0 && i % 7 === 0 ? 'crashed' : s === 1 ? 'unhandled' : 'exited';
              out.push(JSON.stringify({ project, sid, did, started: at, timestamp: iso(started + s * 60 + 30), status, errors: status === 'exited' ? 0 : 1, duration: 30 + s, attrs }));
            }
          }
        }
      }
      return out.join('\n') + '\n';
    }

    let server: RunningServer;
    let file: string;
    before(async () => {
      ({ server, file } = await importInto(lines()));
    });
    after(() => server.close());

    for (const [summaryPeriod, healthPeriod, stat, environments] of [COMBOS[0], COMBOS[1], COMBOS[2], COMBOS[3]]) {
      it(`loses nothing: summary ${summaryPeriod}, health ${healthPeriod} (${stat})${environments.length ? `, env ${environments.join('+')}` : ''}`, async () => {
        const options = { now: NOW, summaryPeriod, healthPeriod, stat, thresholds: DEFAULT_THRESHOLDS };
        const viaFile = within90Days(await computeFileOverview(file, { ...options, environments, defaultProject: 'default' }));
        const viaApi = await fetchApiOverview({ baseUrl: server.url, organization: server.org }, server.token, { ...options, environments });
        assert.ok(viaFile.releases.length >= 200, `${viaFile.releases.length} releases`);
        assert.ok(viaFile.releases.some((r) => !r.hasHealthData) && viaFile.releases.some((r) => r.hasHealthData && r.totalSessions === 0));
        assert.ok(viaFile.releases.some((r) => r.release.endsWith('.2.0') && r.hasHealthData && r.sessionsCrashed > 0 && r.totalSessions === 0), 'crash-only releases have health data');
        assertSameOverview(viaApi, viaFile, `${summaryPeriod}/${healthPeriod}`, environments.length === 0);
        if (process.env.SHOW_REQUESTS) console.log(`      ${viaFile.releases.length} releases, ${viaApi.requests} requests`);
      });
    }
  });
});
