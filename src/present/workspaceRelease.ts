// What a person reads about the workspace's release and what release management recorded
// (deploys, commits), written once for the tree, status bar tooltip, panel and CLI table.
import { t } from './localize';

/** How the workspace's release was found, in the order the rules are tried. */
export type MatchKind = 'env' | 'commit' | 'sha' | 'tag' | 'package' | 'ancestor';

export function thisWorkspace(): string {
  return t('this workspace');
}

export function notInARelease(): string {
  return t('HEAD is not in any release yet');
}

export function workspaceReleaseLabel(): string {
  return t("The workspace's release");
}

/** `HEAD +3` when HEAD is past the matched commit, else `this workspace`. */
export function workspaceMark(m: { commitsAhead: number | null }): string {
  return m.commitsAhead !== null && m.commitsAhead > 0 ? `HEAD +${m.commitsAhead}` : thisWorkspace();
}

export function matchedByLabel(kind: MatchKind): string {
  switch (kind) {
    case 'env':
      return 'SENTRY_RELEASE';
    case 'commit':
      return t('HEAD is one of its commits');
    case 'sha':
      return t("named by HEAD's SHA");
    case 'tag':
      return t('a tag at HEAD');
    case 'package':
      return t('package.json name@version');
    case 'ancestor':
      return t('nearest released ancestor of HEAD');
  }
}

export function shortSha(sha: string | null): string {
  return sha === null ? '-' : sha.slice(0, 7);
}

export function notDeployed(): string {
  return t('Not deployed yet');
}

export function noCommits(): string {
  return t('No commits recorded');
}

/** A commit in one line: `abc1234 Fix the login · Jane`. */
export function commitLine(c: { id: string; message: string | null; authorName: string | null }): string {
  const subject = (c.message ?? '').split('\n')[0].trim();
  return [shortSha(c.id), subject].filter((s) => s !== '').join(' ') + (c.authorName ? ` · ${c.authorName}` : '');
}
