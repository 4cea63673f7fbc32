// The table `npm run bench` prints and results.md: one row per figure, with its baseline or target.
import type { MachineInfo } from './machine';

type Row = [section: string, figure: string, value: string, note: string];

const fmt = (x: unknown, digits = 2): string => (typeof x === 'number' ? (Number.isInteger(x) ? x.toLocaleString('en-US') : x.toFixed(digits)) : x === null || x === undefined ? 'null' : String(x));
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/* eslint-disable @typescript-eslint/no-explicit-any */
function rows(results: Record<string, any>): Row[] {
  const out: Row[] = [];
  const p = results.pipeline;
  if (p?.error) out.push(['pipeline', 'error', p.error, '']);
  for (const [label, d] of Object.entries<any>(p?.datasets ?? {})) {
    const s = `pipeline ${label}`;
    out.push([s, 'file', `${fmt(d.sessions)} sessions, ${fmt(d.lines)} lines, ${d.MB} MB`, `${d.order} order; median of ${d.runs} runs`]);
    out.push([s, 'ours', seconds(d.ours.ms), `${fmt(d.ours.sessionsPerSec)} sessions/s, ${(d.ours.cpuMs / d.ours.ms).toFixed(2)} cores`]);
    out.push([s, 'ours: CLI wall', seconds(d.ours.cliWallMs), 'spawn to exit, node start included']);
    out.push([s, 'peakRssMB', fmt(d.ours.peakRssMB, 1), 'CLI process; target < 200 (issue 2: < 300 for 1M)']);
    out.push([s, 'DuckDB', seconds(d.duckdb.ms), `${(d.duckdb.cpuMs / d.duckdb.ms).toFixed(2)} cores, ${fmt(d.duckdb.peakRssMB, 1)} MB`]);
    out.push([s, 'duckdbRatio', fmt(d.duckdbRatio), 'target >= 1']);
    out.push([s, 'JSON.parse', seconds(d.jsonParse.ms), '']);
    out.push([s, 'jsonParseRatio', fmt(d.jsonParseRatio), '']);
    if (d.jsScanner) {
      out.push([s, 'ours, JS scanner only', seconds(d.jsScanner.ms), 'RH_RAW_SCANNER=js: no WebAssembly (the reader before issue 16)']);
      out.push([s, 'wasmSpeedup', fmt(d.wasmSpeedup), 'JS scanner only / ours; > 1: the wasm scanner is faster']);
    }
    out.push([s, 'byte floor', seconds(d.byteFloor.ms), '']);
    out.push([s, 'byteFloorRatio', fmt(d.byteFloorRatio), 'target >= 0.33']);
    out.push([s, 'answers agree', d.answersAgree ? 'yes' : 'NO', d.answersAgree ? 'ours = DuckDB on every release' : d.differences[0]]);
  }
  if (p && !p.error && p.smallFile) {
    out.push(['pipeline', 'duckdbRatio100k', fmt(p.duckdbRatio100k), 'DuckDB / ours, 100k arrival order; target >= 1']);
    out.push(['pipeline', 'duckdbRatio1m', fmt(p.duckdbRatio1m), 'the worse of the two 1M files; target >= 1']);
    out.push(['pipeline', 'jsonParseRatio100k', fmt(p.jsonParseRatio100k), 'JSON.parse / ours, 100k; target >= 2']);
    const f = p.smallFile;
    out.push(['pipeline', 'smallFileOverheadMs', fmt(p.smallFileOverheadMs), `CLI on ${fmt(f.sessions)} sessions (${f.MB} MB) ${fmt(f.cliWallMs)} ms - node -e 0 ${fmt(f.nodeStartMs)} ms, medians of ${f.runs}; target <= 50`]);
  }
  const a = results.api;
  if (a?.error) out.push(['api', 'error', a.error, '']);
  else if (a) {
    for (const n of Object.keys(a.requests ?? {})) {
      out.push(['api', `${n} releases`, `${a.requests[n]} requests, ${seconds(a.wallMs[n])}`, `naive: ${a.naiveRequests[n]} requests, ${seconds(a.naiveWallMs[n])} (${a.latencyMs} ms latency)`]);
    }
    const d = a.deadReleases;
    if (d) {
      out.push([
        'api',
        `${d.deadReleases} dead + ${d.liveReleases} tied`,
        `${d.requests} requests (${d.listingRequests} listing), ${seconds(d.wallMs)}, exact`,
        `unbounded listing alone: ${d.unboundedListingRequests} requests, ${seconds(d.unboundedListingMs)}`,
      ]);
    }
  }
  const sv = results.server;
  if (sv?.error) out.push(['server', 'error', sv.error, '']);
  else if (sv) {
    out.push(['server', 'p50Ms / p95Ms', `${fmt(sv.p50Ms, 1)} / ${fmt(sv.p95Ms, 1)}`, `${sv.query}; target p95 < 100`]);
    out.push(['server', 'ingestSessionsPerSec', fmt(sv.ingestSessionsPerSec), sv.ingestNote ?? '']);
    if (sv.ingestSessionsPerSec64 !== undefined) {
      out.push(['server', 'ingestSessionsPerSec64', fmt(sv.ingestSessionsPerSec64),
        `× ${sv.ingest64Ratio16} vs 16 clients (${fmt(sv.ingestSessionsPerSec16)}/s); × ${sv.ingest64RatioMemory} vs no fsync (${fmt(sv.ingestSessionsPerSec64Memory)}/s); ${sv.ingestFramesPerFsync64} frames a fsync; server CPU ${sv.ingestServerCpuUsPerSession64} µs a session (one core: ${fmt(sv.ingestServerCpuBoundPerSec64)}/s), main thread ${sv.ingestServerMainThreadCpuUsPerSession64} µs (bound ${fmt(sv.ingestServerMainThreadBoundPerSec64)}/s), clients ${sv.ingestClientCpuUsPerSession64} µs; floor (Node http, fixed 200) ${fmt(sv.ingestFloorSessionsPerSec64)}/s at ${sv.ingestFloorServerCpuUsPerSession64} µs, main thread ${sv.ingestFloorServerMainThreadCpuUsPerSession64} µs (× ${sv.ingest64RatioFloor}); target ≥ 20,000`]);
    }
  }
  const e = results.extension;
  if (e?.error) out.push(['extension', 'error', e.error, '']);
  else if (e) {
    out.push(['extension', 'bundleKB', fmt(e.bundleKB, 1), 'target < 250']);
    out.push(['extension', 'webviewBundleKB', fmt(e.webviewBundleKB, 1), '']);
    out.push(['extension', 'activationMs', fmt(e.activationMs, 1), e.activationNote ?? 'target < 30']);
    out.push(['extension', 'panelMs', fmt(e.panelMs, 1), e.panelNote ?? '']);
    out.push(['extension', 'markdownPreviewMs', fmt(e.markdownPreviewMs, 1), 'baseline: markdown.showPreview of a small file to its content rendered, cold, same code-server run']);
    out.push(['extension', 'panelRatio', fmt(e.panelRatio), 'panelMs / markdownPreviewMs (cold); target <= 1']);
    if (e.panelMsWarm !== undefined) {
      out.push(['extension', 'panelMsWarm / markdownPreviewMsWarm', `${fmt(e.panelMsWarm, 1)} / ${fmt(e.markdownPreviewMsWarm, 1)}`, 'warm: one browser session, a panel and a preview opened and closed first; alternated']);
      out.push(['extension', 'panelRatioWarm', fmt(e.panelRatioWarm), 'target <= 1']);
    }
    const profile = (p: Record<string, number> | undefined) => (p ? Object.entries(p).map(([k, v]) => `${k} ${v}`).join(', ') : '-');
    for (const heat of ['cold', 'warm'] as const) {
      if (e.panelProfile?.[heat]) out.push(['extension', `panel profile (${heat})`, profile(e.panelProfile[heat]), 'medians, ms after the pick: webview iframe, document, resources, marks']);
      if (e.markdownProfile?.[heat]) out.push(['extension', `preview profile (${heat})`, profile(e.markdownProfile[heat]), 'medians, ms after the click']);
    }
  }
  return out;
}

export function renderTable(results: Record<string, any>): string {
  const header: Row = ['section', 'figure', 'value', 'baseline / target'];
  const all = [header, ...rows(results)];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: Row) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const m = results.machine as MachineInfo;
  return [
    `Release Health bench${results.quick ? ' (--quick)' : ''}: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, load ${m.loadAverage}, ${m.date}`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...all.slice(1).map(line),
    '',
  ].join('\n');
}

export function renderMarkdown(results: Record<string, any>): string {
  const m = results.machine as MachineInfo;
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `# Release Health benchmarks${results.quick ? ' (--quick)' : ''}`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM, Node ${m.node}, ${m.platform}. Run ${m.date}; 1-minute load average at the start: ${m.loadAverage}.`,
    '',
    '| section | figure | value | baseline / target |',
    '|---|---|---|---|',
    ...rows(results).map((r) => `| ${r.map(esc).join(' | ')} |`),
    '',
    ...(results.failures?.length ? ['Failures:', '', ...results.failures.map((f: string) => `- ${f}`), ''] : []),
    'Figures and keys: bench/results.json. How each is measured: bench/README.md.',
    '',
  ].join('\n');
}
