// Follows the workspace folders' git HEAD (through VS Code's git extension, `vscode.git`
// getAPI(1)) and links each folder to its release in the store's data. A HEAD, branch or tag
// change re-reads that folder's git facts and re-links within a second, without fetching data;
// a store change re-links against the new data without touching git.
import * as vscode from 'vscode';
import { readGitFacts } from '../../workspace/gitCli';
import { readFolderFacts } from '../../workspace/readFolder';
import type { GitFacts } from '../../workspace/types';
import type { ReleaseHealthSettings } from '../settings';
import { Listeners } from '../store/listeners';
import type { ReleaseHealthStoreReader } from '../store/storeTypes';
import { gitFactsOf, type GitAPI, type GitExtension, type GitRepository } from './gitApi';
import { primaryLink, workspaceLinks, type FolderState, type WorkspaceLink } from './workspaceLinks';

/** Git fires several state changes for one checkout; read once they settle. */
const SETTLE_MS = 250;

export interface WorkspaceReleaseReader {
  readonly links: readonly WorkspaceLink[];
  primary(): WorkspaceLink | null;
  onDidChange(listener: () => void): { dispose(): void };
}

export class WorkspaceReleaseTracker implements WorkspaceReleaseReader, vscode.Disposable {
  private folders = new Map<string, FolderState>();
  private current: WorkspaceLink[] = [];
  private signature = '[]';
  private readonly listeners = new Listeners();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly repoSubscriptions = new Map<string, vscode.Disposable>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private git: GitAPI | null = null;
  private disposed = false;
  private reading: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: ReleaseHealthStoreReader,
    private readonly settings: () => ReleaseHealthSettings,
    private readonly log: (message: string) => void,
  ) {
    const sub = store.onDidChange(() => this.relink());
    this.disposables.push({ dispose: () => sub.dispose() });
    this.disposables.push(vscode.workspace.onDidChangeWorkspaceFolders(() => this.readAll()));
    const files = vscode.workspace.createFileSystemWatcher('**/{.env,.sentryclirc,package.json}');
    const onFile = (uri: vscode.Uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder && uri.fsPath.startsWith(folder.uri.fsPath) && uri.fsPath.split(/[\\/]/).length === folder.uri.fsPath.split(/[\\/]/).length + 1) this.schedule(folder);
    };
    this.disposables.push(files, files.onDidChange(onFile), files.onDidCreate(onFile), files.onDidDelete(onFile));
    this.reading = this.start();
  }

  get links(): readonly WorkspaceLink[] {
    return this.current;
  }

  primary(): WorkspaceLink | null {
    return primaryLink(this.current);
  }

  onDidChange(listener: () => void): { dispose(): void } {
    return this.listeners.add(listener);
  }

  /** Resolves once the folders have been read (tests, and the first status bar text). */
  whenRead(): Promise<void> {
    return this.reading;
  }

  /** The project setting changed: re-link without reading anything. */
  relink(): void {
    if (this.disposed) return;
    const links = workspaceLinks(this.store.snapshot, Array.from(this.folders.values()), this.settings().workspaceProject);
    const signature = JSON.stringify(links.map((l) => [l.folder, l.match, l.key]));
    if (signature === this.signature) return;
    this.current = links;
    this.signature = signature;
    for (const l of links) {
      const m = l.match;
      this.log(m.release === null
        ? `Workspace ${l.folder}: ${l.git === null ? 'not a git repository' : m.head === null ? 'no commits yet' : `HEAD ${m.head.slice(0, 7)} is not in any release yet`}`
        : `Workspace ${l.folder}: HEAD ${m.head?.slice(0, 7) ?? '-'} → ${m.project} ${m.release} (${m.matchedBy}${m.commitsAhead ? `, ${m.commitsAhead} commits ahead` : ''})`);
    }
    this.listeners.fire((err) => this.log(`A workspace listener failed: ${(err as Error)?.stack ?? err}`));
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.repoSubscriptions.values()) d.dispose();
    for (const d of this.disposables) d.dispose();
    this.listeners.clear();
  }

  private async start(): Promise<void> {
    this.git = await gitApi(this.log);
    if (this.git) {
      const git = this.git;
      this.disposables.push(
        git.onDidOpenRepository(() => this.readAll()),
        git.onDidCloseRepository(() => this.readAll()),
        git.onDidChangeState(() => this.readAll()),
      );
    } else {
      // No git extension: watch git's own files for HEAD, branch and tag changes.
      const refs = vscode.workspace.createFileSystemWatcher('**/.git/{HEAD,packed-refs,refs/**}');
      const onRef = (uri: vscode.Uri) => {
        const folder = vscode.workspace.getWorkspaceFolder(uri);
        if (folder) this.schedule(folder);
      };
      this.disposables.push(refs, refs.onDidChange(onRef), refs.onDidCreate(onRef), refs.onDidDelete(onRef));
    }
    await this.readAll();
  }

  private async readAll(): Promise<void> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const next = new Map<string, FolderState>();
    await Promise.all(folders.map(async (f) => {
      next.set(f.uri.toString(), await this.readFolder(f));
    }));
    if (this.disposed) return;
    // Keep workspace order.
    this.folders = new Map(folders.filter((f) => next.has(f.uri.toString())).map((f) => [f.uri.toString(), next.get(f.uri.toString())!]));
    this.relink();
  }

  private schedule(folder: vscode.WorkspaceFolder): void {
    const id = folder.uri.toString();
    clearTimeout(this.timers.get(id));
    this.timers.set(id, setTimeout(() => {
      this.timers.delete(id);
      void this.readFolder(folder).then((state) => {
        if (this.disposed || !this.folders.has(id)) return;
        this.folders.set(id, state);
        this.relink();
      });
    }, SETTLE_MS));
  }

  private async readFolder(folder: vscode.WorkspaceFolder): Promise<FolderState> {
    const [git, facts] = await Promise.all([
      this.gitFacts(folder).catch((err) => {
        this.log(`Workspace ${folder.name}: could not read git: ${(err as Error)?.message ?? err}`);
        return null;
      }),
      readFolderFacts(folder.uri.fsPath, process.env),
    ]);
    return { name: folder.name, git, folder: facts };
  }

  private async gitFacts(folder: vscode.WorkspaceFolder): Promise<GitFacts | null> {
    if (!this.git) return readGitFacts(folder.uri.fsPath);
    if (this.git.state !== 'initialized') return null;
    const repo = this.git.getRepository(folder.uri);
    if (!repo) return null;
    this.watch(folder, repo);
    return gitFactsOf(repo, this.folders.get(folder.uri.toString())?.git ?? null);
  }

  /** HEAD moves, branch switches, new tags: the repository's state changes. */
  private watch(folder: vscode.WorkspaceFolder, repo: GitRepository): void {
    const id = folder.uri.toString();
    const key = `${id}|${repo.rootUri.toString()}`;
    if (this.repoSubscriptions.has(key)) return;
    for (const [k, d] of this.repoSubscriptions) {
      if (k.startsWith(`${id}|`)) {
        d.dispose();
        this.repoSubscriptions.delete(k);
      }
    }
    this.repoSubscriptions.set(key, repo.state.onDidChange(() => this.schedule(folder)));
  }
}

/** The built-in git extension's API, or null (disabled, or not in this host): then `git` itself. */
async function gitApi(log: (message: string) => void): Promise<GitAPI | null> {
  try {
    const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!ext) return null;
    const exports = ext.isActive ? ext.exports : await ext.activate();
    if (!exports?.enabled) return null;
    const api = exports.getAPI(1);
    if (api.state !== 'initialized') {
      await new Promise<void>((resolve) => {
        const sub = api.onDidChangeState((s) => {
          if (s === 'initialized') {
            sub.dispose();
            resolve();
          }
        });
        setTimeout(() => {
          sub.dispose();
          resolve();
        }, 10_000);
      });
    }
    return api;
  } catch (err) {
    log(`The git extension is not available (${(err as Error)?.message ?? err}); reading git directly.`);
    return null;
  }
}
