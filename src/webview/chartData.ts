// The time series the chart draws, taken from ReleaseHealth.stats for the health-stats period.
import type { HealthStat, ReleaseHealth, StatsPeriod } from '../health/types';
import { formatCount } from '../present/numbers';
import { periodWords } from '../present/periods';
import { t } from '../present/localize';

export interface TimeSeries {
  period: StatsPeriod;
  stat: HealthStat;
  /** Bucket starts, Unix seconds (what uPlot's x axis expects by default). */
  xs: number[];
  ys: number[];
  /** "hour" or "day", from the bucket spacing (the contract's granularity). */
  bucket: 'hour' | 'day';
}

export function timeSeriesOf(r: ReleaseHealth, period: StatsPeriod, stat: HealthStat): TimeSeries | null {
  // The store keys stats by the health-stats period; fall back to whatever single period it has.
  const points = r.stats[period] ?? Object.values(r.stats)[0];
  if (!points || points.length === 0) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const step = xs.length > 1 ? xs[1] - xs[0] : period.endsWith('h') ? 3600 : 86400;
  return { period, stat, xs, ys, bucket: step >= 86400 ? 'day' : 'hour' };
}

export function seriesLabel(s: TimeSeries): string {
  if (s.stat === 'users') return s.bucket === 'day' ? t('Users per day') : t('Users per hour');
  return s.bucket === 'day' ? t('Sessions per day') : t('Sessions per hour');
}

/** A text equivalent of the chart for screen readers (and for the test of the chart's data). */
export function seriesSummary(s: TimeSeries): string {
  const peak = Math.max(...s.ys);
  // Distinct users of different buckets do not add up, so only sessions get a total.
  const total = s.stat === 'sessions' ? `${t('{0} in total', formatCount(s.ys.reduce((a, b) => a + b, 0)))}, ` : '';
  const shape = s.bucket === 'day'
    ? t('peak {0} in one day, {1} days.', formatCount(peak), s.ys.length)
    : t('peak {0} in one hour, {1} hours.', formatCount(peak), s.ys.length);
  return `${seriesLabel(s)}, ${periodWords(s.period)}: ${total}${shape}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 24-hour UTC labels, with the date under the first tick and under each midnight. */
export function utcTickLabel(ts: number, bucket: 'hour' | 'day', first: boolean): string {
  const d = new Date(ts * 1000);
  const date = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
  if (bucket === 'day') return date;
  const time = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return first || d.getUTCHours() === 0 ? `${time}\n${date}` : time;
}
