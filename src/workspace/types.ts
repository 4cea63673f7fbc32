// What the workspace's release is made of: facts read from git and the folder, the releases in
// the data, and the answer. Shared by the CLI (git itself) and the extension (vscode.git).
import type { UnixSeconds } from '../health/types';

import type { MatchKind } from '../present/workspaceRelease';

export type { MatchKind };

/** HEAD and its history, as git tells them. `head` null: a repository without commits. */
export interface GitFacts {
  /** Full SHA of HEAD, or null before the first commit. */
  head: string | null;
  /** Branch HEAD is on; null when detached. */
  branch: string | null;
  /** HEAD's first-parent history, HEAD first, at most MAX_ANCESTORS + 1 commits. */
  firstParents: string[];
  /** Commit SHA -> tag names pointing at it (annotated tags peeled to their commit). */
  tags: ReadonlyMap<string, readonly string[]>;
}

/** What the folder says outside git. */
export interface FolderFacts {
  /** SENTRY_RELEASE from the environment, `.env` or `.sentryclirc`, and where it came from. */
  envRelease: { value: string; from: string } | null;
  /** `name@version` from package.json. */
  packageRelease: string | null;
  /** Project slug from `.sentryclirc` `[defaults] project` or SENTRY_PROJECT. */
  configuredProject: string | null;
}

/** One release in the data, as far as the resolver needs it. */
export interface KnownRelease {
  project: string;
  version: string;
  /** When the release was created; orders several releases holding the same commit. */
  dateCreated: UnixSeconds | null;
  /** Commit SHAs recorded with the release (set-commits); empty when none or unknown. */
  commits: readonly string[];
}

export interface WorkspaceMatch {
  release: string | null;
  project: string | null;
  matchedBy: MatchKind | null;
  /** Full SHA of HEAD; null when not a repository or no commits. */
  head: string | null;
  /** Commits HEAD is past the matched commit: 0 when HEAD itself is in the release. */
  commitsAhead: number | null;
  /** For `ancestor`: the commit that matched and by which rule. */
  ancestor: { commit: string; by: 'commit' | 'sha' | 'tag' } | null;
}

/** First-parent commits walked looking for a released ancestor. */
export const MAX_ANCESTORS = 1000;
