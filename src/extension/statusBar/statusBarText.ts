// What the status bar item shows for each store state, free of `vscode` (the indicator maps
// `background` and `tooltip` onto ThemeColor and MarkdownString).
import type { ReleaseHealth, Thresholds } from '../../health/types';
import { healthStatusAccessible, NO_HEALTH_DATA_WORDS } from '../../present/healthStatus';
import { COMMAND } from '../../present/ids';
import { printable } from '../../present/printable';
import { escapeIcons, escapeMarkdown } from '../../present/markdown';
import { formatCount, formatPercent } from '../../present/numbers';
import { statusSummaryMarkdown } from '../../present/releaseTooltip';
import { staleText } from '../../present/scopeText';
import { stalenessOf } from '../store/staleness';
import { shownSnapshot, type ReleaseKey, type StoreState } from '../store/storeTypes';
import type { TrackedRelease } from './trackedRelease';
import { THIS_WORKSPACE } from '../../present/workspaceRelease';

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
  if (tracked.pinned) return 'Tracked release';
  if (tracked.workspace !== undefined) return tracked.workspace === THIS_WORKSPACE ? 'The release of this workspace\'s HEAD' : `The workspace's release · ${tracked.workspace}`;
  return 'Newest release';
}

export function statusBarView(state: StoreState, tracked: TrackedRelease, thresholds: Thresholds): StatusBarView {
  if (state.status === 'unconfigured') return HIDDEN;
  if (state.status === 'error' && (state.previous === null || tracked.kind !== 'release')) {
    return {
      visible: true,
      text: '$(warning) Release Health',
      tooltip: `**Release Health**\n\n${escapeMarkdown(state.error.message)}\n\nClick: ${escapeMarkdown(state.error.fixTitle)}`,
      background: null,
      command: { command: state.error.fixCommand, title: state.error.fixTitle },
    };
  }
  if (state.status === 'loading' && state.previous === null) {
    return { visible: true, text: '$(sync~spin) Release Health', tooltip: 'Loading release health…', background: null, command: null };
  }
  const snapshot = shownSnapshot(state)!;
  const spin = state.status === 'loading' ? '$(sync~spin)' : '$(pulse)';
  const stale = stalenessOf(state);
  if (tracked.kind === 'none') {
    return {
      visible: true,
      text: `${spin} No release health`,
      tooltip: `No release with health data in ${escapeMarkdown(snapshot.scope.label)}.`,
      background: null,
      command: { command: COMMAND.showReleaseHealth, title: 'Show Release Health' },
    };
  }
  if (tracked.kind === 'missing') {
    return {
      visible: true,
      text: `${spin} ${escapeIcons(tracked.version)}: no data`,
      tooltip: `The tracked release **${escapeMarkdown(tracked.version)}** is not in ${escapeMarkdown(snapshot.scope.label)}.\n\nClick to pick another release.`,
      background: null,
      command: { command: COMMAND.trackRelease, title: 'Track Release in Status Bar' },
    };
  }
  const r = tracked.release;
  const key: ReleaseKey = { source: snapshot.scope.kind, project: r.project, release: r.release };
  // The item is the errored-session indicator; the crash-free rate beside the count is what the
  // icon and colour are judged on, so text, icon and colour never disagree.
  const icon = state.status === 'loading' ? spin : stale ? '$(history)' : STATUS_ICONS[r.healthStatus];
  const figure = !r.hasHealthData || r.crashFreeSessions === null
    ? 'no sessions'
    : `${formatCount(r.sessionsErrored)} errored · ${formatPercent(r.crashFreeSessions)} crash-free`;
  const summary = statusSummaryMarkdown(r, { scopeLabel: snapshot.scope.label, summaryPeriod: snapshot.overview.summaryPeriod, thresholds, environments: snapshot.scope.environments });
  if (stale && state.status === 'error') {
    return {
      visible: true,
      text: `${icon} ${escapeIcons(r.release)}: ${figure}`,
      accessibilityLabel: `${printable(r.release)}: ${figure}, ${staleText(stale)}`,
      tooltip: `**${escapeMarkdown(staleText(stale))}**\n\n${escapeMarkdown(stale.reason)}\n\n${summary}\n\nClick: ${escapeMarkdown(state.error.fixTitle)}`,
      background: null,
      command: { command: state.error.fixCommand, title: state.error.fixTitle },
    };
  }
  return {
    visible: true,
    text: `${icon} ${escapeIcons(r.release)}: ${figure}`,
    accessibilityLabel: `${printable(r.release)}: ${figure}, ${r.hasHealthData ? healthStatusAccessible(r.healthStatus) : NO_HEALTH_DATA_WORDS}`,
    tooltip: summary + `\n\n${trackedBecause(tracked)} · click to show its release health`,
    background: r.healthStatus === 'critical' ? 'warning' : null,
    command: { command: COMMAND.showReleaseHealth, title: 'Show Release Health', arguments: [key] },
  };
}

const STATUS_ICONS: Record<ReleaseHealth['healthStatus'], string> = {
  healthy: '$(pulse)',
  'insufficient-data': '$(pulse)',
  warning: '$(warning)',
  critical: '$(error)',
};
