// Pseudo-localisation: every message the sources pass to `t(…)` / `vscode.l10n.t(…)` is
// "translated" to ⟦message⟧, then one release is rendered on the extension's surfaces (tree,
// tooltips, status bar, quick pick, panel, error messages). Once the bracketed text, the data
// (release, project, source label) and the figures are taken out, no word may be left: a word
// that is left was written around the translation and would stay English in another language.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { releasePickItems } from '../../../src/extension/commands/releasePickItems';
import { buildPanelModel } from '../../../src/extension/panel/panelModel';
import { describeApiError } from '../../../src/extension/sentry/apiErrorMessages';
import { statusBarView } from '../../../src/extension/statusBar/statusBarText';
import type { StoreSnapshot, StoreState } from '../../../src/extension/store/storeTypes';
import { figureNodes, rootNodes, type TreeNode } from '../../../src/extension/tree/treeModel';
import { DEFAULT_THRESHOLDS } from '../../../src/health/types';
import { useTranslations } from '../../../src/present/localize';
import { releaseTooltipMarkdown, statusSummaryMarkdown } from '../../../src/present/releaseTooltip';
import { buildComparisonModel } from '../../../src/extension/compare/comparisonModel';
import { renderComparisonView } from '../../../src/webview/comparisonView';
import { renderPanel } from '../../../src/webview/render';
import { findAll, textOf } from '../../../src/webview/vnode';
import { englishBundle, messagesInSources } from '../../../scripts/l10n/messages';
import { snapshot } from '../extension/releaseFixtures';
import { sampleRelease } from '../webview/sampleRelease';

const SRC = path.join(__dirname, '../../../src');

/** Removes ⟦…⟧ from the inside out (a translated sentence may hold translated words). */
function withoutTranslated(text: string): string {
  let out = text;
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  return out;
}

/** Units and marks that stay as they are in every language, like the en-US numbers. */
const UNITS = new Set(['UTC', 'ms', 's', 'm', 'h', 'pp', 'p50', 'p90']);

function wordsLeft(text: string, data: readonly string[]): string[] {
  let rest = withoutTranslated(text);
  for (const d of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(d).join(' ');
  // Letters only: the panel's text runs cells together ("16:00 UTC0" is a time and a count).
  return (rest.match(/[A-Za-z]+[0-9]*/g) ?? []).map((w) => w.replace(/[0-9]+$/, (d) => (/^p$/.test(w.slice(0, -d.length)) ? d : ''))).filter((w) => !UNITS.has(w));
}

const unescape = (md: string) => md.replace(/\\(.)/g, '$1');

function treeTexts(nodes: readonly TreeNode[]): string[] {
  return nodes.flatMap((n) => {
    const shown = n as { label?: string; description?: string; tooltip?: string; accessibleLabel?: string };
    const own = [shown.label ?? '', shown.description ?? '', shown.tooltip ?? '', shown.accessibleLabel ?? ''];
    const figures = n.kind === 'release' ? figureNodes(n).flatMap((f) => [f.figure.label, f.figure.value, f.figure.detail ?? '']) : [];
    const children = 'children' in n && Array.isArray(n.children) ? treeTexts(n.children as TreeNode[]) : [];
    return [...own.map(String), ...figures, ...children];
  });
}

describe('present: pseudo-localised, every word on the surfaces comes from a translation', () => {
  const messages = new Set(messagesInSources(SRC));
  before(() => useTranslations(Object.fromEntries([...messages].map((m) => [m, `⟦${m}⟧`]))));
  after(() => useTranslations(undefined));

  it('l10n/bundle.l10n.json is the catalogue of the sources (npm run l10n writes it)', () => {
    const bundle = fs.readFileSync(path.join(__dirname, '../../../l10n/bundle.l10n.json'), 'utf8');
    assert.equal(bundle, englishBundle(SRC));
  });

  it('finds the messages in the sources', () => {
    assert.ok(messages.size > 150, `${messages.size} messages`);
    assert.ok(messages.has('Errored (handled)'));
    assert.ok(messages.has("The workspace's release"));
  });

  it('leaves no untranslated word on the tree, tooltips, status bar, quick pick and panel', () => {
    const r = sampleRelease({ durationP50: 42, durationP90: 185 });
    const snap: StoreSnapshot = snapshot([r]);
    const state: StoreState = { status: 'ready', snapshot: snap };
    const key = { source: snap.scope.kind, project: r.project, release: r.release };
    const scope = { scopeLabel: snap.scope.label, summaryPeriod: '24h' as const, thresholds: DEFAULT_THRESHOLDS };
    const bar = statusBarView(state, { kind: 'release', release: r, pinned: false }, DEFAULT_THRESHOLDS);
    const loadingBar = statusBarView({ status: 'loading', previous: null }, { kind: 'none' }, DEFAULT_THRESHOLDS);
    const pick = releasePickItems(snap)[0];
    const panelRoot = renderPanel(buildPanelModel(key, { state, snapshot: snap, findRelease: () => r }));
    const shown = (root: ReturnType<typeof renderPanel>) => findAll(root, () => true).flatMap((el) => [textOf(el), String(el.attrs.title ?? ''), String(el.attrs['aria-label'] ?? '')]);
    const panel = shown(panelRoot);
    const base = sampleRelease({ release: 'mobile-app@2.4.1', previousRelease: null });
    const both = snapshot([r, base]);
    const comparisonKey = { source: both.scope.kind, project: r.project, base: base.release, candidate: r.release };
    const comparisonStore = { state: { status: 'ready' as const, snapshot: both }, snapshot: both };
    const comparison = shown(renderComparisonView(buildComparisonModel({ key: comparisonKey, store: comparisonStore, equalAge: { status: 'off' }, minimumSessions: 30 })));
    const surfaces: Record<string, string[]> = {
      tree: treeTexts(rootNodes(state, [])),
      treeLoading: treeTexts(rootNodes({ status: 'loading', previous: null }, [])),
      tooltip: [unescape(releaseTooltipMarkdown(r, scope, Date.parse('2026-11-26T12:00:00Z'))), unescape(statusSummaryMarkdown(r, scope))],
      statusBar: [bar.text, unescape(bar.tooltip), bar.accessibilityLabel ?? '', bar.command?.title ?? '', loadingBar.tooltip],
      quickPick: [pick.label, pick.description, pick.detail],
      panel,
      comparison,
      apiError: [describeApiError(Object.assign(new Error(''), { kind: 'auth' }), { url: 'https://sentry.io', organization: 'acme' }).message],
    };
    // What comes from the data, not from us.
    const data = [r.release, r.project, r.previousRelease!, snap.scope.label, 'sentry.io', 'acme', '$(pulse)', '$(warning)', '$(sync~spin)', 'Release Health'];
    const found: string[] = [];
    for (const [name, texts] of Object.entries(surfaces)) {
      for (const text of texts) {
        const left = wordsLeft(text, data);
        if (left.length > 0) found.push(`${name}: ${left.join(' ')}  ←  ${text.slice(0, 160)}`);
      }
    }
    assert.deepEqual(found, []);
  });
});
