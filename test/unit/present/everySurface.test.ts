// One release rendered on every surface (tree label, description, figure nodes and tooltip;
// status bar text and tooltip; quick pick; panel; CLI table): each figure must read the same.
import { strict as assert } from 'assert';
import { formatTable } from '../../../src/cli/formatTable';
import { releasePickItems } from '../../../src/extension/commands/releasePickItems';
import { buildPanelModel } from '../../../src/extension/panel/panelModel';
import { statusBarView } from '../../../src/extension/statusBar/statusBarText';
import type { StoreSnapshot, StoreState } from '../../../src/extension/store/storeTypes';
import { figureNodes, rootNodes, type ReleaseNode } from '../../../src/extension/tree/treeModel';
import { DEFAULT_THRESHOLDS } from '../../../src/health/types';
import { releaseTooltipMarkdown } from '../../../src/present/releaseTooltip';
import { renderPanel } from '../../../src/webview/render';
import { findAll, textOf } from '../../../src/webview/vnode';
import { snapshot } from '../extension/releaseFixtures';
import { sampleRelease } from '../webview/sampleRelease';

/** Markdown's backslash escapes removed: what the reader sees. */
const unescape = (md: string) => md.replace(/\\(.)/g, '$1');

describe('present: one release reads the same on every surface', () => {
  const r = sampleRelease({ durationP50: 42, durationP90: 185 });
  const snap: StoreSnapshot = snapshot([r]);
  const state: StoreState = { status: 'ready', snapshot: snap };
  const key = { source: snap.scope.kind, project: r.project, release: r.release };

  const releaseNode = (rootNodes(state, []).find((n) => n.kind === 'project') as { children: ReleaseNode[] }).children[0];
  const tree = [releaseNode.label, releaseNode.description, ...figureNodes(releaseNode).map((f) => `${f.figure.label}: ${f.figure.value}`)].join('\n');
  const treeTooltip = unescape(releaseTooltipMarkdown(r, { scopeLabel: snap.scope.label, summaryPeriod: '24h', thresholds: DEFAULT_THRESHOLDS }, Date.parse('2026-11-26T12:00:00Z')));
  const bar = statusBarView(state, { kind: 'tracked', release: r, pinned: false } as never, DEFAULT_THRESHOLDS);
  const statusBar = `${bar.text}\n${unescape(bar.tooltip)}`;
  const pick = releasePickItems(snap)[0];
  const quickPick = `${pick.label}\n${pick.description}\n${pick.detail}`;
  const panelRoot = renderPanel(buildPanelModel(key, { state, snapshot: snap, findRelease: () => r }));
  const panel = findAll(panelRoot, () => true).map((el) => `${textOf(el)}\n${el.attrs.title ?? ''}\n${el.attrs['aria-label'] ?? ''}`).join('\n');
  const cli = formatTable(snap.overview);

  const surfaces: Record<string, string> = { tree, treeTooltip, statusBar, quickPick, panel, cli };
  const expect = (text: string, on: string[]) => {
    for (const name of on) assert.ok(surfaces[name].includes(text), `${name} shows "${text}":\n${surfaces[name]}`);
  };

  it('crash-free sessions and users, with their intervals', () => {
    expect('99.19%', ['tree', 'treeTooltip', 'statusBar', 'quickPick', 'panel', 'cli']);
    expect('99.25%', ['tree', 'treeTooltip', 'statusBar', 'quickPick', 'panel', 'cli']);
    expect('99.04–99.33%', ['tree', 'treeTooltip', 'statusBar', 'panel']);
    expect('98.90–99.50%', ['tree', 'treeTooltip', 'statusBar', 'panel']);
  });

  it('counts, with thousands separators', () => {
    expect('12,345', ['tree', 'treeTooltip', 'statusBar', 'quickPick', 'panel', 'cli']);
    expect('4,000', ['tree', 'treeTooltip', 'quickPick', 'panel', 'cli']);
    expect('12,000', ['tree', 'treeTooltip', 'statusBar', 'panel', 'cli']);
    // The tree's description and the status bar's text say crash-free (the figure the status is judged on);
    // errored sessions are in the tree's figure rows, the status bar's tooltip and the pick's detail.
    expect('200 errored', ['quickPick']);
    expect('Errored (handled): 200 sessions', ['tree']);
    expect('Errored (handled) | 200', ['statusBar']);
  });

  it('status rows: one label and one share each', () => {
    for (const [label, count, pct] of [
      ['Healthy', '12,000', '97.21%'], ['Errored (handled)', '200', '1.62%'], ['Unhandled', '40', '0.32%'], ['Crashed', '100', '0.81%'], ['Abnormal', '5', '0.04%'],
    ]) {
      expect(label, ['tree', 'treeTooltip', 'statusBar', 'panel']);
      expect(`${label} | ${count} | ${pct}`, ['statusBar']);
      expect(`${label} ${count} (${pct})`, ['panel']);
      expect(`(${pct})`, ['tree', 'treeTooltip']);
    }
    // The headline card says "Errored sessions" with "handled errors only" under it.
    for (const [name, s] of Object.entries(surfaces)) assert.ok(!/Errored(?! \(handled\)| sessions)/.test(s), `${name}: a bare "Errored" label`);
  });

  it('adoption, change, durations', () => {
    expect('80.00%', ['tree', 'treeTooltip', 'quickPick', 'panel', 'cli']);
    expect('61.73%', ['tree', 'treeTooltip', 'panel']);
    expect('−0.46 pp', ['tree', 'treeTooltip', 'panel', 'cli']);
    expect('42.0 s', ['tree', 'treeTooltip', 'panel']);
    expect('3m 05s', ['tree', 'treeTooltip', 'panel']);
  });

  it('health status in words, never the enum value', () => {
    expect('Warning', ['treeTooltip', 'statusBar', 'panel']);
    expect('warning', ['quickPick', 'cli']);
    const none = sampleRelease({ healthStatus: 'insufficient-data' });
    const noneSnap = snapshot([none]);
    const noneState: StoreState = { status: 'ready', snapshot: noneSnap };
    const texts = [
      formatTable(noneSnap.overview),
      releasePickItems(noneSnap)[0].description,
      unescape(statusBarView(noneState, { kind: 'tracked', release: none, pinned: false } as never, DEFAULT_THRESHOLDS).tooltip),
      textOf(renderPanel(buildPanelModel(key, { state: noneState, snapshot: noneSnap, findRelease: () => none }))),
    ];
    for (const t of texts) {
      assert.ok(!t.includes('insufficient-data'), t);
      assert.ok(/insufficient data/i.test(t), t);
    }
  });
});
