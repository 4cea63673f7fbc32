// The `--format table` view: aligned columns, one release a row, every figure spelled as the
// editor's tree and panel spell it (src/present).
import type { Overview, ReleaseHealth, SkipReport } from '../health/types';
import { healthStatusWord, noHealthDataWords } from '../present/healthStatus';
import { countOf, formatCount, formatDelta, formatPercent } from '../present/numbers';
import { periodWords } from '../present/periods';
import { printable, printableCell as cell } from '../present/printable';
import { formatTime } from '../present/time';

const COLUMNS: Array<[string, (r: ReleaseHealth) => string, 'left' | 'right']> = [
  ['PROJECT', (r) => r.project, 'left'],
  ['RELEASE', (r) => r.release, 'left'],
  ['HEALTH', (r) => (r.hasHealthData ? healthStatusWord(r.healthStatus) : noHealthDataWords()), 'left'],
  ['SESSIONS', (r) => formatCount(r.totalSessions), 'right'],
  ['CRASH-FREE S', (r) => formatPercent(r.crashFreeSessions), 'right'],
  ['USERS', (r) => formatCount(r.totalUsers), 'right'],
  ['CRASH-FREE U', (r) => formatPercent(r.crashFreeUsers), 'right'],
  ['HEALTHY', (r) => formatCount(r.sessionsHealthy), 'right'],
  ['ERRORED', (r) => formatCount(r.sessionsErrored), 'right'],
  ['UNHANDLED', (r) => formatCount(r.sessionsUnhandled), 'right'],
  ['CRASHED', (r) => formatCount(r.sessionsCrashed), 'right'],
  ['ABNORMAL', (r) => formatCount(r.sessionsAbnormal), 'right'],
  ['ADOPTION', (r) => formatPercent(r.adoption), 'right'],
  ['CHANGE', (r) => `${formatDelta(r.crashFreeSessionsDelta)}${r.regression ? ' regression' : ''}`, 'right'],
];

export function formatTable(overview: Overview & { skipped?: SkipReport }): string {
  const rows = overview.releases.map((r) => COLUMNS.map(([, get]) => cell(get(r))));
  const widths = COLUMNS.map(([h], i) => Math.max(h.length, ...rows.map((row) => [...row[i]].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (COLUMNS[i][2] === 'left' ? c + ' '.repeat(widths[i] - [...c].length) : ' '.repeat(widths[i] - [...c].length) + c))
      .join('  ')
      .trimEnd();
  const out = [
    `Release health at ${formatTime(overview.now)} · summary ${periodWords(overview.summaryPeriod)} · health stats ${periodWords(overview.healthPeriod)} (${overview.stat})`,
    line(COLUMNS.map(([h]) => h)),
    ...rows.map(line),
  ];
  if (overview.releases.length === 0) out.push('(no releases)');
  if (overview.skipped && overview.skipped.count > 0) {
    const first = overview.skipped.samples.map((s) => `line ${s.line}: ${s.reason}`).join('; ');
    out.push(`Skipped ${countOf(overview.skipped.count, (c) => `${c} unusable line`, (c) => `${c} unusable lines`)}: ${printable(first)}`);
  }
  return out.join('\n') + '\n';
}
