// The `--format table` view: aligned columns, one release a row, percentages with two decimals.
import type { Overview, ReleaseHealth, SkipReport } from '../health/types';

const pct = (v: number | null): string => (v === null ? '-' : `${v.toFixed(2)}%`);
const int = (v: number): string => String(v);

const COLUMNS: Array<[string, (r: ReleaseHealth) => string, 'left' | 'right']> = [
  ['PROJECT', (r) => r.project, 'left'],
  ['RELEASE', (r) => r.release, 'left'],
  ['HEALTH', (r) => (r.hasHealthData ? r.healthStatus : 'no data (90d)'), 'left'],
  ['SESSIONS', (r) => int(r.totalSessions), 'right'],
  ['CRASH-FREE S', (r) => pct(r.crashFreeSessions), 'right'],
  ['USERS', (r) => int(r.totalUsers), 'right'],
  ['CRASH-FREE U', (r) => pct(r.crashFreeUsers), 'right'],
  ['HEALTHY', (r) => int(r.sessionsHealthy), 'right'],
  ['ERRORED', (r) => int(r.sessionsErrored), 'right'],
  ['UNHANDLED', (r) => int(r.sessionsUnhandled), 'right'],
  ['CRASHED', (r) => int(r.sessionsCrashed), 'right'],
  ['ABNORMAL', (r) => int(r.sessionsAbnormal), 'right'],
  ['ADOPTION', (r) => pct(r.adoption), 'right'],
  ['DELTA', (r) => (r.crashFreeSessionsDelta === null ? '-' : `${r.crashFreeSessionsDelta >= 0 ? '+' : ''}${r.crashFreeSessionsDelta.toFixed(2)}${r.regression ? ' !' : ''}`), 'right'],
];

/** Control characters in release names would corrupt the terminal; show them escaped. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatTable(overview: Overview & { skipped?: SkipReport }): string {
  const rows = overview.releases.map((r) => COLUMNS.map(([, get]) => printable(get(r))));
  const widths = COLUMNS.map(([h], i) => Math.max(h.length, ...rows.map((row) => [...row[i]].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (COLUMNS[i][2] === 'left' ? c + ' '.repeat(widths[i] - [...c].length) : ' '.repeat(widths[i] - [...c].length) + c))
      .join('  ')
      .trimEnd();
  const out = [
    `Release health at ${overview.now} · summary ${overview.summaryPeriod} · health stats ${overview.healthPeriod} (${overview.stat})`,
    line(COLUMNS.map(([h]) => h)),
    ...rows.map(line),
  ];
  if (overview.releases.length === 0) out.push('(no releases)');
  if (overview.skipped && overview.skipped.count > 0) {
    const first = overview.skipped.samples.map((s) => `line ${s.line}: ${s.reason}`).join('; ');
    out.push(`Skipped ${overview.skipped.count} unusable line(s): ${printable(first)}`);
  }
  return out.join('\n') + '\n';
}
