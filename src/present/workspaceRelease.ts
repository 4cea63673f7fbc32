// What a person reads about the workspace's release and what release management recorded
// (deploys, commits), written once for the tree, status bar tooltip, panel and CLI table.

/** How the workspace's release was found, in the order the rules are tried. */
export type MatchKind = 'env' | 'commit' | 'sha' | 'tag' | 'package' | 'ancestor';

export const THIS_WORKSPACE = 'this workspace';
export const NOT_IN_A_RELEASE = 'HEAD is not in any release yet';
export const WORKSPACE_RELEASE = "The workspace's release";

/** `HEAD +3` when HEAD is past the matched commit, else `this workspace`. */
export function workspaceMark(m: { commitsAhead: number | null }): string {
  return m.commitsAhead !== null && m.commitsAhead > 0 ? `HEAD +${m.commitsAhead}` : THIS_WORKSPACE;
}

const HOW: Record<MatchKind, string> = {
  env: 'SENTRY_RELEASE',
  commit: 'HEAD is one of its commits',
  sha: 'named by HEAD\'s SHA',
  tag: 'a tag at HEAD',
  package: 'package.json name@version',
  ancestor: 'nearest released ancestor of HEAD',
};

export function matchedByLabel(kind: MatchKind): string {
  return HOW[kind];
}

export function shortSha(sha: string | null): string {
  return sha === null ? '-' : sha.slice(0, 7);
}

export const NOT_DEPLOYED = 'Not deployed yet';
export const NO_COMMITS = 'No commits recorded';

/** A commit in one line: `abc1234 Fix the login · Jane`. */
export function commitLine(c: { id: string; message: string | null; authorName: string | null }): string {
  const subject = (c.message ?? '').split('\n')[0].trim();
  return [shortSha(c.id), subject].filter((s) => s !== '').join(' ') + (c.authorName ? ` · ${c.authorName}` : '');
}
