// The time-series chart (uPlot, bundled into dist/webview.js): one bar per bucket of the
// health-stats period. Colours come from the theme at render time; the chart follows the width
// of its container.
import uPlot from 'uplot';
import { formatCount, NO_VALUE } from '../present/numbers';
import { formatTime } from '../present/time';
import type { TimeSeries } from './chartData';
import { seriesLabel, utcTickLabel } from './chartData';
import type { ChartTheme } from './theme';

const HEIGHT = 220;

export class TimeSeriesChart {
  private plot: uPlot | null = null;
  private readonly resize: ResizeObserver;

  constructor(
    private readonly container: HTMLElement,
    private readonly series: TimeSeries,
    theme: ChartTheme,
  ) {
    this.draw(theme);
    this.resize = new ResizeObserver(() => this.plot?.setSize({ width: this.width(), height: HEIGHT }));
    this.resize.observe(container);
  }

  /** Redraws with new colours (a theme change); uPlot has no API to restyle axes in place. */
  retheme(theme: ChartTheme): void {
    this.plot?.destroy();
    this.draw(theme);
  }

  dispose(): void {
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }

  private width(): number {
    // Down to the narrowest panel (about 210 px): never wider than its container.
    return Math.max(120, Math.floor(this.container.clientWidth));
  }

  private draw(t: ChartTheme): void {
    const s = this.series;
    const step = s.bucket === 'day' ? 86400 : 3600;
    const axis = { stroke: t.muted, font: t.font, grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1 } };
    const opts: uPlot.Options = {
      width: this.width(),
      height: HEIGHT,
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
        { label: 'Time (UTC)', value: (_u, v) => (v == null ? NO_VALUE : s.bucket === 'day' ? formatTime(new Date(v * 1000).toISOString()).slice(0, 10) : formatTime(new Date(v * 1000).toISOString())) },
        {
          label: seriesLabel(s),
          stroke: t.series,
          fill: t.series,
          width: 0,
          paths: uPlot.paths.bars!({ size: [0.7, 48], align: 0 }),
          points: { show: false },
          value: (_u, v) => (v == null ? NO_VALUE : formatCount(v)),
        },
      ],
    };
    this.plot = new uPlot(opts, [s.xs, s.ys], this.container);
  }
}
