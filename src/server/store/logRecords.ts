// What the storage log's frames contain: a JSON array of entries, each a compact array.
//   ["p", id, slug, name, platform|null, dateCreated]           a project was created
//   ["u", projectId, release, environment, started, sid|null, did|null, init 0|1, status,
//         errors, duration|null, abnormalMechanism|null]          a session update
//   ["a", projectId, release, environment, [[started, did|null, exited, errored, abnormal,
//         crashed, unhandled], ...]]                              a session aggregate
//   ["r", version, [projectId...], at, set|null, deploy|null]  a release created or changed
//         through the API (managedReleases.ts: set holds dates/ref/url/commits, deploy one deploy)
// Frames of kind IMPORT_DATA carry an import attempt's records and count only once the
// IMPORT_COMMIT frame with the same attempt id follows, so a crash mid-import never leaves half
// of it, and a retried import never counts the killed attempt's frames.
import type { SessionStatus } from '../../health/types';
import type { SessionAggregateRecord, SessionRecord, SessionUpdateRecord } from '../../raw/sessionLine';
import type { ReleaseChange } from './managedReleases';
import type { ProjectInfo } from './projectRegistry';

export const FRAME_DATA = 1;
export const FRAME_IMPORT_DATA = 2;
export const FRAME_IMPORT_COMMIT = 3;

export interface StoredSession {
  projectId: number;
  record: SessionRecord;
}

export type LogEntry =
  | { kind: 'project'; project: ProjectInfo }
  | { kind: 'session'; session: StoredSession }
  | { kind: 'release'; change: ReleaseChange };

export function encodeEntries(entries: LogEntry[]): unknown[] {
  return entries.map((e) => {
    if (e.kind === 'project') {
      const p = e.project;
      return ['p', p.id, p.slug, p.name, p.platform, p.dateCreated];
    }
    if (e.kind === 'release') {
      const c = e.change;
      return ['r', c.version, c.projectIds, c.at, c.set, c.deploy];
    }
    const { projectId, record: r } = e.session;
    if (r.kind === 'update') {
      return ['u', projectId, r.release, r.environment, r.started, r.sid, r.did, r.init ? 1 : 0, r.status, r.errors, r.duration, r.abnormalMechanism];
    }
    return ['a', projectId, r.release, r.environment, r.entries.map((x) => [x.started, x.did, x.exited, x.errored, x.abnormal, x.crashed, x.unhandled])];
  });
}

/** Data frame payload: `[entries...]` (as text: the log encodes it straight into the frame). */
export function encodeDataPayload(entries: LogEntry[]): string {
  return JSON.stringify(encodeEntries(entries));
}

/** Import data payload: `{"import": id, "entries": [...]}`. */
export function encodeImportPayload(importId: string, entries: LogEntry[]): Buffer {
  return Buffer.from(JSON.stringify({ import: importId, entries: encodeEntries(entries) }), 'utf8');
}

/** Import commit payload: `{"import": attemptId, "file": sha256, "lines": n}`. */
export function encodeCommitPayload(attemptId: string, fileHash: string, lines: number): Buffer {
  return Buffer.from(JSON.stringify({ import: attemptId, file: fileHash, lines }), 'utf8');
}

export function decodeEntries(raw: unknown): LogEntry[] {
  if (!Array.isArray(raw)) throw new Error('log frame is not a list');
  return raw.map(decodeEntry);
}

function decodeEntry(a: unknown): LogEntry {
  if (!Array.isArray(a)) throw new Error('log entry is not a list');
  switch (a[0]) {
    case 'p':
      return { kind: 'project', project: { id: a[1], slug: a[2], name: a[3], platform: a[4], dateCreated: a[5] } };
    case 'r':
      return { kind: 'release', change: { version: a[1], projectIds: a[2], at: a[3], set: a[4], deploy: a[5] } };
    case 'u': {
      const record: SessionUpdateRecord = {
        kind: 'update', project: null, release: a[2], environment: a[3], started: a[4], sid: a[5], did: a[6],
        init: a[7] === 1, status: a[8] as SessionStatus, errors: a[9], duration: a[10], abnormalMechanism: a[11],
      };
      return { kind: 'session', session: { projectId: a[1], record } };
    }
    case 'a': {
      const record: SessionAggregateRecord = {
        kind: 'aggregate', project: null, release: a[2], environment: a[3],
        entries: (a[4] as unknown[][]).map((x) => ({
          started: x[0] as number, did: x[1] as string | null, exited: x[2] as number, errored: x[3] as number,
          abnormal: x[4] as number, crashed: x[5] as number, unhandled: x[6] as number,
        })),
      };
      return { kind: 'session', session: { projectId: a[1], record } };
    }
    default:
      throw new Error(`unknown log entry ${JSON.stringify(a[0])}`);
  }
}
