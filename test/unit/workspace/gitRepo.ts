// Real git repositories made in a test: commits, tags (lightweight and annotated), branches.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1', HOME: os.tmpdir(),
};

export class GitRepo {
  private made = 0;

  constructor(readonly dir: string) {}

  static async create(prefix = 'rh-ws-'): Promise<GitRepo> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    const repo = new GitRepo(dir);
    repo.git('init', '-q', '-b', 'main');
    return repo;
  }

  static plainDir(prefix = 'rh-ws-plain-'): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: ENV, encoding: 'utf8' }).trim();
  }

  /** One commit (a file change so histories differ); returns its full SHA. */
  commit(message: string): string {
    // A new file per commit, so branches merge without conflicts.
    const file = `change-${++this.made}.txt`;
    fs.writeFileSync(path.join(this.dir, file), `${message}\n`);
    this.git('add', file);
    this.git('commit', '-q', '-m', message);
    return this.head();
  }

  commits(n: number, prefix = 'c'): string[] {
    return Array.from({ length: n }, (_, i) => this.commit(`${prefix}${i + 1}`));
  }

  head(): string {
    return this.git('rev-parse', 'HEAD');
  }

  tag(name: string, annotated = false): void {
    if (annotated) this.git('tag', '-a', name, '-m', name);
    else this.git('tag', name);
  }

  write(file: string, text: string): void {
    fs.writeFileSync(path.join(this.dir, file), text);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
