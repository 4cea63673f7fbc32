// The workspace folders' releases in the store's data (pure): the releases the resolver may pick
// (the overview's, with Sentry's recorded last commits), and one link per folder.
import type { FolderFacts, GitFacts, KnownRelease, WorkspaceMatch } from '../../workspace/types';
import { resolveWorkspaceRelease } from '../../workspace/resolveWorkspaceRelease';
import type { ReleaseKey, StoreSnapshot } from '../store/storeTypes';
import type { TreeWorkspace } from '../tree/treeModel';
import { shortSha, workspaceMark } from '../../present/workspaceRelease';

export interface FolderState {
  /** Folder name, for tooltips. */
  name: string;
  /** null: not a git repository (or git is unavailable). */
  git: GitFacts | null;
  folder: FolderFacts;
}

export interface WorkspaceLink {
  folder: string;
  /** null: the folder is not a git repository. */
  git: GitFacts | null;
  match: WorkspaceMatch;
  /** The matched release in the store's terms; null when nothing matched. */
  key: ReleaseKey | null;
}

export function knownReleasesOf(snapshot: StoreSnapshot): KnownRelease[] {
  return snapshot.overview.releases.map((r) => {
    const record = snapshot.records?.get(r.release);
    const firstSeen = r.firstSeen === null ? NaN : Date.parse(r.firstSeen) / 1000;
    return {
      project: r.project,
      version: r.release,
      dateCreated: record?.dateCreated ?? (Number.isFinite(firstSeen) ? firstSeen : null),
      commits: record?.commits ?? (record?.lastCommit ? [record.lastCommit.id] : []),
    };
  });
}

export function workspaceLinks(snapshot: StoreSnapshot | null, folders: readonly FolderState[], project: string | null): WorkspaceLink[] {
  const releases = snapshot ? knownReleasesOf(snapshot) : [];
  const projects = Array.from(new Set(releases.map((r) => r.project)));
  return folders.map((f) => {
    const match = resolveWorkspaceRelease({ git: f.git, folder: f.folder, releases, project, projects });
    const key = snapshot && match.release !== null && match.project !== null
      ? { source: snapshot.scope.kind, project: match.project, release: match.release }
      : null;
    return { folder: f.name, git: f.git, match, key };
  });
}

/** The first folder's matched release (the status bar follows it). */
export function primaryLink(links: readonly WorkspaceLink[]): WorkspaceLink | null {
  return links.find((l) => l.key !== null) ?? null;
}

/** What the status bar and the release watch follow when nothing is pinned: the first folder's release. */
export function workspaceTracked(reader: { primary(): WorkspaceLink | null } | null): { project: string; release: string; mark: string } | null {
  const link = reader?.primary() ?? null;
  return link?.key ? { project: link.key.project, release: link.key.release, mark: workspaceMark(link.match) } : null;
}

/** "HEAD is not in any release yet": some folder is a repository with commits and none matched. */
export function headInNoRelease(links: readonly WorkspaceLink[]): boolean {
  return links.length > 0 && links.every((l) => l.key === null) && links.some((l) => l.git?.head);
}

/** What the tree marks: each matched release once, and whether to say HEAD is in none. */
export function treeWorkspaceOf(links: readonly WorkspaceLink[]): TreeWorkspace {
  const marks: TreeWorkspace['marks'] = [];
  for (const l of links) {
    if (l.key === null || marks.some((m) => m.project === l.key!.project && m.release === l.key!.release)) continue;
    marks.push({ project: l.key.project, release: l.key.release, mark: workspaceMark(l.match) });
  }
  const unmatched = links.find((l) => l.key === null && l.git?.head);
  return { marks, notInRelease: headInNoRelease(links), head: unmatched?.git?.head ? shortSha(unmatched.git.head) : null };
}
