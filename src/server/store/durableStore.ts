// Where ingested data goes: the storage log first (fsync'ed), then the in-memory aggregates and
// the project registry. On open, the log is replayed into memory; an import's frames count only
// if its commit frame made it to disk.
import * as path from 'path';
import { lockDataDir } from './dataDirLock';
import { decodeEntries, encodeCommitPayload, encodeDataPayload, encodeImportPayload, FRAME_DATA, FRAME_IMPORT_COMMIT, FRAME_IMPORT_DATA, type LogEntry } from './logRecords';
import type { ProjectRegistry } from './projectRegistry';
import type { SessionStore } from './sessionStore';
import { readFrames, StorageLog, type OpenReport } from './storageLog';

export const LOG_FILE = 'sessions.log';

export interface RecoveryReport extends OpenReport {
  entries: number;
  /** Frames of imports that never committed (a crash mid-import), ignored. */
  uncommittedImportFrames: number;
}

export class DurableStore {
  private readonly imports = new Set<string>();

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

  static open(dataDir: string, registry: ProjectRegistry, store: SessionStore): { durable: DurableStore; recovery: RecoveryReport } {
    const unlock = lockDataDir(dataDir);
    try {
      return DurableStore.replay(path.join(dataDir, LOG_FILE), registry, store, unlock);
    } catch (err) {
      unlock();
      throw err;
    }
  }

  private static replay(file: string, registry: ProjectRegistry, store: SessionStore, unlock: () => void): { durable: DurableStore; recovery: RecoveryReport } {
    const committed = new Set<string>();
    const { log, report } = StorageLog.open(file, (frame) => {
      if (frame.kind === FRAME_IMPORT_COMMIT) committed.add((JSON.parse(frame.payload.toString('utf8')) as { import: string }).import);
    });
    const durable = new DurableStore(registry, store, log, unlock);
    let entries = 0;
    let uncommittedImportFrames = 0;
    // Second pass over the (now truncated) file: apply data in order.
    readFrames(file, (frame) => {
      if (frame.kind === FRAME_DATA) {
        const list = decodeEntries(JSON.parse(frame.payload.toString('utf8')));
        durable.apply(list);
        entries += list.length;
      } else if (frame.kind === FRAME_IMPORT_DATA) {
        const body = JSON.parse(frame.payload.toString('utf8')) as { import: string; entries: unknown };
        if (!committed.has(body.import)) {
          uncommittedImportFrames++;
          return;
        }
        const list = decodeEntries(body.entries);
        durable.apply(list);
        entries += list.length;
      }
    });
    for (const id of committed) durable.imports.add(id);
    return { durable, recovery: { ...report, entries, uncommittedImportFrames } };
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

  async importBatch(importId: string, entries: LogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    if (this.log) await this.log.append(FRAME_IMPORT_DATA, encodeImportPayload(importId, entries));
    this.apply(entries);
  }

  async commitImport(importId: string, lines: number): Promise<void> {
    if (this.log) await this.log.append(FRAME_IMPORT_COMMIT, encodeCommitPayload(importId, lines));
    this.imports.add(importId);
  }

  isImported(importId: string): boolean {
    return this.imports.has(importId);
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
