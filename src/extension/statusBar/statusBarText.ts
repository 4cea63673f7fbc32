// What the status bar item shows for each store state, free of `vscode` (the indicator maps
// `background` and `tooltip` onto ThemeColor and MarkdownString).
import type { Thresholds } from '../../health/types';
import { healthStatusAccessible, NO_HEALTH_DATA_WORDS } from '../../present/healthStatus';
import { COMMAND } from '../../present/ids';
import { printable } from '../../present/printable';
import { escapeIcons, escapeMarkdown } from '../../present/markdown';
import { formatCount } from '../../present/numbers';
import { statusSummaryMarkdown } from '../../present/releaseTooltip';
import { shownSnapshot, type ReleaseKey, type StoreState } from '../store/storeTypes';
import type { TrackedRelease } from './trackedRelease';

export interface StatusBarView {
  visible: boolean;
  text: string;
  /** For screen readers: the words of `text` without icon syntax, plus the health status. */
  accessibilityLabel?: string;
  /** Markdown. */
  tooltip: string;
  background: 'warning' | 'error' | null;
  /** What a click does. */
  command: { command: string; title: string; arguments?: unknown[] } | null;
}

const HIDDEN: StatusBarView = { visible: false, text: '', tooltip: '', background: null, command: null };

export function statusBarView(state: StoreState, tracked: TrackedRelease, thresholds: Thresholds): StatusBarView {
  if (state.status === 'unconfigured') return HIDDEN;
  if (state.status === 'error') {
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
  const background = r.healthStatus === 'critical' ? 'error' : r.healthStatus === 'warning' ? 'warning' : null;
  return {
    visible: true,
    text: `${spin} ${escapeIcons(r.release)}: ${formatCount(r.sessionsErrored)} errored`,
    accessibilityLabel: `${printable(r.release)}: ${formatCount(r.sessionsErrored)} errored, ${r.hasHealthData ? healthStatusAccessible(r.healthStatus) : NO_HEALTH_DATA_WORDS}`,
    tooltip:
      statusSummaryMarkdown(r, { scopeLabel: snapshot.scope.label, summaryPeriod: snapshot.overview.summaryPeriod, thresholds }) +
      `\n\n${tracked.pinned ? 'Tracked release' : 'Newest release'} · click to show its release health`,
    background,
    command: { command: COMMAND.showReleaseHealth, title: 'Show Release Health', arguments: [key] },
  };
}
