// Section `api`, issue 9: one refresh of an organization that keeps 20,000 dead releases (their
// only sessions 200 days ago) beside 700 live ones whose session counts tie in three tiers, on
// the local server with ties shuffled and 50 ms added to every API request. Every live release
// must come out exact. Baseline: paging through the releases listing without a period, as the
// client did before issue 9 (every open release ever made), same server and latency.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fetchApiOverview, type RequestLogEntry } from '../../src/api/fetchApiOverview';
import { DEFAULT_THRESHOLDS } from '../../src/health/types';
import { startServer } from '../../src/server/server';
import { BENCH_NOW } from '../pipeline/data';

export interface DeadReleasesResult {
  deadReleases: number;
  liveReleases: number;
  /** Requests of our refresh, and how many were listing pages and /sessions/ queries. */
  requests: number;
  listingRequests: number;
  sessionsRequests: number;
  wallMs: number;
  /** Pages of the releases listing without a period (the client before issue 9). */
  unboundedListingRequests: number;
  unboundedListingMs: number;
}

const DEAD = 20_000;
const LIVE = 700;

function orgFile(): string {
  const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');
  const line = (release: string, t: number, sid: string) =>
    JSON.stringify({ project: 'app', sid, did: `u-${sid}`, init: true, started: iso(t), timestamp: iso(t + 60), status: 'exited', errors: 0, duration: 60, attrs: { release, environment: 'production' } });
  const out: string[] = [];
  for (let i = 0; i < DEAD; i++) out.push(line(`dead@${i}`, BENCH_NOW - 200 * 86400, `d${i}`));
  for (let i = 0; i < LIVE; i++) for (let s = 0; s <= i % 3; s++) out.push(line(`live@${i}`, BENCH_NOW - 3600 * (1 + (i % 20)) - s * 120, `l${i}-${s}`));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rh-bench-dead-')), 'sessions.ndjson');
  fs.writeFileSync(file, out.join('\n') + '\n');
  return file;
}

async function unboundedListing(baseUrl: string, org: string, token: string): Promise<number> {
  let pages = 0;
  let cursor: string | null = null;
  do {
    const q: URLSearchParams = new URLSearchParams([['project', '-1'], ['per_page', '100'], ...(cursor ? [['cursor', cursor] as [string, string]] : [])]);
    const res: Response = await fetch(`${baseUrl}/api/0/organizations/${org}/releases/?${q}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`releases listing: HTTP ${res.status}`);
    await res.arrayBuffer();
    pages++;
    const next: string | undefined = (res.headers.get('link') ?? '').split(',').find((p: string) => /rel="next"/.test(p) && /results="true"/.test(p));
    cursor = next ? /cursor="([^"]*)"/.exec(next)?.[1] ?? null : null;
  } while (cursor !== null);
  return pages;
}

export async function deadReleasesRefresh(latencyMs: number, log: (s: string) => void): Promise<DeadReleasesResult> {
  const file = orgFile();
  const server = await startServer({ port: 0, host: '127.0.0.1', now: BENCH_NOW * 1000, importFile: file, latencyMs, shuffleTies: true });
  try {
    const options = { now: BENCH_NOW, summaryPeriod: '24h' as const, healthPeriod: '24h' as const, stat: 'sessions' as const, thresholds: DEFAULT_THRESHOLDS };
    const entries: RequestLogEntry[] = [];
    let started = performance.now();
    const o = await fetchApiOverview({ baseUrl: server.url, organization: server.org }, server.token, options, { log: (e) => entries.push(e) });
    const wallMs = Math.round(performance.now() - started);
    const by = new Map(o.releases.map((r) => [r.release, r]));
    for (let i = 0; i < LIVE; i++) {
      const r = by.get(`live@${i}`);
      if (!r || r.totalSessions !== 1 + (i % 3)) throw new Error(`live@${i}: ${r?.totalSessions ?? 'missing'} sessions, expected ${1 + (i % 3)}`);
    }
    started = performance.now();
    const unbounded = await unboundedListing(server.url, server.org, server.token);
    const unboundedMs = Math.round(performance.now() - started);
    const result: DeadReleasesResult = {
      deadReleases: DEAD,
      liveReleases: LIVE,
      requests: o.requests,
      listingRequests: entries.filter((e) => e.path.includes('/releases/')).length,
      sessionsRequests: entries.filter((e) => e.path.includes('/sessions/')).length,
      wallMs,
      unboundedListingRequests: unbounded,
      unboundedListingMs: unboundedMs,
    };
    log(`api: ${DEAD} dead + ${LIVE} tied releases: ours ${o.requests} requests ${wallMs} ms (every figure exact); unbounded listing alone ${unbounded} requests ${unboundedMs} ms`);
    return result;
  } finally {
    await server.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
