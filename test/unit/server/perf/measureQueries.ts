// Measures the server at scale (not part of the unit run):
//   npx tsx --expose-gc test/unit/server/perf/measureQueries.ts [sessions=1000000]
// Seeds the demo dataset with N sessions, then times API queries over loopback HTTP (p50/p95),
// reports ingest rate and heap, then measures durable envelope ingest and log replay.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEMO_PROJECTS, generateDemoLines } from '../../../../src/demo/demoDataset';
import { parseSessionDocument, type SessionRecord } from '../../../../src/raw/sessionLine';
import { startServer } from '../../../../src/server/server';

const sessionsWanted = Number(process.argv[2] ?? 1_000_000);

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function time(url: string, token: string, runs: number): Promise<{ p50: number; p95: number; groups: number; status: number }> {
  const samples: number[] = [];
  let groups = 0;
  let status = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { groups?: unknown[] };
    samples.push(performance.now() - t0);
    groups = body.groups?.length ?? 0;
    status = res.status;
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), groups, status };
}

async function main(): Promise<void> {
  const projects = DEMO_PROJECTS.map((p, i) => ({ slug: p.slug, id: i + 1, platform: p.platform }));
  const idOf = new Map(projects.map((p) => [p.slug, p.id]));
  const server = await startServer({ port: 0, token: 't', projects });
  gc();
  const before = process.memoryUsage();
  // Generate and parse in batches (the generator is not what is measured), timing only the store.
  const tg = performance.now();
  let ingestMs = 0;
  let records = 0;
  let batch: Array<[number, SessionRecord]> = [];
  const flush = (): void => {
    const t0 = performance.now();
    for (const [projectId, record] of batch) server.store.addRecord(projectId, record);
    ingestMs += performance.now() - t0;
    records += batch.length;
    batch = [];
  };
  for (const doc of generateDemoLines({ now: Date.now() / 1000, sessions: sessionsWanted })) {
    const parsed = parseSessionDocument(doc);
    if (!parsed.ok) continue;
    batch.push([idOf.get(parsed.record.project!)!, parsed.record]);
    if (batch.length === 10_000) flush();
  }
  flush();
  const totalMs = performance.now() - tg;
  gc();
  const mem = process.memoryUsage();
  const c = server.store.counts;
  const mb = (n: number): string => `${(n / 1e6).toFixed(0)} MB`;
  console.log(`demo dataset of ${sessionsWanted} sessions generated, parsed and stored in ${(totalMs / 1000).toFixed(1)} s; `
    + `the store took ${(ingestMs / 1000).toFixed(2)} s for ${records} records (${c.updates} updates + ${c.aggregateEntries} aggregate entries) = ${Math.round(records / (ingestMs / 1000))} records/s`);
  console.log(`store memory: heap +${mb(mem.heapUsed - before.heapUsed)}, typed arrays +${mb(mem.arrayBuffers - before.arrayBuffers)}; rss ${mb(mem.rss)}; `
    + `series keys ${server.store.keys.length}, users ${server.store.users.size}, errored sessions ${server.store.sessions.size}`);

  const base = `${server.url}/api/0/organizations/sentry/sessions/?`;
  const queries: Array<[string, string]> = [
    ['90d daily, release x session.status, sum(session)', 'field=sum(session)&groupBy=release&groupBy=session.status&statsPeriod=90d&interval=1d'],
    ['90d daily, release x session.status, sum + users', 'field=sum(session)&field=count_unique(user)&groupBy=release&groupBy=session.status&statsPeriod=90d&interval=1d'],
    ['90d daily, project x release, crash-free rates', 'field=sum(session)&field=crash_free_rate(session)&field=crash_free_rate(user)&groupBy=project&groupBy=release&statsPeriod=90d&interval=1d'],
    ['24h hourly, project x release x status, sum + users', 'field=sum(session)&field=count_unique(user)&groupBy=project&groupBy=release&groupBy=session.status&statsPeriod=24h&interval=1h'],
    ['14d daily, release, users by status', 'field=count_unique(user)&groupBy=release&groupBy=session.status&statsPeriod=14d&interval=1d'],
    ['6h at 5m (10-second level), release x status', 'field=sum(session)&field=count_unique(user)&groupBy=release&groupBy=session.status&statsPeriod=6h&interval=5m'],
  ];
  for (const [name, qs] of queries) {
    await time(base + qs, 't', 3); // warm-up
    const r = await time(base + qs, 't', 40);
    console.log(`${name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (${r.groups} groups, HTTP ${r.status})`);
  }
  await server.close();

  // Durable ingest over HTTP: envelopes of 50 session updates, 8 in flight, fsync before each 200.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-perf-'));
  const durable = await startServer({ port: 0, dataDir, token: 't', dsnKey: 'k', projects: [{ slug: 'app', id: 1 }] });
  const envelopes = 2000;
  let nextEnvelope = 0;
  const started = new Date(Date.now() - 3600_000).toISOString();
  const t1 = performance.now();
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (nextEnvelope < envelopes) {
      const e = nextEnvelope++;
      let body = '{}\n';
      for (let i = 0; i < 50; i++) {
        body += `{"type":"session"}\n${JSON.stringify({ sid: `s-${e}-${i}`, did: `u-${i}`, init: true, started, status: 'exited', attrs: { release: 'perf@1', environment: 'production' } })}\n`;
      }
      const res = await fetch(`${durable.url}/api/1/envelope/?sentry_key=k`, { method: 'POST', body });
      await res.text();
    }
  }));
  const httpMs = performance.now() - t1;
  console.log(`durable HTTP ingest: ${envelopes} envelopes x 50 sessions in ${(httpMs / 1000).toFixed(2)} s = ${Math.round(envelopes / (httpMs / 1000))} envelopes/s, ${Math.round((envelopes * 50) / (httpMs / 1000))} sessions/s`);
  const single: number[] = [];
  for (let i = 0; i < 200; i++) {
    const body = `{}\n{"type":"session"}\n${JSON.stringify({ sid: `one-${i}`, init: true, started, status: 'exited', attrs: { release: 'perf@1' } })}\n`;
    const ts = performance.now();
    await (await fetch(`${durable.url}/api/1/envelope/?sentry_key=k`, { method: 'POST', body })).text();
    single.push(performance.now() - ts);
  }
  single.sort((a, b) => a - b);
  console.log(`one-session envelope, sequential (write + fdatasync before 200): p50 ${percentile(single, 0.5).toFixed(2)} ms, p95 ${percentile(single, 0.95).toFixed(2)} ms`);
  await durable.close();
  const t2 = performance.now();
  const replayed = await startServer({ port: 0, dataDir, token: 't' });
  console.log(`log replay on restart: ${replayed.recovery!.entries} entries (${(replayed.recovery!.validBytes / 1e6).toFixed(1)} MB) in ${((performance.now() - t2) / 1000).toFixed(2)} s`);
  await replayed.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
