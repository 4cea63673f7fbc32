// The comparison view's chart (uPlot): the two releases' series on one chart, x = hours since
// each release's first session, so that their lives line up. Colours from the theme.
import uPlot from 'uplot';
import { formatCount, NO_VALUE, sessionsCount, usersCount } from '../present/numbers';
import type { ComparisonViewModel } from './protocol';
import type { ChartTheme } from './theme';
import { ThemedChart, themedAxis, type ChartBuilder } from './themedChart';
import { t } from '../present/localize';

type Series = NonNullable<ComparisonViewModel['series']>;

/** One x array for both releases (uPlot's data shape), gaps as null. */
export function alignByAge(s: Series): [number[], Array<number | null>, Array<number | null>] {
  const xs = [...new Set([...s.base.points, ...s.candidate.points].map(([x]) => x))].sort((a, b) => a - b);
  const at = (points: Array<[number, number]>) => {
    const m = new Map(points);
    return xs.map((x) => m.get(x) ?? null);
  };
  return [xs, at(s.base.points), at(s.candidate.points)];
}

/** The two releases' series, x = hours since each one's first session. */
export class AgeSeriesChart extends ThemedChart {
  constructor(container: HTMLElement, series: Series, theme: ChartTheme) {
    super(container, theme, (colors) => ageSeriesChart(series, colors));
  }
}

function ageSeriesChart(s: Series, colors: ChartTheme): ReturnType<ChartBuilder> {
  const axis = themedAxis(colors);
  const unitCount = s.stat === 'users' ? usersCount : sessionsCount;
  const line = (label: string, stroke: string, dash?: number[]): uPlot.Series => ({
    label,
    stroke,
    width: 2,
    ...(dash ? { dash } : {}),
    points: { show: false },
    spanGaps: false,
    value: (_u, v) => (v === null ? NO_VALUE : unitCount(v)),
  });
  const options: ReturnType<ChartBuilder>['options'] = {
    cursor: { y: false },
    legend: { show: true, live: true },
    scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max ?? 1) * 1.1] } },
    axes: [
      // Whole hours only: a bucket is at least an hour.
      { ...axis, label: t('hours since first session'), incrs: [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720], values: (_u, ticks) => ticks.map((v) => `${v} h`) },
      { ...axis, size: 56, values: (_u, ticks) => ticks.map((v) => formatCount(v)) },
    ],
    series: [
      { label: t('Age'), value: (_u, v) => (v === null ? NO_VALUE : `${v} h`) },
      line(t('{0} (base)', s.base.release), colors.muted, [6, 4]),
      line(s.candidate.release, colors.series),
    ],
  };
  return { options, data: alignByAge(s) as uPlot.AlignedData };
}
