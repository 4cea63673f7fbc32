// The release panel's webview entry (bundled to dist/webview.js). It renders the model the host
// posts, keeps it with setState so a hidden-then-shown panel repaints at once and a reloaded
// window can restore the panel, and turns clicks on data-action buttons into host messages.
import { AgeSeriesChart } from './ageSeriesChart';
import { timeSeriesOf } from './chartData';
import { renderComparisonView } from './comparisonView';
import { mountInto } from './dom';
import {
  HostMessageType,
  isComparisonSavedState,
  isHostMessage,
  isPanelReleaseKey,
  isPanelSavedState,
  PanelMark,
  WebviewMessageType,
  type ComparisonSavedState,
  type ComparisonViewModel,
  type PanelModel,
  type PanelReleaseKey,
  type PanelSavedState,
  type WebviewMessage,
} from './protocol';
import { parseTranslations, useTranslations } from '../present/localize';
import { renderedStateOf, renderPanel } from './render';
import { observeThemeKind, readChartTheme } from './theme';
import { TimeSeriesChart } from './timeSeriesChart';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PanelSavedState | ComparisonSavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

performance.mark(PanelMark.Script);
const vscode = acquireVsCodeApi();
// VS Code's translations when it runs in another language (none in English); before any render.
useTranslations(parseTranslations(document.body.dataset.l10n));
const root = document.getElementById('root')!;
let chart: TimeSeriesChart | AgeSeriesChart | null = null;
let current: PanelModel | ComparisonViewModel | null = null;
/** The page of a comparison view (body[data-view="comparison"]) rather than a release panel. */
const comparisonView = document.body.dataset.view === 'comparison';

function parseKey(json: string | undefined): PanelReleaseKey | null {
  try {
    const key: unknown = JSON.parse(json ?? '');
    return isPanelReleaseKey(key) ? key : null;
  } catch {
    return null;
  }
}

function render(model: PanelModel, fromHost: boolean): void {
  current = model;
  chart?.dispose();
  chart = null;
  mountInto(root, renderPanel(model));
  performance.mark(PanelMark.Figures);
  const placeholder = root.querySelector<HTMLElement>('[data-chart="series"]');
  if (placeholder && model.health && model.scope) {
    const series = timeSeriesOf(model.health, model.scope.healthPeriod, model.scope.stat);
    if (series) chart = new TimeSeriesChart(placeholder, series, readChartTheme(document));
  }
  performance.mark(PanelMark.Chart);
  // 'cached' until the host confirms: after a reload the saved figures may be stale.
  document.body.dataset.state = fromHost ? renderedStateOf(model) : 'cached';
}

function renderComparison(model: ComparisonViewModel, fromHost: boolean): void {
  current = model;
  chart?.dispose();
  chart = null;
  mountInto(root, renderComparisonView(model));
  const placeholder = root.querySelector<HTMLElement>('[data-chart="age-series"]');
  if (placeholder && model.series) chart = new AgeSeriesChart(placeholder, model.series, readChartTheme(document));
  const missing = model.phase === 'ready' && (model.baseHealth === null || model.candidateHealth === null);
  document.body.dataset.state = !fromHost ? 'cached' : missing ? 'missing' : model.phase;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isHostMessage(msg)) return;
  if (msg.type === HostMessageType.State && !comparisonView) {
    performance.mark(PanelMark.State);
    vscode.setState({ key: msg.model.key, model: msg.model });
    render(msg.model, true);
  } else if (msg.type === HostMessageType.ComparisonState && comparisonView) {
    vscode.setState({ comparison: msg.model.key, model: msg.model });
    renderComparison(msg.model, true);
  }
});

document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
  if (!target || !current) return;
  event.preventDefault();
  switch (target.dataset.action) {
    case 'open-external':
      if (target.dataset.url) vscode.postMessage({ type: WebviewMessageType.OpenExternal, url: target.dataset.url });
      break;
    case 'open-release':
      if (target.dataset.releaseTarget) vscode.postMessage({ type: WebviewMessageType.OpenRelease, release: target.dataset.releaseTarget });
      break;
    case 'refresh':
      vscode.postMessage({ type: WebviewMessageType.Refresh });
      break;
    case 'run-fix':
      vscode.postMessage({ type: WebviewMessageType.RunFix });
      break;
    case 'compare-with':
      vscode.postMessage({ type: WebviewMessageType.CompareWith });
      break;
    case 'toggle-equal-age':
      vscode.postMessage({ type: WebviewMessageType.SetEqualAge, on: target.getAttribute('aria-pressed') !== 'true' });
      break;
  }
});

observeThemeKind(document, () => chart?.retheme(readChartTheme(document)));

const saved = vscode.getState();
if (comparisonView) {
  if (isComparisonSavedState(saved) && saved.model) renderComparison(saved.model, false);
  else document.body.dataset.state = 'loading';
} else if (isPanelSavedState(saved) && saved.model) render(saved.model, false);
else {
  document.body.dataset.state = 'loading';
  // Save the key at once, so a window reloaded before the first state message still restores.
  const key = parseKey(document.body.dataset.releaseKey);
  if (key) vscode.setState({ key, model: null });
}
vscode.postMessage({ type: WebviewMessageType.Ready });
