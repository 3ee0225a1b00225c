/**
 * The look of a figure as a Vega-Lite `config`: matplotlib's defaults (black frame, outward
 * ticks, no grid, DejaVu Sans at 10 pt) or Plotly's (grey plot area, white grid). Sizes are in
 * points, as in matplotlib, so a higher dpi gives the same figure with more pixels.
 */

/** Which library's look a figure copies. */
export type ThemeName = "matplotlib" | "plotly";

/** DejaVu Sans is matplotlib's default font and the one shipped for PNG output. */
export const FONT = "DejaVu Sans, Verdana, Helvetica, Arial, sans-serif";

/** Points to pixels at `dpi`. */
export const pt = (points: number, dpi: number): number => (points * dpi) / 72;

/** The Vega-Lite config for a theme at `dpi`; `grid` turns grid lines on. */
export function themeConfig(theme: ThemeName, dpi: number, grid: boolean): Record<string, unknown> {
  const p = (x: number) => pt(x, dpi);
  const text = { font: FONT, labelFont: FONT, titleFont: FONT };
  const axis = {
    ...text,
    labelFontSize: p(10),
    titleFontSize: p(10),
    titleFontWeight: "normal",
    titleColor: "#000",
    labelColor: "#000",
    tickSize: p(3.5),
    tickWidth: p(0.8),
    labelPadding: p(3.5),
    titlePadding: p(4),
    labelOverlap: true,
    grid,
  };
  // Matplotlib spaces ticks widely (about one an inch across, more up); Vega's default is one per 40 px.
  const ticks = {
    axisX: { tickCount: { expr: `ceil(width / ${0.9 * dpi})` } },
    axisY: { tickCount: { expr: `ceil(height / ${0.6 * dpi})` } },
  };
  const common = {
    ...ticks,
    font: FONT,
    legend: {
      ...text,
      labelFontSize: p(10),
      symbolStrokeWidth: p(1.5),
      padding: p(4),
      rowPadding: p(2),
      labelLimit: 0,
    },
    title: { font: FONT, fontSize: p(12), fontWeight: "normal", offset: p(6), color: "#000" },
    line: { strokeWidth: p(1.5) },
    point: { strokeWidth: p(1) },
  };
  if (theme === "plotly")
    return {
      ...common,
      view: { fill: "#E5ECF6", stroke: null },
      axis: { ...axis, grid: true, gridColor: "#ffffff", gridWidth: p(1), domain: false, ticks: false },
    };
  return {
    ...common,
    view: { stroke: "#000", strokeWidth: p(0.8) },
    axis: {
      ...axis,
      domainColor: "#000",
      domainWidth: p(0.8),
      tickColor: "#000",
      gridColor: "#b0b0b0",
      gridWidth: p(0.8),
      gridOpacity: 0.5,
    },
  };
}
