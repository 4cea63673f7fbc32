// The workspace's release in the views (vscode-free parts): links from git facts and the store's
// snapshot, the tree's marks and order, the status bar's choice and tooltip, the panel's deploys
// and last commit, the webview section; and the first-parent walk over the git extension's log.
import { strict as assert } from 'assert';
import { DEFAULT_THRESHOLDS } from '../../../../src/health/types';
import type { ReleaseRecord } from '../../../../src/api/releaseRecords';
import { buildPanelModel } from '../../../../src/extension/panel/panelModel';
import { readSettings } from '../../../../src/extension/settings';
import { ReleaseHealthStore } from '../../../../src/extension/store/releaseHealthStore';
import { statusBarView } from '../../../../src/extension/statusBar/statusBarText';
import { chooseTrackedRelease } from '../../../../src/extension/statusBar/trackedRelease';
import type { DeploysView, StoreSnapshot } from '../../../../src/extension/store/storeTypes';
import { rootNodes, type MessageNode, type ProjectNode, type ReleaseNode } from '../../../../src/extension/tree/treeModel';
import { firstParentsOf, gitFactsOf, tagsOf } from '../../../../src/extension/workspace/gitApi';
import { knownReleasesOf, primaryLink, treeWorkspaceOf, workspaceLinks, type FolderState } from '../../../../src/extension/workspace/workspaceLinks';
import { renderReleaseRecord } from '../../../../src/webview/releaseRecord';
import type { VElement, VNode } from '../../../../src/webview/vnode';
import { release, scope, snapshot } from '../releaseFixtures';

const sha = (n: number) => n.toString(16).padStart(40, 'a');
const folderFacts = { envRelease: null, packageRelease: null, configuredProject: null };

function record(version: string, over: Partial<ReleaseRecord> = {}): ReleaseRecord {
  return { version, projects: ['web'], dateCreated: 1000, dateReleased: null, commitCount: 0, lastCommit: null, deployCount: 0, lastDeploy: null, ...over };
}

/** web@1.4.0 released at commit 3 (its last commit, and tag v1.4.0); HEAD is commit 5. */
function setting(headAt = 5): { snap: StoreSnapshot; folder: FolderState } {
  const releases = [
    release({ project: 'web', release: 'web@1.5.0-rc', firstSeen: '2026-11-25T00:00:00Z' }),
    release({ project: 'web', release: 'web@1.4.0', firstSeen: '2026-11-20T00:00:00Z', healthStatus: 'warning', sessionsErrored: 12 }),
    release({ project: 'api', release: 'api@9', firstSeen: '2026-11-21T00:00:00Z' }),
  ];
  const records = new Map([
    ['web@1.4.0', record('web@1.4.0', {
      commitCount: 3, deployCount: 2,
      lastCommit: { id: sha(3), message: 'Ship it\n\nbody', dateCreated: '2026-11-19T10:00:00Z', authorName: 'Jane', authorEmail: 'j@x' },
      lastDeploy: { environment: 'production', dateFinished: '2026-11-20T10:00:00Z', dateStarted: null, name: null, url: null },
    })],
  ]);
  const snap = snapshot(releases, { scope: scope({ kind: 'sentry', label: 'local / sentry' }), records });
  const history = Array.from({ length: headAt }, (_, i) => sha(headAt - i));
  return { snap, folder: { name: 'web', git: { head: sha(headAt), branch: 'main', firstParents: history, tags: new Map() }, folder: folderFacts } };
}

describe('extension/workspace: links from the store\'s data', () => {
  it('Sentry\'s recorded last commit makes an ancestor match; HEAD +2', () => {
    const { snap, folder } = setting();
    const [link] = workspaceLinks(snap, [folder], null);
    assert.deepEqual(link.key, { source: 'sentry', project: 'web', release: 'web@1.4.0' });
    assert.deepEqual([link.match.matchedBy, link.match.commitsAhead], ['ancestor', 2]);
    assert.equal(primaryLink([link]), link);
    assert.deepEqual(knownReleasesOf(snap).find((r) => r.version === 'web@1.4.0')?.commits, [sha(3)]);
  });

  it('with the full commit list read, a HEAD inside the release\'s range is matched by commit', () => {
    const { snap } = setting();
    const full = new Map([...snap.records!].map(([v, r]) => [v, v === 'web@1.4.0' ? { ...r, commits: [sha(3), sha(2), sha(1)] } : r]));
    const inside: FolderState = { name: 'web', git: { head: sha(2), branch: null, firstParents: [sha(2), sha(1)], tags: new Map() }, folder: folderFacts };
    const [link] = workspaceLinks({ ...snap, records: full }, [inside], null);
    assert.deepEqual([link.match.release, link.match.matchedBy, link.match.commitsAhead], ['web@1.4.0', 'commit', 0]);
  });

  it('the setting names the project: a release of another project is never picked', () => {
    const { snap, folder } = setting();
    assert.equal(workspaceLinks(snap, [folder], 'api')[0].key, null);
  });

  it('no data yet: no link, no error', () => {
    const { folder } = setting();
    assert.equal(workspaceLinks(null, [folder], null)[0].key, null);
  });
});

describe('extension/workspace: the tree', () => {
  it('marks the workspace\'s release ("HEAD +2"), offers it first, its project first and expanded', () => {
    const { snap, folder } = setting();
    const roots = rootNodes({ status: 'ready', snapshot: snap }, [], treeWorkspaceOf(workspaceLinks(snap, [folder], null)));
    const projects = roots.filter((n): n is ProjectNode => n.kind === 'project');
    assert.deepEqual(projects.map((p) => p.project), ['web', 'api']);
    assert.equal(projects[0].expanded, true);
    const first = projects[0].children[0] as ReleaseNode;
    assert.equal(first.key.release, 'web@1.4.0');
    assert.equal(first.workspace, 'HEAD +2');
    assert.match(first.description, /^HEAD \+2 · /);
    const other = projects[0].children[1] as ReleaseNode;
    assert.equal(other.workspace, null);
  });

  it('HEAD on the released commit: "this workspace"', () => {
    const { snap, folder } = setting(3);
    const roots = rootNodes({ status: 'ready', snapshot: snap }, [], treeWorkspaceOf(workspaceLinks(snap, [folder], null))).filter((n): n is ProjectNode => n.kind === 'project');
    assert.equal((roots[0].children[0] as ReleaseNode).workspace, 'this workspace');
  });

  it('HEAD in no release: said once, plainly (an info message, not an error), above the projects', () => {
    const { snap } = setting();
    const stranger: FolderState = { name: 'x', git: { head: sha(99), branch: null, firstParents: [sha(99)], tags: new Map() }, folder: folderFacts };
    const links = workspaceLinks(snap, [stranger, { ...stranger, name: 'y' }], null);
    const roots = rootNodes({ status: 'ready', snapshot: snap }, [], treeWorkspaceOf(links));
    const messages = roots.filter((n): n is MessageNode => n.kind === 'message' && n.label === 'HEAD is not in any release yet');
    assert.equal(messages.length, 1);
    assert.equal(messages[0].icon, 'info');
    assert.ok(roots.indexOf(messages[0]) < roots.findIndex((n) => n.kind === 'project'));
  });

  it('not a repository, or no commits: nothing said', () => {
    const { snap } = setting();
    const plain: FolderState = { name: 'x', git: null, folder: folderFacts };
    const empty: FolderState = { name: 'y', git: { head: null, branch: 'main', firstParents: [], tags: new Map() }, folder: folderFacts };
    const roots = rootNodes({ status: 'ready', snapshot: snap }, [], treeWorkspaceOf(workspaceLinks(snap, [plain, empty], null)));
    assert.equal(roots.filter((n) => n.kind === 'message' && n.label === 'HEAD is not in any release yet').length, 0);
  });
});

describe('extension/workspace: the status bar', () => {
  const { snap, folder } = setting();
  const releases = snap.overview.releases;
  const mark = { project: 'web', release: 'web@1.4.0', mark: 'HEAD +2' };

  it('tracks the workspace\'s release when releaseHealth.release is empty; a pinned one still wins', () => {
    void folder;
    const t = chooseTrackedRelease(releases, null, [], mark);
    assert.deepEqual(t.kind === 'release' && [t.release.release, t.pinned, t.workspace], ['web@1.4.0', false, 'HEAD +2']);
    const pinned = chooseTrackedRelease(releases, 'api@9', [], mark);
    assert.equal(pinned.kind === 'release' && pinned.release.release, 'api@9');
    const gone = chooseTrackedRelease(releases, null, [], { ...mark, release: 'web@0' });
    assert.equal(gone.kind === 'release' && gone.release.release, 'api@9');
  });

  it('shows web@1.4.0 with HEAD +2 in the tooltip', () => {
    const t = chooseTrackedRelease(releases, null, [], mark);
    const view = statusBarView({ status: 'ready', snapshot: snap }, t, DEFAULT_THRESHOLDS);
    assert.match(view.text, /^\$\([a-z-~]+\) web@1\.4\.0: [\d,]+ errored · 99\.70% crash-free$/);
    assert.match(view.tooltip, /HEAD \+2/);
    const here = statusBarView({ status: 'ready', snapshot: snap }, chooseTrackedRelease(releases, null, [], { ...mark, mark: 'this workspace' }), DEFAULT_THRESHOLDS);
    assert.doesNotMatch(here.tooltip, /HEAD \+/);
    assert.match(here.tooltip, /this workspace/);
  });
});

describe('extension/workspace: the panel', () => {
  const key = { source: 'sentry' as const, project: 'web', release: 'web@1.4.0' };
  const storeWith = (snap: StoreSnapshot, deploys: DeploysView) => ({
    state: { status: 'ready' as const, snapshot: snap },
    snapshot: snap,
    findRelease: () => snap.overview.releases[1],
    deploysOf: () => deploys,
  });

  it('has the deploys (environment, when finished), the last commit and the workspace mark', () => {
    const { snap, folder } = setting();
    const deploys: DeploysView = { status: 'ready', deploys: [
      { environment: 'production', dateFinished: '2026-11-20T10:00:00Z', dateStarted: null, name: 'prod-1', url: null },
      { environment: 'staging', dateFinished: '2026-11-19T10:00:00Z', dateStarted: null, name: null, url: null },
    ] };
    const model = buildPanelModel(key, storeWith(snap, deploys), workspaceLinks(snap, [folder], null));
    assert.deepEqual(model.record?.deploys, { status: 'ready', items: [
      { environment: 'production', dateFinished: '2026-11-20T10:00:00Z', name: 'prod-1' },
      { environment: 'staging', dateFinished: '2026-11-19T10:00:00Z', name: null },
    ] });
    assert.equal(model.record?.lastCommit?.id, sha(3));
    assert.deepEqual(model.workspace, { mark: 'HEAD +2', matchedBy: 'nearest released ancestor of HEAD' });
    const html = text(renderReleaseRecord(model.record, model.workspace)!);
    assert.match(html, /production.*2026-11-20 10:00 UTC.*prod-1.*staging/);
    assert.match(html, /aaaaaaa Ship it · Jane/);
    assert.match(html, /HEAD \+2/);
  });

  it('a release without records (demo, file): no section; loading and errors say so', () => {
    const { snap } = setting();
    const demo = buildPanelModel({ ...key, release: 'web@1.5.0-rc' }, storeWith(snap, { status: 'none' }));
    assert.equal(demo.record, null);
    assert.equal(renderReleaseRecord(demo.record, demo.workspace), null);
    const loading = buildPanelModel(key, storeWith(snap, { status: 'loading' }));
    assert.match(text(renderReleaseRecord(loading.record, null)!), /Loading deploys/);
    const failed = buildPanelModel(key, storeWith(snap, { status: 'error', message: 'Sentry said 500' }));
    assert.match(text(renderReleaseRecord(failed.record, null)!), /Deploys could not be loaded: Sentry said 500/);
  });
});

describe('extension/workspace: the git extension\'s log, walked by first parent', () => {
  it('follows parents[0] through merges, stops at the log\'s end', () => {
    const log = [
      { hash: 'm', parents: ['a2', 'b1'] }, { hash: 'b1', parents: ['a1'] }, { hash: 'a2', parents: ['a1'] }, { hash: 'a1', parents: ['root'] },
    ];
    assert.deepEqual(firstParentsOf('m', log), ['m', 'a2', 'a1', 'root']);
  });

  it('keeps tags, drops branches and tags without a commit', () => {
    const tags = tagsOf([{ type: 2, name: 'v1', commit: 'c1' }, { type: 2, name: 'v1.0', commit: 'c1' }, { type: 0, name: 'main', commit: 'c1' }, { type: 2, name: 'x' }]);
    assert.deepEqual(Object.fromEntries(tags), { c1: ['v1', 'v1.0'] });
  });
});

function text(node: VNode): string {
  return typeof node === 'string' ? node : (node as VElement).children.map(text).join(' ');
}

describe('extension/workspace: the store loads a release\'s deploys on first read', () => {
  it('loading, then ready (listeners hear it); one request per release and fetch; none without records', async () => {
    const { snap } = setting();
    let asked = 0;
    const source = {
      kind: 'sentry' as const,
      load: async () => ({ overview: snap.overview, scope: snap.scope, skipped: null, environments: [], records: [...snap.records!.values()] }),
      loadDeploys: async (_s: unknown, version: string) => {
        asked++;
        return [{ environment: `prod-of-${version}`, dateFinished: null, dateStarted: null, name: null, url: null }];
      },
    };
    const store = new ReleaseHealthStore({
      readSettings: () => readSettings({ get: <T>(k: string) => ({ source: 'sentry', 'sentry.organization': 'o' } as Record<string, unknown>)[k] as T }),
      selectSource: () => ({ source, cacheKey: 'k' }),
      clock: () => 1_000_000,
      log: () => undefined,
    });
    await store.reload();
    const key = { source: 'sentry' as const, project: 'web', release: 'web@1.4.0' };
    let heard = 0;
    store.onDidChange(() => heard++);
    assert.deepEqual(store.deploysOf(key), { status: 'loading' });
    assert.deepEqual(store.deploysOf(key), { status: 'loading' });
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(store.deploysOf(key), { status: 'ready', deploys: [{ environment: 'prod-of-web@1.4.0', dateFinished: null, dateStarted: null, name: null, url: null }] });
    assert.equal(asked, 1);
    assert.equal(heard, 1);
    assert.deepEqual(store.deploysOf({ ...key, release: 'web@1.5.0-rc' }), { status: 'none' });
    store.dispose();
  });
});

describe('extension/workspace: git facts through the git extension\'s repository', () => {
  function repo(head: { commit?: string; name?: string; type: number } | undefined) {
    let logs = 0;
    const r = {
      rootUri: {} as never,
      state: { HEAD: head, refs: [{ type: 2, name: 'v1', commit: 'c1' }], onDidChange: (() => ({ dispose() {} })) as never },
      log: async () => {
        logs++;
        return [{ hash: 'c2', parents: ['c1'] }, { hash: 'c1', parents: [] }];
      },
      logs: () => logs,
    };
    return r;
  }

  it('reads HEAD, branch, first parents and tags; reads the history again only when HEAD moved', async () => {
    const r = repo({ commit: 'c2', name: 'main', type: 0 });
    const first = await gitFactsOf(r);
    assert.deepEqual([first.head, first.branch, first.firstParents, Object.fromEntries(first.tags)], ['c2', 'main', ['c2', 'c1'], { c1: ['v1'] }]);
    await gitFactsOf(r, first);
    assert.equal(r.logs(), 1);
    r.state.HEAD = { commit: 'c1', type: 0 };
    const moved = await gitFactsOf(r, first);
    assert.deepEqual([moved.head, moved.branch, moved.firstParents], ['c1', null, ['c1']]);
    assert.equal(r.logs(), 2);
  });

  it('no commits yet: head null', async () => {
    assert.deepEqual(await gitFactsOf(repo({ name: 'main', type: 0 })), { head: null, branch: 'main', firstParents: [], tags: new Map() });
  });
});
