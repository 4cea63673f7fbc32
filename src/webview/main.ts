// The release panel's webview entry (bundled to dist/webview.js). On first load it renders the
// model the host put in the page (body[data-model]) at once, then each model the host posts; it
// keeps the model with setState so a hidden-then-shown panel repaints at once and a reloaded
// window can restore the panel, and turns clicks on data-action buttons into host messages.
import { AgeSeriesChart } from './ageSeriesChart';
import { timeSeriesOf } from './chartData';
import { renderComparisonView } from './comparisonView';
import { mountInto } from './dom';
import {
  HostMessageType,
  isComparisonSavedState,
  isHostMessage,
  isPanelModel,
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
/** JSON of the host's model on screen: the same model again (the answer to "ready") is not redrawn. */
let shownFromHost: string | null = null;
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

/** The model the host put in the page, when it is one. */
function pageModel(): PanelModel | null {
  try {
    const model: unknown = JSON.parse(document.body.dataset.model ?? '');
    return isPanelModel(model) ? model : null;
  } catch {
    return null;
  }
}

/** A model from the host (in the page or by message): saved for restores, then drawn unless already shown. */
function renderFromHost(model: PanelModel): void {
  if (performance.getEntriesByName(PanelMark.State).length === 0) performance.mark(PanelMark.State);
  const json = JSON.stringify(model);
  if (json === shownFromHost) return;
  shownFromHost = json;
  vscode.setState({ key: model.key, model });
  render(model, true);
}

function render(model: PanelModel, fromHost: boolean): void {
  if (!fromHost) shownFromHost = null;
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
    renderFromHost(msg.model);
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
const inPage = comparisonView ? null : pageModel();
const savedModel = !comparisonView && isPanelSavedState(saved) ? saved.model : null;
if (comparisonView) {
  if (isComparisonSavedState(saved) && saved.model) renderComparison(saved.model, false);
  else document.body.dataset.state = 'loading';
}
// Shown again after being hidden, or restored after a reload: the page's model may be older than
// the one saved (the HTML is set once), so the saved one, marked cached until the host answers.
else if (savedModel) render(savedModel, false);
// First load: the host's model in the page, no round trip.
else if (inPage) renderFromHost(inPage);
else {
  document.body.dataset.state = 'loading';
  // Save the key at once, so a window reloaded before the first state message still restores.
  const key = parseKey(document.body.dataset.releaseKey);
  if (key) vscode.setState({ key, model: null });
}
vscode.postMessage({ type: WebviewMessageType.Ready });
