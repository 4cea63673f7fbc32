// Writes one bench data file (see data.ts) and its .json description; run as a child process so
// the bench itself never holds a million lines.  Usage: generateTask SESSIONS ORDER FILE NOW
import * as fs from 'fs';
import { generateDemoLines } from '../../src/demo/demoDataset';
import type { DataFile, LineOrder } from './data';

function main(): void {
  const [n, order, file, now] = process.argv.slice(2);
  const requested = Number(n);
  let sessions = 0;
  const lines: Array<{ at: number; text: string }> = [];
  for (const line of generateDemoLines({ now: Number(now), sessions: requested })) {
    if (line.init === true) sessions++;
    let at: number;
    if (Array.isArray(line.aggregates)) {
      const entries = line.aggregates as Array<Record<string, unknown>>;
      for (const e of entries) sessions += ['exited', 'errored', 'abnormal', 'crashed', 'unhandled'].reduce((s, k) => s + Number(e[k] ?? 0), 0);
      at = Date.parse(String(entries[0].started)) + 60_000; // flushed after its minute
    } else {
      at = Date.parse(String(line.timestamp ?? line.started));
    }
    lines.push({ at, text: JSON.stringify(line) });
  }
  // Arrival order is stable: lines sent in the same second keep the generator's order.
  const out = (order as LineOrder) === 'arrival' ? lines.map((_, i) => i).sort((a, b) => lines[a].at - lines[b].at || a - b).map((i) => lines[i]) : lines;
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  let bytes = 0;
  for (let i = 0; i < out.length; i += 20000) {
    const text = out.slice(i, i + 20000).map((l) => l.text).join('\n') + '\n';
    fs.writeSync(fd, text);
    bytes += Buffer.byteLength(text);
  }
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
  const info: DataFile = { path: file, order: order as LineOrder, requested, sessions, lines: out.length, bytes };
  fs.writeFileSync(`${file}.json`, JSON.stringify(info));
}

main();
