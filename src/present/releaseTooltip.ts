// Markdown tooltips (tree items, status bar). Every value that comes from data is escaped.
import type { ReleaseHealth, StatsPeriod, Thresholds } from '../health/types';
import { healthStatusText } from './healthStatus';
import { escapeMarkdown } from './markdown';
import { formatCount } from './numbers';
import { environmentsText, periodWords } from './periods';
import { t } from './localize';
import { crashFreeSessionsLabel, crashFreeUsersLabel, rateWithInterval, releaseFigures } from './releaseFigures';
import { statusSummaryRows } from './statusRows';
import { formatTimeWithAge } from './time';

/** What a tooltip says about where its figures come from. */
export interface TooltipScope {
  /** e.g. "Demo data", "sentry.io / acme". */
  scopeLabel: string;
  summaryPeriod: StatsPeriod;
  thresholds: Thresholds;
  /** Empty: every environment. */
  environments?: readonly string[];
}

/** The status, then what the figures cover: "Warning (…) · last 24 hours · production". */
function statusLine(r: ReleaseHealth, s: TooltipScope): string {
  return `${escapeMarkdown(healthStatusText(r.healthStatus, s.thresholds))} · ${escapeMarkdown(periodWords(s.summaryPeriod))} · ${escapeMarkdown(environmentsText(s.environments ?? []))}`;
}

function header(r: ReleaseHealth, s: TooltipScope): string[] {
  return [`**${escapeMarkdown(r.release)}**`, '', `${escapeMarkdown(r.project)} · ${escapeMarkdown(s.scopeLabel)}`, ''];
}


/** Every figure of the release, as a Markdown table. */
export function releaseTooltipMarkdown(r: ReleaseHealth, s: TooltipScope, nowMs: number): string {
  const lines = header(r, s);
  if (!r.hasHealthData) {
    lines.push(t('No session data in the last 90 days.'));
    return lines.join('\n');
  }
  lines.push(statusLine(r, s), '');
  lines.push(`| ${t('Figure')} | ${t('Value')} |`, '|---|---|');
  for (const f of releaseFigures(r)) lines.push(`| ${escapeMarkdown(f.label)} | ${escapeMarkdown(f.value)} |`);
  if (r.firstSeen) lines.push('', t('First seen {0}', escapeMarkdown(formatTimeWithAge(r.firstSeen, nowMs))));
  return lines.join('\n');
}

/** The status bar's tooltip: the status summary of the tracked release. */
export function statusSummaryMarkdown(r: ReleaseHealth, s: TooltipScope): string {
  const lines = header(r, s);
  if (!r.hasHealthData) {
    lines.push(t('No session data in the last 90 days.'));
    return lines.join('\n');
  }
  lines.push(
    statusLine(r, s),
    '',
    `| ${t('Sessions')} | ${t('Count')} | ${t('Share')} |`,
    '|---|--:|--:|',
  );
  for (const row of statusSummaryRows(r)) lines.push(`| ${escapeMarkdown(row.label)} | ${formatCount(row.sessions)} | ${escapeMarkdown(row.sessionsShare)} |`);
  lines.push(`| **${t('Total')}** | **${formatCount(r.totalSessions)}** | |`, '');
  lines.push(`${escapeMarkdown(crashFreeSessionsLabel())}: ${escapeMarkdown(rateWithInterval(r.crashFreeSessions, r.crashFreeSessionsInterval))}  `);
  lines.push(`${escapeMarkdown(crashFreeUsersLabel())}: ${escapeMarkdown(rateWithInterval(r.crashFreeUsers, r.crashFreeUsersInterval))}  `);
  return lines.join('\n');
}
