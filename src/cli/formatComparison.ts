// The `compare --format table` view: both releases side by side, the difference with its
// interval, the p-value and the verdict, then the verdict in words.
import type { RateComparison } from '../health/compareReleases';
import type { ComparisonReport } from '../health/comparisonReport';
import { differenceText, pValueText, verdictWords, verdictSentence } from '../present/comparisonText';
import { formatPercent as pct } from '../present/numbers';
import { printableCell } from '../present/printable';

export function formatComparison(report: ComparisonReport, minimumSessions: number): string {
  // Names cut as in the overview table: a 100 KB name would otherwise pad every row.
  const base = printableCell(report.base);
  const candidate = printableCell(report.candidate);
  const header = ['', `BASE ${base}`, `CANDIDATE ${candidate}`, 'DIFFERENCE (95 % CI)', 'P-VALUE', 'VERDICT'];
  const row = (label: string, c: RateComparison) => [label, pct(c.base), pct(c.candidate), differenceText(c), pValueText(c.pValue), verdictWords(c.verdict)];
  const rows = [header, row('crash-free sessions', report.crashFreeSessions), row('crash-free users', report.crashFreeUsers)];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join('  ').trimEnd();
  const scope = report.age === null ? 'over the summary window' : `each over its first ${report.age} h`;
  return [
    `${candidate} against ${base} · project ${printableCell(report.project)} · ${scope}`,
    ...rows.map(line),
    // The names in it are already escaped and cut.
    verdictSentence({
      base,
      candidate,
      unit: 'sessions',
      comparison: report.crashFreeSessions,
      baseCount: report.baseHealth.totalSessions,
      candidateCount: report.candidateHealth.totalSessions,
      minimumSessions,
    }),
  ].join('\n') + '\n';
}
