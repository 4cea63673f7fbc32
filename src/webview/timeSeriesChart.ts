// The time-series chart (uPlot, bundled into dist/webview.js): one bar per bucket of the
// health-stats period. Colours come from the theme at render time; the chart follows the width
// of its container.
import uPlot from 'uplot';
import { formatCount, NO_VALUE } from '../present/numbers';
import { formatTime } from '../present/time';
import type { TimeSeries } from './chartData';
import { seriesLabel, utcTickLabel } from './chartData';
import type { ChartTheme } from './theme';
import { ThemedChart, themedAxis, type ChartBuilder } from './themedChart';
import { t } from '../present/localize';

/** One bar per bucket of the health-stats period. */
export class TimeSeriesChart extends ThemedChart {
  constructor(container: HTMLElement, series: TimeSeries, theme: ChartTheme) {
    super(container, theme, (colors) => timeSeriesChart(series, colors));
  }
}

function timeSeriesChart(s: TimeSeries, colors: ChartTheme): ReturnType<ChartBuilder> {
  const step = s.bucket === 'day' ? 86400 : 3600;
  const axis = themedAxis(colors);
  const options: ReturnType<ChartBuilder>['options'] = {
    // Buckets are UTC-aligned and the scope line says UTC, so the axis does too.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    cursor: { y: false, points: { show: false } },
    legend: { show: true, live: true },
    scales: {
      // Half a bucket of room on each side so the first and last bars are whole.
      x: { time: true, range: (_u, min, max) => [min - step / 2, max + step / 2] },
      y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] },
    },
    axes: [
      { ...axis, values: (_u, ticks) => ticks.map((ts, i) => utcTickLabel(ts, s.bucket, i === 0)) },
      { ...axis, size: 56, values: (_u, ticks) => ticks.map((v) => formatCount(v)) },
    ],
    series: [
      // The legend shows the one no-value mark when the cursor is off the data (uPlot's default is "--").
      { label: t('Time (UTC)'), value: (_u, v) => (v == null ? NO_VALUE : s.bucket === 'day' ? formatTime(new Date(v * 1000).toISOString()).slice(0, 10) : formatTime(new Date(v * 1000).toISOString())) },
      {
        label: seriesLabel(s),
        stroke: colors.series,
        fill: colors.series,
        width: 0,
        paths: uPlot.paths.bars!({ size: [0.7, 48], align: 0 }),
        points: { show: false },
        value: (_u, v) => (v == null ? NO_VALUE : formatCount(v)),
      },
    ],
  };
  return { options, data: [s.xs, s.ys] };
}
