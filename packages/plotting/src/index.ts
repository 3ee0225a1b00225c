/**
 * `@flambeau/plotting`: the lessons' figures with a real charting library (Vega-Lite) underneath.
 *
 * - `pyplot` — matplotlib's functions: `plt.scatter`, `plt.plot(x, y, "go")`, `plt.imshow`, `plt.text`, `plt.legend()`, `plt.savefig`, `plt.show`.
 * - `plotly` — the Plotly helpers of lesson 1: `trace_values`, `m_b_trace`, `layout`, `plot`.
 * - `LossChart` / `liveLoss` — a loss curve a training loop appends to, live in a browser.
 * - `Figure` / `Axes` — the objects behind them, for side-by-side panels and direct use.
 *
 * @example
 * ```ts
 * import { pyplot as plt } from "@flambeau/plotting";
 * plt.scatter(x, y, { label: "data" });
 * plt.plot(x, y_est, { color: "red", label: "bad model" });
 * plt.xlabel("x");
 * plt.ylabel("y");
 * plt.legend();
 * await plt.savefig("bad-model.png");
 * ```
 * @packageDocumentation
 */
export * as pyplot from "./pyplot.js";
export * as plotly from "./plotly.js";
export { Figure, type FigureOptions, type RenderOptions, type SaveOptions } from "./figure.js";
export { Axes, type AxesSettings, type LegendOptions, type Limits, type ScaleType } from "./axes.js";
export { LossChart, liveLoss, type LossChartOptions } from "./live.js";
export { parseFormatString, type FormatSpec, type LineStyle } from "./format-string.js";
export type { PlotOptions, ScatterOptions, LineStyleName } from "./options.js";
export type { AxesImage, Colormap, Data2D, ImshowOptions } from "./image.js";
export type { HorizontalAlignment, TextOptions, VerticalAlignment } from "./annotation.js";
export type { Data1D, TensorLike, NestedNumbers, NumericTypedArray } from "./data.js";
export type { LegendLoc } from "./legend.js";
export type { ShowOptions, ShowResult } from "./show.js";
export type { ContainerSpec, PageElement } from "./render-browser.js";
export type { ThemeName } from "./theme.js";
export type { Trace, TraceMode, TraceOptions, Layout, AxisLayout, LayoutArgs } from "./plotly.js";
export type { VegaLiteSpec } from "./axes-spec.js";

import * as plotting from "./index.js";

declare global {
  /** `torch.plotting` in the `flambeau` facade: this package, once its types are in the program. */
  interface FlambeauPlotting extends PlottingModule {}
}
type PlottingModule = typeof plotting;

// The facade `flambeau` has plotting as an optional peer and cannot import it statically:
// importing this package is what fills in `torch.plotting` (a registry-wide symbol, so copies of
// the facade and of this package meet without depending on each other).
(globalThis as Record<symbol, unknown>)[Symbol.for("flambeau.plotting")] = plotting;
