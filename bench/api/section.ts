// Section `api` (issue 6, item 2): requests and wall time of one full refresh through our API
// client (fetchApiOverview) against the local Sentry-style server with 50 ms added to every API
// request, for 10, 100 and 1000 releases; baseline: a naive client with one sessions query per
// release (naiveClient.ts), same server, same latency, same concurrency.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fetchApiOverview } from '../../src/api/fetchApiOverview';
import { resolveConfig } from '../../src/api/config';
import { DEFAULT_THRESHOLDS } from '../../src/health/types';
import { startServer } from '../../src/server/server';
import { BENCH_NOW } from '../pipeline/data';
import { deadReleasesRefresh, type DeadReleasesResult } from './deadReleases';
import { naiveRefresh } from './naiveClient';

export const LATENCY_MS = 50;

export interface ApiResult {
  latencyMs: number;
  concurrency: number;
  requests: Record<string, number>;
  wallMs: Record<string, number>;
  naiveRequests: Record<string, number>;
  naiveWallMs: Record<string, number>;
  /** Issue 9: 20,000 dead releases beside 700 with tied session counts (deadReleases.ts). */
  deadReleases?: DeadReleasesResult;
}

/** N releases of one project, 4 sessions each within the last day (one crash in five releases). */
function releasesFile(n: number): string {
  const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const attrs = { release: `app@1.${Math.floor(i / 100)}.${i % 100}`, environment: 'production' };
    for (let s = 0; s < 4; s++) {
      const started = iso(BENCH_NOW - 3600 * (1 + ((i + s) % 20)));
      const sid = `s-${i}-${s}`;
      const did = `u${(i * 3 + s) % 200}`;
      out.push(JSON.stringify({ project: 'app', sid, did, init: true, started, status: 'ok', errors: 0, attrs }));
      const status = s === 0 && i % 5 === 0 ? 'crashed' : 'exited';
      out.push(JSON.stringify({ project: 'app', sid, did, started, status, errors: status === 'crashed' ? 1 : 0, duration: 60, attrs }));
    }
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rh-bench-api-')), 'sessions.ndjson');
  fs.writeFileSync(file, out.join('\n') + '\n');
  return file;
}

export async function apiSection(quick: boolean, log: (s: string) => void): Promise<ApiResult> {
  const sizes = [10, 100, 1000];
  const concurrency = resolveConfig({ organization: 'x' }).concurrency;
  const result: ApiResult = { latencyMs: LATENCY_MS, concurrency, requests: {}, wallMs: {}, naiveRequests: {}, naiveWallMs: {} };
  for (const n of sizes) {
    const file = releasesFile(n);
    const server = await startServer({ port: 0, host: '127.0.0.1', now: BENCH_NOW * 1000, importFile: file, latencyMs: LATENCY_MS });
    try {
      const options = { now: BENCH_NOW, summaryPeriod: '24h' as const, healthPeriod: '24h' as const, stat: 'sessions' as const, thresholds: DEFAULT_THRESHOLDS };
      let started = performance.now();
      const ours = await fetchApiOverview({ baseUrl: server.url, organization: server.org }, server.token, options);
      const oursMs = performance.now() - started;
      const withData = ours.releases.filter((r) => r.totalSessions > 0).length;
      if (withData !== n) throw new Error(`our client saw ${withData} of ${n} releases with sessions`);
      started = performance.now();
      const naive = await naiveRefresh(server.url, server.org, server.token, concurrency);
      const naiveMs = performance.now() - started;
      if (naive.releases !== n) throw new Error(`the naive client listed ${naive.releases} of ${n} releases`);
      result.requests[n] = ours.requests;
      result.wallMs[n] = Math.round(oursMs);
      result.naiveRequests[n] = naive.requests;
      result.naiveWallMs[n] = Math.round(naiveMs);
      log(`api: ${n} releases: ours ${ours.requests} requests ${Math.round(oursMs)} ms, naive ${naive.requests} requests ${Math.round(naiveMs)} ms`);
    } finally {
      await server.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  }
  result.deadReleases = await deadReleasesRefresh(LATENCY_MS, log);
  void quick; // the same sizes in --quick: the naive 1000-release refresh takes ~15 s
  return result;
}
