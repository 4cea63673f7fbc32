import { strict as assert } from 'assert';
import { nodeId } from '../../../src/extension/tree/nodeIds';
import { diffTree } from '../../../src/extension/tree/treeDiff';
import { figureNodes, rootNodes, type ProjectNode, type ReleaseNode, type TreeNode } from '../../../src/extension/tree/treeModel';
import { viewDescription } from '../../../src/extension/tree/viewDescription';
import type { StoreState } from '../../../src/extension/store/storeTypes';
import { release, scope, snapshot } from './releaseFixtures';

const ready = (releases = [release()], over = {}): StoreState => ({ status: 'ready', snapshot: snapshot(releases, over) });
const SCOPE_ID = nodeId.message('scope');
/** The roots below the scope row (which the scope tests check on their own). */
const rootsOf = (state: StoreState, projects: string[]) => rootNodes(state, projects).filter((n) => n.id !== SCOPE_ID);
const labels = (nodes: TreeNode[]) => nodes.map((n) => ('label' in n ? n.label : n.kind === 'project' ? n.project : n.id));

describe('extension/tree: the release tree model', () => {
  it('is empty while unconfigured (the welcome view shows)', () => {
    assert.deepEqual(rootsOf({ status: 'unconfigured' }, []), []);
  });

  it('shows a loading message first, then keeps the previous data while reloading', () => {
    const loading = rootsOf({ status: 'loading', previous: null }, []);
    assert.equal(loading.length, 1);
    assert.equal(loading[0].kind === 'message' && loading[0].icon, 'loading');
    const reloading = rootsOf({ status: 'loading', previous: snapshot([release()]) }, []);
    assert.equal(reloading[0].kind, 'project');
  });

  it('projects at the root, expanded when there is only one', () => {
    const one = rootsOf(ready(), []) as ProjectNode[];
    assert.deepEqual([one.length, one[0].expanded], [1, true]);
    const two = rootsOf(ready([release(), release({ project: 'web', release: 'web@1' })]), []) as ProjectNode[];
    assert.deepEqual(two.map((p) => [p.project, p.expanded]), [['app', false], ['web', false]]);
  });

  it('configured projects come first, in their order', () => {
    const nodes = rootsOf(ready([release({ project: 'a' }), release({ project: 'b' }), release({ project: 'c' })]), ['c', 'a']) as ProjectNode[];
    assert.deepEqual(nodes.map((p) => p.project), ['c', 'a', 'b']);
  });

  it('releases newest first by first seen; those without health data in a group at the end', () => {
    const [p] = rootsOf(
      ready([
        release({ release: 'old', firstSeen: '2026-10-01T00:00:00Z' }),
        release({ release: 'new', firstSeen: '2026-11-25T00:00:00Z' }),
        release({ release: 'gone', hasHealthData: false, firstSeen: '2026-01-01T00:00:00Z' }),
        release({ release: 'mid', firstSeen: '2026-11-01T00:00:00Z' }),
      ]),
      [],
    ) as ProjectNode[];
    assert.deepEqual(labels(p.children), ['new', 'mid', 'old', 'No health data (90 days)']);
    const group = p.children[3];
    assert.equal(group.kind, 'noHealthData');
    if (group.kind === 'noHealthData') assert.deepEqual(labels(group.children), ['gone']);
    assert.equal((p.children[0] as ReleaseNode).description, '99.70% crash-free');
  });

  it('ids are stable, kind-tagged JSON: no release name collides with another node', () => {
    const [p] = rootsOf(ready([release({ release: '"],["project' })]), []) as ProjectNode[];
    const r = p.children[0] as ReleaseNode;
    assert.equal(p.id, nodeId.project('demo', 'app'));
    assert.equal(r.id, JSON.stringify(['release', 'demo', 'app', '"],["project']));
    assert.deepEqual(JSON.parse(figureNodes(r)[0].id), ['figure', 'demo', 'app', '"],["project', 'sessions']);
    const again = rootsOf(ready([release({ release: '"],["project' })]), []) as ProjectNode[];
    assert.equal(again[0].children[0].id, r.id);
  });

  it('figure nodes under a release; none for a release without health data', () => {
    const [p] = rootsOf(ready([release({ durationP50: 10, durationP90: 20 })]), []) as ProjectNode[];
    const figures = figureNodes(p.children[0] as ReleaseNode);
    assert.ok(figures.some((f) => f.figure.key === 'duration'));
    assert.deepEqual(figureNodes({ ...(p.children[0] as ReleaseNode), health: release({ hasHealthData: false }) }), []);
  });

  it('errors: a message node with the fixing command, above the previous data', () => {
    const nodes = rootsOf(
      { status: 'error', error: { message: 'bad token', fixCommand: 'releaseHealth.connect', fixTitle: 'Connect to Sentry…' }, previous: snapshot([release()]) },
      [],
    );
    assert.equal(nodes[0].kind, 'message');
    if (nodes[0].kind === 'message') {
      assert.equal(nodes[0].label, 'bad token');
      assert.equal(nodes[0].command?.command, 'releaseHealth.connect');
    }
    assert.equal(nodes[1].kind, 'project');
  });

  it('skipped lines: "N lines skipped" with the first reasons as children', () => {
    const nodes = rootsOf(ready([release()], { skipped: { count: 12, samples: [{ line: 3, reason: 'not JSON' }, { line: 9, reason: 'no started' }] } }), []);
    assert.equal(nodes[0].kind, 'message');
    if (nodes[0].kind !== 'message') return;
    assert.equal(nodes[0].label, '12 lines skipped');
    assert.deepEqual(nodes[0].children?.map((c) => c.label), ['line 3: not JSON', 'line 9: no started']);
  });

  it('a skipped line of a session file opens the file at that line', () => {
    const skipped = { count: 2, samples: [{ line: 3, reason: 'not JSON' }, { line: 9, reason: 'no started' }] };
    const [node] = rootsOf(ready([release()], { skipped, scope: scope({ kind: 'file', label: 's.ndjson', file: '/w/s.ndjson' }) }), []);
    assert.ok(node.kind === 'message');
    assert.deepEqual(node.children?.map((c) => c.openLine), [{ file: '/w/s.ndjson', line: 3 }, { file: '/w/s.ndjson', line: 9 }]);
  });

  it('no releases: says so, with a way to change the settings', () => {
    const [n] = rootsOf(ready([]), []);
    assert.equal(n.kind === 'message' && n.label, 'No releases found');
  });

  it('the first row says which period and environments the figures cover; a click changes the period', () => {
    const [row] = rootNodes(ready([release()], { scope: scope({ label: 'sentry.io / acme', environments: ['staging'], summaryPeriod: '7d', healthPeriod: '24h' }) }), []);
    assert.equal(row.kind, 'message');
    if (row.kind !== 'message') return;
    assert.deepEqual([row.id, row.label, row.description, row.icon], [SCOPE_ID, 'Last 7 days · staging', 'sentry.io / acme', 'scope']);
    assert.match(row.tooltip ?? '', /Figures: last 7 days\nChart: last 24 hours\nEnvironments: staging\nSource: sentry\.io \/ acme/);
    assert.equal(row.command?.command, 'releaseHealth.selectPeriod');
    assert.equal(row.accessibleLabel, 'Scope: Last 7 days · staging, sentry.io / acme');
    const [all] = rootNodes(ready(), []);
    assert.equal(all.kind === 'message' && all.label, 'Last 24 hours · All environments');
  });

  it('stale figures (the file is gone, the server is down): the scope row and every release say so', () => {
    const previous = snapshot([release(), release({ release: 'old', hasHealthData: false })], { updatedAt: '2026-11-26T14:05:09Z' });
    const error = { message: 'Session file not found: /w/s.ndjson', fixCommand: 'releaseHealth.openSettings', fixTitle: 'Open Settings' };
    const nodes = rootNodes({ status: 'error', error, previous }, []);
    assert.deepEqual(nodes.map((n) => n.kind), ['message', 'message', 'project']);
    const row = nodes[1];
    assert.ok(row.kind === 'message');
    assert.deepEqual([row.icon, row.description], ['stale', 'Not updated: figures of 2026-11-26 14:05 UTC']);
    assert.match(row.tooltip ?? '', /Session file not found/);
    const project = nodes[2] as ProjectNode;
    const releases = [project.children[0] as ReleaseNode, ...(project.children[1].kind === 'noHealthData' ? project.children[1].children : [])];
    assert.equal(releases.length, 2);
    for (const r of releases) assert.deepEqual(r.stale, { since: '2026-11-26T14:05:09Z', reason: error.message });
    // Fresh data again: nothing is marked.
    const fresh = rootNodes(ready([release()]), []);
    assert.equal(((fresh[1] as ProjectNode).children[0] as ReleaseNode).stale, null);
  });

  it('the view description says which data it is', () => {
    assert.equal(viewDescription(ready()), 'Demo data · 24h');
    assert.equal(viewDescription(ready([release()], { scope: scope({ label: 'sentry.io / acme', environments: ['production'], summaryPeriod: '7d' }) })), 'sentry.io / acme · 7d · production');
    assert.equal(viewDescription({ status: 'unconfigured' }), '');
  });
});

describe('extension/tree: redrawing only what changed', () => {
  it('same ids and figures: nothing to redraw, the old objects stay', () => {
    const old = rootNodes(ready(), []);
    const { roots, changed } = diffTree(old, rootNodes(ready(), []));
    assert.equal(roots, old);
    assert.deepEqual(changed, []);
  });

  it('one release\'s figures changed: only that node, updated in place', () => {
    const two = (errored: number) => ready([release(), release({ release: 'app@2', sessionsErrored: errored, firstSeen: '2026-11-25T00:00:00Z' })]);
    const old = rootNodes(two(1), []);
    const oldRelease = (old[1] as ProjectNode).children[0];
    const { roots, changed } = diffTree(old, rootNodes(two(7), []));
    assert.equal(roots, old);
    assert.deepEqual(changed, [oldRelease]);
    assert.equal((oldRelease as ReleaseNode).health.sessionsErrored, 7);
  });

  it('a release appeared: its project is redrawn', () => {
    const old = rootNodes(ready([release()]), []);
    const { changed } = diffTree(old, rootNodes(ready([release(), release({ release: 'app@2' })]), []));
    assert.deepEqual(changed, [old[1]]);
  });

  it('the roots changed (another source, an error appeared): everything', () => {
    const old = rootNodes(ready(), []);
    const { changed } = diffTree(old, rootNodes({ status: 'error', error: { message: 'x', fixCommand: 'c', fixTitle: 't' }, previous: snapshot([release()]) }, []));
    assert.equal(changed, 'all');
  });
});
