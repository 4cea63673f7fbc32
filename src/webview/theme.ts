// The chart draws on a canvas, which cannot use CSS variables, so it reads the VS Code theme's
// colours from computed `--vscode-*` variables when it renders, and re-renders when the theme
// changes (VS Code swaps vscode-light / vscode-dark / vscode-high-contrast on <body>).

export interface ChartTheme {
  series: string;
  foreground: string;
  muted: string;
  grid: string;
  font: string;
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const v = style.getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}

export function readChartTheme(doc: Document): ChartTheme {
  const style = getComputedStyle(doc.documentElement);
  const family = cssVar(style, '--vscode-font-family', 'system-ui, sans-serif');
  const size = cssVar(style, '--vscode-font-size', '13px');
  const highContrast = doc.body.classList.contains('vscode-high-contrast');
  return {
    series: cssVar(style, '--vscode-charts-blue', '#3794ff'),
    foreground: cssVar(style, '--vscode-foreground', '#cccccc'),
    muted: cssVar(style, '--vscode-descriptionForeground', '#999999'),
    // In high contrast the panel border is faint or absent; the contrast border is what HC themes set.
    grid: highContrast ? cssVar(style, '--vscode-contrastBorder', cssVar(style, '--vscode-panel-border', '#6f6f6f')) : cssVar(style, '--vscode-panel-border', 'rgba(128,128,128,0.35)'),
    font: `${parseInt(size, 10) - 1 || 12}px ${family}`,
  };
}

/** Calls `onChange` when VS Code switches the theme kind; returns the stop function. */
export function observeThemeKind(doc: Document, onChange: () => void): () => void {
  let last = themeKind(doc);
  const observer = new MutationObserver(() => {
    const now = themeKind(doc);
    if (now !== last) {
      last = now;
      onChange();
    }
  });
  observer.observe(doc.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-id'] });
  return () => observer.disconnect();
}

/** The theme classes plus the theme id: switching between two dark themes changes colours too. */
function themeKind(doc: Document): string {
  const cls = Array.from(doc.body.classList).filter((c) => c.startsWith('vscode-')).sort().join(' ');
  return `${cls}|${doc.body.dataset.vscodeThemeId ?? ''}`;
}
