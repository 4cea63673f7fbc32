// What the status bar item shows for each store state, free of `vscode` (the indicator maps
// `background` and `tooltip` onto ThemeColor and MarkdownString).
import type { ReleaseHealth, Thresholds } from '../../health/types';
import { healthStatusAccessible, noHealthDataWords } from '../../present/healthStatus';
import { COMMAND } from '../../present/ids';
import { printable } from '../../present/printable';
import { escapeIcons, escapeMarkdown } from '../../present/markdown';
import { formatCount, formatPercent } from '../../present/numbers';
import { statusSummaryMarkdown } from '../../present/releaseTooltip';
import { staleText } from '../../present/scopeText';
import { stalenessOf } from '../store/staleness';
import { shownSnapshot, type ReleaseKey, type StoreState } from '../store/storeTypes';
import type { TrackedRelease } from './trackedRelease';
import { thisWorkspace } from '../../present/workspaceRelease';
import { commandTitle } from '../../present/commandTitles';
import { t } from '../../present/localize';

export interface StatusBarView {
  visible: boolean;
  text: string;
  /** For screen readers: the words of `text` without icon syntax, plus the health status. */
  accessibilityLabel?: string;
  /** Markdown. */
  tooltip: string;
  /**
   * Only a critical release stands out, and with the warning background: VS Code keeps the error
   * background for the last resort, and a release can stay critical for days.
   */
  background: 'warning' | null;
  /** What a click does. */
  command: { command: string; title: string; arguments?: unknown[] } | null;
}

const HIDDEN: StatusBarView = { visible: false, text: '', tooltip: '', background: null, command: null };

function trackedBecause(tracked: Extract<TrackedRelease, { kind: 'release' }>): string {
  if (tracked.pinned) return t('Tracked release');
  if (tracked.workspace !== undefined) return tracked.workspace === thisWorkspace() ? t("The release of this workspace's HEAD") : t("The workspace's release · {0}", tracked.workspace);
  return t('Newest release');
}

export function statusBarView(state: StoreState, tracked: TrackedRelease, thresholds: Thresholds): StatusBarView {
  if (state.status === 'unconfigured') return HIDDEN;
  if (state.status === 'error' && (state.previous === null || tracked.kind !== 'release')) {
    return {
      visible: true,
      text: '$(warning) Release Health',
      tooltip: `**Release Health**\n\n${escapeMarkdown(state.error.message)}\n\n${t('Click: {0}', escapeMarkdown(state.error.fixTitle))}`,
      background: null,
      command: { command: state.error.fixCommand, title: state.error.fixTitle },
    };
  }
  if (state.status === 'loading' && state.previous === null) {
    return { visible: true, text: '$(sync~spin) Release Health', tooltip: t('Loading release health…'), background: null, command: null };
  }
  const snapshot = shownSnapshot(state)!;
  const spin = state.status === 'loading' ? '$(sync~spin)' : '$(pulse)';
  const stale = stalenessOf(state);
  if (tracked.kind === 'none') {
    return {
      visible: true,
      text: `${spin} ${t('No release health')}`,
      tooltip: t('No release with health data in {0}.', escapeMarkdown(snapshot.scope.label)),
      background: null,
      command: { command: COMMAND.showReleaseHealth, title: commandTitle(COMMAND.showReleaseHealth) },
    };
  }
  if (tracked.kind === 'missing') {
    return {
      visible: true,
      text: `${spin} ${escapeIcons(tracked.version)}: ${t('no data')}`,
      tooltip: `${t('The tracked release **{0}** is not in {1}.', escapeMarkdown(tracked.version), escapeMarkdown(snapshot.scope.label))}\n\n${t('Click to pick another release.')}`,
      background: null,
      command: { command: COMMAND.trackRelease, title: commandTitle(COMMAND.trackRelease) },
    };
  }
  const r = tracked.release;
  const key: ReleaseKey = { source: snapshot.scope.kind, project: r.project, release: r.release };
  // The item is the errored-session indicator; the crash-free rate beside the count is what the
  // icon and colour are judged on, so text, icon and colour never disagree.
  const icon = state.status === 'loading' ? spin : stale ? '$(history)' : STATUS_ICONS[r.healthStatus];
  const figure = !r.hasHealthData || r.crashFreeSessions === null
    ? t('no sessions')
    : t('{0} errored · {1} crash-free', formatCount(r.sessionsErrored), formatPercent(r.crashFreeSessions));
  const summary = statusSummaryMarkdown(r, { scopeLabel: snapshot.scope.label, summaryPeriod: snapshot.overview.summaryPeriod, thresholds, environments: snapshot.scope.environments });
  if (stale && state.status === 'error') {
    return {
      visible: true,
      text: `${icon} ${escapeIcons(r.release)}: ${figure}`,
      accessibilityLabel: `${printable(r.release)}: ${figure}, ${staleText(stale)}`,
      tooltip: `**${escapeMarkdown(staleText(stale))}**\n\n${escapeMarkdown(stale.reason)}\n\n${summary}\n\n${t('Click: {0}', escapeMarkdown(state.error.fixTitle))}`,
      background: null,
      command: { command: state.error.fixCommand, title: state.error.fixTitle },
    };
  }
  return {
    visible: true,
    text: `${icon} ${escapeIcons(r.release)}: ${figure}`,
    accessibilityLabel: `${printable(r.release)}: ${figure}, ${r.hasHealthData ? healthStatusAccessible(r.healthStatus) : noHealthDataWords()}`,
    tooltip: summary + `\n\n${t('{0} · click to show its release health', trackedBecause(tracked))}`,
    background: r.healthStatus === 'critical' ? 'warning' : null,
    command: { command: COMMAND.showReleaseHealth, title: commandTitle(COMMAND.showReleaseHealth), arguments: [key] },
  };
}

const STATUS_ICONS: Record<ReleaseHealth['healthStatus'], string> = {
  healthy: '$(pulse)',
  'insufficient-data': '$(pulse)',
  warning: '$(warning)',
  critical: '$(error)',
};
