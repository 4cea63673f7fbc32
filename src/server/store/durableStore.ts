// Where ingested data goes: the storage log first (fsync'ed), then the in-memory aggregates and
// the project registry. On open, the log is replayed into memory; an import's frames count only
// if its commit frame made it to disk. Each import attempt has its own id (the file's hash names
// the file, not the attempt), so the frames of an attempt killed midway never count, even once a
// later attempt of the same file commits.
import * as path from 'path';
import { lockDataDir } from './dataDirLock';
import { decodeEntries, encodeCommitPayload, encodeDataPayload, encodeImportPayload, FRAME_DATA, FRAME_IMPORT_COMMIT, FRAME_IMPORT_DATA, type LogEntry } from './logRecords';
import type { ProjectRegistry } from './projectRegistry';
import type { SessionStore } from './sessionStore';
import { readFrames, StorageLog, type LogStats, type OpenReport } from './storageLog';

export const LOG_FILE = 'sessions.log';

export interface RecoveryReport extends OpenReport {
  entries: number;
  /** Frames of imports that never committed (a crash mid-import), ignored. */
  uncommittedImportFrames: number;
  /** Projects whose creation entry was in a damaged frame, named again from their id. */
  restoredProjects: number[];
}

export class DurableStore {
  /** SHA-256 of every file whose import committed. */
  private readonly importedFiles = new Set<string>();

  private constructor(
    readonly registry: ProjectRegistry,
    readonly store: SessionStore,
    private readonly log: StorageLog | null,
    private readonly unlock: () => void = () => undefined,
  ) {}

  /** In memory only (no --data): nothing survives a restart. */
  static memory(registry: ProjectRegistry, store: SessionStore): DurableStore {
    return new DurableStore(registry, store, null);
  }

  static open(dataDir: string, registry: ProjectRegistry, store: SessionStore, warn: (line: string) => void = () => undefined): { durable: DurableStore; recovery: RecoveryReport } {
    const unlock = lockDataDir(dataDir);
    try {
      return DurableStore.replay(path.join(dataDir, LOG_FILE), registry, store, unlock, warn);
    } catch (err) {
      unlock();
      throw err;
    }
  }

  private static replay(file: string, registry: ProjectRegistry, store: SessionStore, unlock: () => void, warn: (line: string) => void): { durable: DurableStore; recovery: RecoveryReport } {
    const committed = new Set<string>();
    const files = new Set<string>();
    const { log, report } = StorageLog.open(file, {
      warn,
      visit: (frame) => {
        if (frame.kind !== FRAME_IMPORT_COMMIT) return;
        // Logs written before attempts had ids name the file's hash in `import`.
        const commit = JSON.parse(frame.payload.toString('utf8')) as { import: string; file?: string };
        committed.add(commit.import);
        files.add(commit.file ?? commit.import);
      },
    });
    const durable = new DurableStore(registry, store, log, unlock);
    let entries = 0;
    let uncommittedImportFrames = 0;
    // Second pass over the (now truncated) file: apply data in order.
    const withSessions = new Set<number>();
    const apply = (list: LogEntry[]): void => {
      for (const e of list) if (e.kind === 'session') withSessions.add(e.session.projectId);
      durable.apply(list);
      entries += list.length;
    };
    readFrames(file, (frame) => {
      if (frame.kind === FRAME_DATA) {
        apply(decodeEntries(JSON.parse(frame.payload.toString('utf8'))));
      } else if (frame.kind === FRAME_IMPORT_DATA) {
        const body = JSON.parse(frame.payload.toString('utf8')) as { import: string; entries: unknown };
        if (!committed.has(body.import)) {
          uncommittedImportFrames++;
          return;
        }
        apply(decodeEntries(body.entries));
      }
    });
    for (const f of files) durable.importedFiles.add(f);
    // A damaged frame may have held a project's creation: its later sessions must not become
    // invisible with it. Such a project comes back as `project-ID`, as an envelope would create it.
    const restoredProjects: number[] = [];
    for (const id of withSessions) {
      if (registry.get(id)) continue;
      let slug = `project-${id}`;
      for (let n = 2; registry.bySlugName(slug); n++) slug = `project-${id}-${n}`;
      registry.add({ id, slug, name: slug, platform: null, dateCreated: Math.floor(Date.now() / 1000) });
      restoredProjects.push(id);
    }
    return { durable, recovery: { ...report, entries, uncommittedImportFrames, restoredProjects } };
  }

  /** fsyncs and the frames they carried, since open (null in memory). */
  get logStats(): LogStats | null {
    return this.log?.stats ?? null;
  }

  get persistent(): boolean {
    return this.log !== null;
  }

  /** Makes the entries durable, then visible. Resolves only once they are on disk. */
  async commit(entries: LogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    if (this.log) await this.log.append(FRAME_DATA, encodeDataPayload(entries));
    this.apply(entries);
  }

  /** `attemptId`: unique per import attempt. Applied to memory now; counted after a restart only if committed. */
  async importBatch(attemptId: string, entries: LogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    if (this.log) await this.log.append(FRAME_IMPORT_DATA, encodeImportPayload(attemptId, entries));
    this.apply(entries);
  }

  async commitImport(attemptId: string, fileHash: string, lines: number): Promise<void> {
    // Twice: one damaged frame must not take a whole committed import with it.
    if (this.log) {
      const payload = encodeCommitPayload(attemptId, fileHash, lines);
      await Promise.all([this.log.append(FRAME_IMPORT_COMMIT, payload), this.log.append(FRAME_IMPORT_COMMIT, payload)]);
    }
    this.importedFiles.add(fileHash);
  }

  isImported(fileHash: string): boolean {
    return this.importedFiles.has(fileHash);
  }

  /** Memory only (demo data): regenerated at each start, never logged. */
  apply(entries: LogEntry[]): void {
    for (const e of entries) {
      if (e.kind === 'project') this.registry.add(e.project);
      else if (e.kind === 'release') this.store.applyReleaseChange(e.change);
      else this.store.addRecord(e.session.projectId, e.session.record);
    }
  }

  async close(): Promise<void> {
    await this.log?.close();
    this.unlock();
  }
}

/** What a recovery says in the server's log: where damage was, how much, and what was kept. */
export function recoveryLines(r: RecoveryReport): string[] {
  const lines: string[] = [];
  r.damaged.forEach((d, i) => {
    const isTail = r.truncatedBytes > 0 && i === r.damaged.length - 1;
    lines.push(isTail
      ? `storage log: cut ${d.bytes} bytes of a torn tail at offset ${d.offset} (nothing valid after them${d.savedTo ? `; copy in ${d.savedTo}` : ''})`
      : `storage log: ${d.bytes} damaged bytes at offset ${d.offset} failed their checksum; moved to ${d.savedTo}`);
  });
  if (r.framesAfterDamage > 0) {
    lines.push(`storage log: kept ${r.framesAfterDamage} valid frames after the damage (${r.frames} frames in all); sessions inside damaged bytes are lost`);
  }
  if (r.restoredProjects.length > 0) lines.push(`storage log: projects ${r.restoredProjects.join(', ')} had sessions but lost their creation entry to the damage; named project-ID again`);
  if (r.uncommittedImportFrames > 0) lines.push(`storage log: ignored ${r.uncommittedImportFrames} frames of import attempts that never committed`);
  return lines;
}
