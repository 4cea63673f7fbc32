// The workspace's release, from git facts, folder facts and the releases in the data. Pure: no
// vscode, no I/O. Rules in order, the first that exists in the data wins:
//   1 env      SENTRY_RELEASE (environment, .env, .sentryclirc)
//   2 commit   a release whose recorded commits include HEAD; sha: version is HEAD's full/short SHA
//   3 tag      a tag at HEAD: v1.4.0 matches 1.4.0, v1.4.0, <any>@1.4.0, <any>@v1.4.0
//   4 package  package.json name@version
//   5 ancestor the first commit of HEAD's first-parent history matching 2 or 3
import { MAX_ANCESTORS, type FolderFacts, type GitFacts, type KnownRelease, type WorkspaceMatch } from './types';

export interface ResolveInput {
  git: GitFacts | null;
  folder: FolderFacts;
  releases: readonly KnownRelease[];
  /** The folder's project by setting; null: the only project, else whichever project matches. */
  project: string | null;
  /** Every project in the data (a single one is the folder's project). */
  projects: readonly string[];
}

const SHORT_SHA = /^[0-9a-f]{7,40}$/;

export function resolveWorkspaceRelease(input: ResolveInput): WorkspaceMatch {
  const head = input.git?.head ?? null;
  const none: WorkspaceMatch = { release: null, project: null, matchedBy: null, head, commitsAhead: null, ancestor: null };
  const project = folderProject(input);
  const candidates = project === null ? input.releases : input.releases.filter((r) => r.project === project);
  if (candidates.length === 0) return none;
  const found = (r: KnownRelease, matchedBy: WorkspaceMatch['matchedBy'], commitsAhead: number | null): WorkspaceMatch =>
    ({ release: r.version, project: r.project, matchedBy, head, commitsAhead, ancestor: null });

  const env = input.folder.envRelease;
  if (env) {
    const r = oldest(candidates.filter((c) => c.version === env.value));
    if (r) return found(r, 'env', head === null ? null : commitsAheadOf(r, input.git!));
  }
  if (head !== null && input.git) {
    const index = new ReleaseIndex(candidates);
    const atHead = index.atCommit(head, input.git.tags.get(head) ?? []);
    if (atHead) return found(atHead.release, atHead.by, 0);
    if (input.folder.packageRelease) {
      const r = oldest(candidates.filter((c) => c.version === input.folder.packageRelease));
      if (r) return found(r, 'package', commitsAheadOf(r, input.git));
    }
    const history = input.git.firstParents;
    const limit = Math.min(history.length, MAX_ANCESTORS + 1);
    for (let i = 1; i < limit; i++) {
      const m = index.atCommit(history[i], input.git.tags.get(history[i]) ?? []);
      if (m) return { ...found(m.release, 'ancestor', i), ancestor: { commit: history[i], by: m.by } };
    }
    return none;
  }
  if (input.folder.packageRelease) {
    const r = oldest(candidates.filter((c) => c.version === input.folder.packageRelease));
    if (r) return found(r, 'package', null);
  }
  return none;
}

/** The setting, else .sentryclirc/SENTRY_PROJECT when it is in the data, else the only project. */
function folderProject(input: ResolveInput): string | null {
  if (input.project) return input.project;
  const configured = input.folder.configuredProject;
  if (configured && input.projects.includes(configured)) return configured;
  return input.projects.length === 1 ? input.projects[0] : null;
}

/** For env/package matches: how far HEAD is past the release's newest recorded commit, if known. */
function commitsAheadOf(r: KnownRelease, git: GitFacts): number | null {
  if (r.commits.length === 0) return null;
  const commits = new Set(r.commits);
  const i = git.firstParents.findIndex((c) => commits.has(c));
  return i < 0 ? null : i;
}

function oldest(list: readonly KnownRelease[]): KnownRelease | undefined {
  let best: KnownRelease | undefined;
  for (const r of list) if (best === undefined || (r.dateCreated ?? Infinity) < (best.dateCreated ?? Infinity)) best = r;
  return best;
}

/** Tag `v1.4.0` or `1.4.0` -> `1.4.0`: what a version must end with after `@` or `@v`. */
export function tagCore(tag: string): string {
  return tag.replace(/^v(?=\d)/, '');
}

export function tagMatchesVersion(tag: string, version: string): boolean {
  if (version === tag) return true;
  const core = tagCore(tag);
  if (core === '') return false;
  return version === core || version === `v${core}` || version.endsWith(`@${core}`) || version.endsWith(`@v${core}`);
}

/** The releases looked up by commit and by SHA-like version, built once per resolve. */
class ReleaseIndex {
  private readonly byCommit = new Map<string, KnownRelease[]>();
  private readonly shaVersions: KnownRelease[];

  constructor(private readonly releases: readonly KnownRelease[]) {
    for (const r of releases) {
      for (const c of r.commits) {
        const key = c.toLowerCase();
        const list = this.byCommit.get(key);
        if (list) list.push(r);
        else this.byCommit.set(key, [r]);
      }
    }
    this.shaVersions = releases.filter((r) => SHORT_SHA.test(r.version.toLowerCase()));
  }

  atCommit(sha: string, tags: readonly string[]): { release: KnownRelease; by: 'commit' | 'sha' | 'tag' } | null {
    const byCommit = oldest(this.byCommit.get(sha.toLowerCase()) ?? []);
    if (byCommit) return { release: byCommit, by: 'commit' };
    const bySha = oldest(this.shaVersions.filter((r) => sha.toLowerCase().startsWith(r.version.toLowerCase())));
    if (bySha) return { release: bySha, by: 'sha' };
    for (const tag of [...tags].sort()) {
      // An exact version beats a suffix match (web@1.4.0 and api@1.4.0 with tag web@1.4.0).
      const exact = oldest(this.releases.filter((r) => r.version === tag));
      const r = exact ?? oldest(this.releases.filter((c) => tagMatchesVersion(tag, c.version)));
      if (r) return { release: r, by: 'tag' };
    }
    return null;
  }
}
