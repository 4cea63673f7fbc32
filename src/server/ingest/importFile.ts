// --import FILE: raw-session NDJSON in the CLI's format (SDK updates and aggregates, with an
// optional `project` slug per line). Bad lines are skipped and counted with their line numbers.
// Stored as one import attempt: its frames count only after its commit frame, and a file already
// imported into the data dir (same SHA-256) is not imported again.
import { createHash, randomUUID } from 'crypto';
import * as fs from 'fs';
import * as readline from 'readline';
import { parseSessionLine } from '../../raw/sessionLine';
import type { DurableStore } from '../store/durableStore';
import type { LogEntry } from '../store/logRecords';
import { ProjectResolver } from '../store/projectResolver';

export interface ImportReport {
  file: string;
  lines: number;
  imported: number;
  skipped: number;
  /** The first skipped lines, with why. */
  samples: Array<{ line: number; reason: string }>;
  alreadyImported: boolean;
}

const BATCH = 5000;
const MAX_SAMPLES = 20;

async function fileHash(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function importSessionFile(file: string, durable: DurableStore, defaultProject: string, now: number): Promise<ImportReport> {
  const report: ImportReport = { file, lines: 0, imported: 0, skipped: 0, samples: [], alreadyImported: false };
  const hash = await fileHash(file);
  if (durable.isImported(hash)) {
    report.alreadyImported = true;
    return report;
  }
  // This attempt's own id: a killed attempt's frames must never count with a later one's commit.
  const importId = `${hash}:${randomUUID()}`;
  const resolver = new ProjectResolver(durable.registry, now);
  let batch: LogEntry[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    report.lines++;
    if (line.trim() === '') continue;
    const parsed = parseSessionLine(line);
    if (!parsed.ok) {
      report.skipped++;
      if (report.samples.length < MAX_SAMPLES) report.samples.push({ line: report.lines, reason: parsed.reason });
      continue;
    }
    const projectId = resolver.resolve(parsed.record.project ?? defaultProject, batch);
    batch.push({ kind: 'session', session: { projectId, record: { ...parsed.record, project: null } } });
    report.imported++;
    if (batch.length >= BATCH) {
      await durable.importBatch(importId, batch);
      batch = [];
    }
  }
  await durable.importBatch(importId, batch);
  await durable.commitImport(importId, hash, report.lines);
  return report;
}
