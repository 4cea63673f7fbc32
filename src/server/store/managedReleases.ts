// What release management adds to a release (sentry-cli `releases new/set-commits/finalize`,
// `deploys new`): dates, ref, url, commits and deploys, per version. A release is one release
// whether it was first seen in session data or created through the API: both share the session
// store's ReleaseInfo (id, projects); this holds the rest. Changes arrive as ReleaseChange records,
// logged like sessions so they survive a restart.

/** A commit as set-commits records it. Times are unix seconds. */
export interface ReleaseCommit {
  id: string;
  repository: string | null;
  message: string | null;
  authorName: string | null;
  authorEmail: string | null;
  timestamp: number | null;
}

export interface ReleaseDeploy {
  id: number;
  environment: string;
  name: string | null;
  url: string | null;
  dateStarted: number | null;
  dateFinished: number;
}

/** One logged change to a release. `at`: when it was made (unix s). */
export interface ReleaseChange {
  version: string;
  projectIds: number[];
  at: number;
  set: {
    dateStarted?: number | null;
    dateReleased?: number | null;
    ref?: string | null;
    url?: string | null;
    /** Replaces the recorded commits, newest first (as Sentry's set_commits does). */
    commits?: ReleaseCommit[];
  } | null;
  deploy: ReleaseDeploy | null;
}

export interface ReleaseMeta {
  /** When the API first created it (unix s); null when only session data made it. */
  dateCreated: number | null;
  dateStarted: number | null;
  dateReleased: number | null;
  ref: string | null;
  url: string | null;
  commits: ReleaseCommit[];
  /** Oldest first. */
  deploys: ReleaseDeploy[];
}

export interface Repository {
  id: number;
  name: string;
  dateCreated: number;
}

export class ManagedReleases {
  private readonly meta = new Map<string, ReleaseMeta>();
  private readonly repos = new Map<string, Repository>();
  private lastDeployId = 0;

  get(version: string): ReleaseMeta | undefined {
    return this.meta.get(version);
  }

  repositories(): Repository[] {
    return Array.from(this.repos.values());
  }

  /** Reserves a deploy id (two deploys posted at once get different ones). */
  nextDeployId(): number {
    return ++this.lastDeployId;
  }

  apply(change: ReleaseChange): void {
    let m = this.meta.get(change.version);
    if (m === undefined) {
      m = { dateCreated: change.at, dateStarted: null, dateReleased: null, ref: null, url: null, commits: [], deploys: [] };
      this.meta.set(change.version, m);
    }
    const s = change.set;
    if (s) {
      if (s.dateStarted !== undefined) m.dateStarted = s.dateStarted;
      if (s.dateReleased !== undefined) m.dateReleased = s.dateReleased;
      if (s.ref !== undefined) m.ref = s.ref;
      if (s.url !== undefined) m.url = s.url;
      if (s.commits !== undefined) {
        m.commits = s.commits;
        for (const c of s.commits) {
          if (c.repository !== null && !this.repos.has(c.repository)) {
            this.repos.set(c.repository, { id: this.repos.size + 1, name: c.repository, dateCreated: change.at });
          }
        }
      }
    }
    if (change.deploy) {
      m.deploys.push(change.deploy);
      this.lastDeployId = Math.max(this.lastDeployId, change.deploy.id);
    }
  }
}
