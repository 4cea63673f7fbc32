// How a comparison of two releases reads, written once for the CLI table, the panel's
// comparison view and notifications (vscode-free). "2.3.0 crashes more than 2.2.0: −0.8 pp,
// 95 % CI −1.3 to −0.3".
import type { ComparisonVerdict, RateComparison } from '../health/types';
import { t } from './localize';
import { formatCount } from './numbers';

const MINUS = '\u2212';

export function verdictWords(verdict: ComparisonVerdict): string {
  switch (verdict) {
    case 'better':
      return t('better');
    case 'worse':
      return t('worse');
    case 'inconclusive':
      return t('no clear difference');
    case 'insufficient-data':
      return t('not enough data');
  }
}

/** Decimals that show the interval: one when its figures reach about a point, else two. */
export function ppDecimals(c: Pick<RateComparison, 'difference' | 'differenceInterval'>): number {
  const values = [c.difference ?? 0, ...(c.differenceInterval ?? [])].map(Math.abs);
  return Math.max(...values) >= 0.95 ? 1 : 2;
}

/** A signed number of percentage points: `−0.8`, `+1.3`, `0.0`. */
export function signedPoints(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  if (Number(text) === 0) return text;
  return (value < 0 ? MINUS : '+') + text;
}

/** `−0.8 pp, 95 % CI −1.3 to −0.3`; a dash when there is nothing to compare. */
export function differenceText(c: RateComparison): string {
  if (c.difference === null || c.differenceInterval === null) return '—';
  const d = ppDecimals(c);
  return t('{0} pp, 95 % CI {1} to {2}', signedPoints(c.difference, d), signedPoints(c.differenceInterval[0], d), signedPoints(c.differenceInterval[1], d));
}

export interface VerdictSubject {
  base: string;
  candidate: string;
  /** `sessions` or `users`: what crashes. */
  unit: 'sessions' | 'users';
  comparison: RateComparison;
  baseCount: number;
  candidateCount: number;
  minimumSessions: number;
}

/** The verdict in words, e.g. "2.3.0 crashes more than 2.2.0: −0.8 pp, 95 % CI −1.3 to −0.3". */
export function verdictSentence(s: VerdictSubject): string {
  const c = s.comparison;
  const why = differenceText(c);
  switch (c.verdict) {
    case 'worse':
      return t('{0} crashes more than {1}: {2}', s.candidate, s.base, why);
    case 'better':
      return t('{0} crashes less than {1}: {2}', s.candidate, s.base, why);
    case 'inconclusive':
      return t('No clear difference between {0} and {1}: {2}', s.candidate, s.base, why);
    case 'insufficient-data': {
      const counts = [formatCount(s.candidateCount), formatCount(s.baseCount), formatCount(s.minimumSessions)] as const;
      return s.unit === 'users'
        ? t('Not enough data to compare {0} with {1}: {2} users against {3} (at least {4} each)', s.candidate, s.base, ...counts)
        : t('Not enough data to compare {0} with {1}: {2} sessions against {3} (at least {4} each)', s.candidate, s.base, ...counts);
    }
  }
}

/** A p-value as people read it: `0.0014`, `< 0.0001`, `1`. */
export function pValueText(p: number | null): string {
  if (p === null) return '—';
  if (p < 0.0001) return '< 0.0001';
  if (p >= 0.9999) return '1';
  return p.toPrecision(2).replace(/e.*$/, '');
}
