// The comparison view's chart (uPlot): the two releases' series on one chart, x = hours since
// each release's first session, so that their lives line up. Colours from the theme.
import uPlot from 'uplot';
import { formatCount, NO_VALUE } from '../present/numbers';
import type { ComparisonViewModel } from './protocol';
import type { ChartTheme } from './theme';
import { ThemedChart, themedAxis, type ChartBuilder } from './themedChart';

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
    super(container, theme, (t) => ageSeriesChart(series, t));
  }
}

function ageSeriesChart(s: Series, t: ChartTheme): ReturnType<ChartBuilder> {
  const axis = themedAxis(t);
  const unit = s.stat === 'users' ? 'users' : 'sessions';
  const line = (label: string, stroke: string, dash?: number[]): uPlot.Series => ({
    label,
    stroke,
    width: 2,
    ...(dash ? { dash } : {}),
    points: { show: false },
    spanGaps: false,
    value: (_u, v) => (v === null ? NO_VALUE : `${formatCount(v)} ${unit}`),
  });
  const options: ReturnType<ChartBuilder>['options'] = {
    cursor: { y: false },
    legend: { show: true, live: true },
    scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max ?? 1) * 1.1] } },
    axes: [
      // Whole hours only: a bucket is at least an hour.
      { ...axis, label: 'hours since first session', incrs: [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720], values: (_u, ticks) => ticks.map((v) => `${v} h`) },
      { ...axis, size: 56, values: (_u, ticks) => ticks.map((v) => formatCount(v)) },
    ],
    series: [
      { label: 'Age', value: (_u, v) => (v === null ? NO_VALUE : `${v} h`) },
      line(`${s.base.release} (base)`, t.muted, [6, 4]),
      line(s.candidate.release, t.series),
    ],
  };
  return { options, data: alignByAge(s) as uPlot.AlignedData };
}
