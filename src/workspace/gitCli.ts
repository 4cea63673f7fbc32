// GitFacts from the `git` command (the CLI; the extension asks VS Code's git extension instead).
// Not a repository: null. A repository without commits: head null.
// child_process is required on first use: loading it (and net, dgram) would cost every CLI run,
// not only `workspace`.
import type * as ChildProcess from 'child_process';
import { MAX_ANCESTORS, type GitFacts } from './types';

function git(cwd: string, args: string[]): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) => {
    const { execFile } = require('child_process') as typeof ChildProcess;
    execFile('git', args, { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } }, (err, stdout) => {
      resolve({ ok: !err, out: String(stdout) });
    });
  });
}

export async function readGitFacts(cwd: string): Promise<GitFacts | null> {
  const inside = await git(cwd, ['rev-parse', '--is-inside-work-tree']);
  if (!inside.ok || inside.out.trim() !== 'true') return null;
  const head = await git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const branch = await git(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  if (!head.ok) return { head: null, branch: branch.ok ? branch.out.trim() : null, firstParents: [], tags: new Map() };
  const [history, tagRefs] = await Promise.all([
    git(cwd, ['rev-list', '--first-parent', `--max-count=${MAX_ANCESTORS + 1}`, 'HEAD']),
    git(cwd, ['for-each-ref', '--format=%(objectname) %(*objectname) %(refname:strip=2)', 'refs/tags']),
  ]);
  return {
    head: head.out.trim(),
    branch: branch.ok ? branch.out.trim() : null,
    firstParents: history.out.split('\n').filter((l) => l !== ''),
    tags: parseTagRefs(tagRefs.out),
  };
}

/** `objectname peeled name` lines: the peeled object (annotated tags) is the commit. */
export function parseTagRefs(text: string): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]+) ([0-9a-f]*) (.+)$/.exec(line);
    if (!m) continue;
    const commit = m[2] || m[1];
    const list = tags.get(commit);
    if (list) list.push(m[3]);
    else tags.set(commit, [m[3]]);
  }
  return tags;
}
