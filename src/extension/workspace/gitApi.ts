// The part of VS Code's built-in git extension API (`vscode.git`, getAPI(1)) this extension uses,
// typed here as in its git.d.ts, and GitFacts read through it.
import type * as vscode from 'vscode';
import { MAX_ANCESTORS, type GitFacts } from '../../workspace/types';

/** git.d.ts RefType: Head = 0, RemoteHead = 1, Tag = 2. */
export const REF_TYPE_HEAD = 0;
export const REF_TYPE_TAG = 2;

export interface GitRef {
  readonly type: number;
  readonly name?: string;
  readonly commit?: string;
}

export interface GitCommit {
  readonly hash: string;
  readonly parents: string[];
}

export interface GitRepositoryState {
  readonly HEAD: GitRef | undefined;
  readonly refs: GitRef[];
  readonly onDidChange: vscode.Event<void>;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: GitRepositoryState;
  log(options?: { maxEntries?: number }): Promise<GitCommit[]>;
  /** VS Code 1.85+; older hosts only have state.refs. */
  getRefs?(query: { pattern?: string; count?: number }): Promise<GitRef[]>;
}

export interface GitAPI {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: GitRepository[];
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
  readonly onDidCloseRepository: vscode.Event<GitRepository>;
  getRepository(uri: vscode.Uri): GitRepository | null;
}

export interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitAPI;
}

/** Log entries read to walk first parents: merges bring other commits into `git log`. */
const LOG_ENTRIES = 4 * (MAX_ANCESTORS + 1);

/**
 * HEAD, its first-parent history and the tags, through the git extension's repository. The
 * repository's state changes on every working-tree change; the history (the one costly read) is
 * read again only when HEAD moved.
 */
export async function gitFactsOf(repo: GitRepository, previous: GitFacts | null = null): Promise<GitFacts> {
  const head = repo.state.HEAD;
  const branch = head && head.type === REF_TYPE_HEAD && head.name ? head.name : null;
  if (!head?.commit) return { head: null, branch, firstParents: [], tags: new Map() };
  const sameHead = previous !== null && previous.head === head.commit && previous.firstParents.length > 0;
  const [log, refs] = await Promise.all([
    sameHead ? Promise.resolve(null) : repo.log({ maxEntries: LOG_ENTRIES }).catch(() => [] as GitCommit[]),
    repo.getRefs ? repo.getRefs({ pattern: 'refs/tags' }).catch(() => repo.state.refs) : Promise.resolve(repo.state.refs),
  ]);
  const firstParents = log === null ? previous!.firstParents : firstParentsOf(head.commit, log);
  return { head: head.commit, branch, firstParents, tags: tagsOf(refs) };
}

/** Follows parents[0] from HEAD through the log's commits, as `git rev-list --first-parent`. */
export function firstParentsOf(head: string, log: readonly GitCommit[]): string[] {
  const byHash = new Map(log.map((c) => [c.hash, c]));
  const out = [head];
  let at = byHash.get(head);
  while (at && at.parents.length > 0 && out.length <= MAX_ANCESTORS) {
    out.push(at.parents[0]);
    at = byHash.get(at.parents[0]);
  }
  return out;
}

export function tagsOf(refs: readonly GitRef[]): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const r of refs) {
    if (r.type !== REF_TYPE_TAG || !r.name || !r.commit) continue;
    const list = tags.get(r.commit);
    if (list) list.push(r.name);
    else tags.set(r.commit, [r.name]);
  }
  return tags;
}
