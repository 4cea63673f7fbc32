// What every chart of the webview shares: a uPlot drawn into a container with the theme's
// colours, following the container's width, redrawn on a theme change (uPlot has no API to
// restyle axes in place), and disposed with its observer. Each chart gives what to draw.
import uPlot from 'uplot';
import type { ChartTheme } from './theme';

export const CHART_HEIGHT = 220;

/** What a chart draws for a theme: uPlot's options (size set here) and data. */
export type ChartBuilder = (t: ChartTheme) => { options: Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData };

/** Axis styling from the theme, the same for every chart. */
export function themedAxis(t: ChartTheme): uPlot.Axis {
  return { stroke: t.muted, font: t.font, grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1 } };
}

export class ThemedChart {
  private plot: uPlot | null = null;
  private readonly resize: ResizeObserver;

  constructor(
    private readonly container: HTMLElement,
    theme: ChartTheme,
    private readonly build: ChartBuilder,
  ) {
    this.draw(theme);
    this.resize = new ResizeObserver(() => this.plot?.setSize({ width: this.width(), height: CHART_HEIGHT }));
    this.resize.observe(container);
  }

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
    const { options, data } = this.build(t);
    this.plot = new uPlot({ ...options, width: this.width(), height: CHART_HEIGHT } as uPlot.Options, data, this.container);
  }
}
