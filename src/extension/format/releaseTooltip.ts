// Markdown tooltips (tree items, status bar). Every value that comes from data is escaped.
import type { ReleaseHealth, Thresholds } from '../../health/types';
import { escapeMarkdown } from './escape';
import { healthStatusText } from './healthStatusText';
import { formatCount } from './numbers';
import { releaseFigures, statusSummaryRows } from './releaseFigures';
import { scopeSummary } from './scopeText';
import type { StatsPeriod } from '../../health/types';

function header(r: ReleaseHealth, scopeLabel: string): string[] {
  return [
    `**${escapeMarkdown(r.release)}**`,
    '',
    `${escapeMarkdown(r.project)} · ${escapeMarkdown(scopeLabel)}`,
    '',
  ];
}

function tableCell(text: string): string {
  return escapeMarkdown(text);
}

/** Every figure of the release, as a Markdown table. */
export function releaseTooltipMarkdown(r: ReleaseHealth, scopeLabel: string, summaryPeriod: StatsPeriod, thresholds: Thresholds, environments: readonly string[] = []): string {
  const lines = header(r, scopeLabel);
  if (!r.hasHealthData) {
    lines.push('No session data in the last 90 days.');
    return lines.join('\n');
  }
  lines.push(`${escapeMarkdown(healthStatusText(r.healthStatus, thresholds))}`, '', `${escapeMarkdown(scopeSummary({ summaryPeriod, environments }))}`, '');
  lines.push('| Figure | Value |', '|---|---|');
  for (const f of releaseFigures(r)) lines.push(`| ${tableCell(f.label)} | ${tableCell(f.value)} |`);
  if (r.firstSeen) lines.push('', `First seen ${escapeMarkdown(r.firstSeen)}`);
  return lines.join('\n');
}

/** The status bar's tooltip: the status summary of the tracked release. */
export function statusSummaryMarkdown(r: ReleaseHealth, scopeLabel: string, summaryPeriod: StatsPeriod, thresholds: Thresholds, environments: readonly string[] = []): string {
  const lines = header(r, scopeLabel);
  if (!r.hasHealthData) {
    lines.push('No session data in the last 90 days.');
    return lines.join('\n');
  }
  lines.push(
    `${escapeMarkdown(healthStatusText(r.healthStatus, thresholds))}`,
    '',
    `${escapeMarkdown(scopeSummary({ summaryPeriod, environments }))}`,
    '',
    '| Sessions | Count | Share |',
    '|---|--:|--:|',
  );
  for (const row of statusSummaryRows(r)) lines.push(`| ${row.status} | ${formatCount(row.count)} | ${escapeMarkdown(row.share)} |`);
  lines.push(`| **Total** | **${formatCount(r.totalSessions)}** | |`);
  const cf = releaseFigures(r).filter((f) => f.key === 'crashFreeSessions' || f.key === 'crashFreeUsers');
  lines.push('');
  for (const f of cf) lines.push(`${escapeMarkdown(f.label)}: ${escapeMarkdown(f.value)}  `);
  return lines.join('\n');
}
