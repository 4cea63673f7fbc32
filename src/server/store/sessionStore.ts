// Session data aggregated at ingest, per (project, release, environment): hour and day rollups
// (counters + sets + durations) and a 10-second fine level. Queries read these and never the
// raw updates. Users, sessions, releases and environments are interned as integers.
import type { SessionRecord } from '../../raw/sessionLine';
import { aggregateContribution, isEmptyContribution, updateContribution, type Contribution } from '../ingest/contribution';
import { FineLog } from './fineLog';
import { Interner } from './interner';
import { ManagedReleases, type ReleaseChange } from './managedReleases';
import { RollupBucket } from './rollupBucket';

export const HOUR = 3600;
export const DAY = 86400;

/** The stored series of one (project, release, environment). */
export interface SeriesKey {
  projectId: number;
  release: number;
  environment: number;
  hours: Map<number, RollupBucket>;
  days: Map<number, RollupBucket>;
  fine: FineLog;
}

export interface ReleaseInfo {
  /** Sentry-style integer id, in order of creation. */
  id: number;
  version: string;
  /** Earliest `started` of any of its sessions (unix s): the release's dateCreated. */
  firstSeen: number;
  /** Project id -> earliest started there. */
  projects: Map<number, number>;
  environments: Set<string>;
}

export interface StoreCounts {
  updates: number;
  aggregateEntries: number;
  /** Records dropped because their time cannot be stored (before 1970 or after 2106). */
  outOfRange: number;
}

export class SessionStore {
  readonly users = new Interner(false);
  readonly sessions = new Interner(false);
  readonly releaseNames = new Interner();
  readonly environmentNames = new Interner();
  readonly keys: SeriesKey[] = [];
  private readonly keyIndex = new Map<string, SeriesKey>();
  private readonly releases: ReleaseInfo[] = [];
  /** Project id -> earliest started: projects that have session data. */
  private readonly projectFirstSeen = new Map<number, number>();
  readonly counts: StoreCounts = { updates: 0, aggregateEntries: 0, outOfRange: 0 };
  /** Dates, commits and deploys that release management adds. */
  readonly managed = new ManagedReleases();

  addRecord(projectId: number, record: SessionRecord): void {
    if (record.kind === 'update') {
      this.counts.updates++;
      this.add(projectId, record.release, record.environment, updateContribution(record, this.users, this.sessions));
      return;
    }
    for (const entry of record.entries) {
      this.counts.aggregateEntries++;
      this.add(projectId, record.release, record.environment, aggregateContribution(entry, this.users));
    }
  }

  releaseList(): readonly ReleaseInfo[] {
    // A version's slot is filled once it has a session or was created through the API.
    return this.releases.filter((r) => r !== undefined);
  }

  /** A release created or changed through the API: the same release as one seen in sessions. */
  applyReleaseChange(change: ReleaseChange): void {
    const r = this.releaseNames.id(change.version);
    for (const projectId of change.projectIds) this.noteRelease(r, change.version, projectId, change.at, null);
    if (change.projectIds.length === 0 && this.releases[r] === undefined) {
      this.releases[r] = { id: r + 1, version: change.version, firstSeen: change.at, projects: new Map(), environments: new Set() };
    }
    this.managed.apply(change);
  }

  release(version: string): ReleaseInfo | undefined {
    const id = this.releaseNames.lookup(version);
    return id === undefined ? undefined : this.releases[id];
  }

  hasSessions(projectId: number): boolean {
    return this.projectFirstSeen.has(projectId);
  }

  environmentsOf(projectId: number): string[] {
    const out = new Set<string>();
    for (const k of this.keys) if (k.projectId === projectId) out.add(this.environmentNames.name(k.environment) ?? '');
    return Array.from(out).sort();
  }

  knownEnvironment(name: string): boolean {
    return this.environmentNames.lookup(name) !== undefined;
  }

  private add(projectId: number, release: string, environment: string, c: Contribution): void {
    // relay emits no metric for a non-init clean update without a user: nothing to store.
    if (isEmptyContribution(c)) return;
    if (!(c.started >= 0 && c.started < 4294967290)) {
      this.counts.outOfRange++;
      return;
    }
    const key = this.seriesKey(projectId, release, environment, c.started);
    bucket(key.days, Math.floor(c.started / DAY)).add(c);
    bucket(key.hours, Math.floor(c.started / HOUR)).add(c);
    key.fine.add(c);
  }

  private seriesKey(projectId: number, release: string, environment: string, started: number): SeriesKey {
    const r = this.releaseNames.id(release);
    const e = this.environmentNames.id(environment);
    const text = `${projectId}\u0000${r}\u0000${e}`;
    let key = this.keyIndex.get(text);
    if (key === undefined) {
      key = { projectId, release: r, environment: e, hours: new Map(), days: new Map(), fine: new FineLog() };
      this.keyIndex.set(text, key);
      this.keys.push(key);
    }
    this.noteRelease(r, release, projectId, started, environment);
    const p = this.projectFirstSeen.get(projectId);
    if (p === undefined || started < p) this.projectFirstSeen.set(projectId, started);
    return key;
  }

  private noteRelease(r: number, version: string, projectId: number, at: number, environment: string | null): void {
    let info = this.releases[r];
    if (info === undefined) {
      info = { id: r + 1, version, firstSeen: at, projects: new Map(), environments: new Set() };
      this.releases[r] = info;
    }
    if (at < info.firstSeen) info.firstSeen = at;
    const projectSeen = info.projects.get(projectId);
    if (projectSeen === undefined || at < projectSeen) info.projects.set(projectId, at);
    if (environment !== null) info.environments.add(environment);
  }
}

function bucket(map: Map<number, RollupBucket>, index: number): RollupBucket {
  let b = map.get(index);
  if (b === undefined) {
    b = new RollupBucket();
    map.set(index, b);
  }
  return b;
}
