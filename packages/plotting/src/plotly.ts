/**
 * The Plotly helpers of lesson 1 (`trace`, `trace_values`, `m_b_data`, `m_b_trace`, `layout`,
 * `plot`): traces are plain objects, as in the lesson, and `plot` turns them into a
 * {@link Figure} drawn in Plotly's look.
 *
 * @example
 * ```ts
 * import { plotly } from "@flambeau/plotting";
 * const regression_trace = plotly.trace_values([0, 25, 50, 75], [0, 50, 100, 150], { mode: "lines", name: "estimated revenue" });
 * const movie_layout = plotly.layout({ options: { title: "Movie Budget and Revenue (in millions)" } });
 * await plotly.plot([regression_trace], movie_layout).savefig("movies.png");
 * ```
 */
import { PLOTLY_COLORS } from "./colors.js";
import { isData1D, readColumnSync, type Data1D } from "./data.js";
import { Figure } from "./figure.js";

/** How a trace is drawn. */
export type TraceMode = "markers" | "lines" | "lines+markers";

/** A Plotly trace: `{ x, y, mode, name }` (and hover `text`, kept but not drawn). */
export interface Trace {
  x: Data1D;
  y: Data1D;
  mode: TraceMode;
  name: string;
  text?: readonly string[];
}

/** The trailing options of the trace helpers. */
export interface TraceOptions {
  mode?: TraceMode;
  name?: string;
  text?: readonly string[];
}

/** An axis of a layout. */
export interface AxisLayout {
  title?: string | { text: string };
  range?: readonly [number, number];
}

/** A Plotly layout: title, axes (titles and ranges), legend, size in pixels. */
export interface Layout {
  title?: string | { text: string };
  xaxis?: AxisLayout;
  yaxis?: AxisLayout;
  showlegend?: boolean;
  width?: number;
  height?: number;
}

/**
 * A trace from a list of points (the lesson's form, `trace(data, {mode, name})`), or from
 * columns (`trace(x, y, {mode, name})`). Defaults: markers named "data".
 */
export function trace(points: readonly { x: number; y: number }[], options?: TraceOptions | TraceMode, name?: string): Trace;
export function trace(x: Data1D, y: Data1D, options?: TraceOptions | TraceMode, name?: string): Trace;
export function trace(a: unknown, b?: unknown, c?: unknown, d?: unknown): Trace {
  if (Array.isArray(a) && a.length > 0 && typeof a[0] === "object" && !Array.isArray(a[0])) {
    const pts = a as { x: number; y: number }[];
    return trace_values(pts.map((p) => p.x), pts.map((p) => p.y), b as TraceOptions | TraceMode, c as string);
  }
  return trace_values(a as Data1D, b as Data1D, c as TraceOptions | TraceMode, d as string);
}

/** A trace from x and y values: `trace_values(xs, ys, { mode: "lines", name: "estimated revenue" })`. */
export function trace_values(
  x_values: Data1D,
  y_values: Data1D,
  options: TraceOptions | TraceMode = {},
  name?: string,
  text_values?: readonly string[],
): Trace {
  const o: TraceOptions =
    typeof options === "string"
      ? { mode: options, ...(name !== undefined ? { name } : {}), ...(text_values ? { text: text_values } : {}) }
      : options;
  if (!isData1D(x_values) || !isData1D(y_values)) throw new TypeError("trace_values: x_values and y_values must be arrays or tensors");
  const mode = o.mode ?? "markers";
  if (!["markers", "lines", "lines+markers"].includes(mode))
    throw new Error(`trace_values: unknown mode '${mode}'; use 'markers', 'lines' or 'lines+markers'`);
  return { x: x_values, y: y_values, mode, name: o.name ?? "data", text: o.text ?? [] };
}

/**
 * The points of the line `y = m x + b` at `x_values`: `m_b_data(1.5, 20, [0, 50, 100])` is
 * `{ x: [0, 50, 100], y: [20, 95, 170] }`.
 */
export function m_b_data(m: number, b: number, x_values: Data1D): { x: number[]; y: number[] } {
  const x = readColumnSync(x_values, "m_b_data", "x_values");
  return { x, y: x.map((xi) => xi * m + b) };
}

/** A trace of the line `y = m x + b` at `x_values` (default: lines named "line function"). */
export function m_b_trace(m: number, b: number, x_values: Data1D, options: TraceOptions | TraceMode = {}, name?: string): Trace {
  const o = typeof options === "string" ? { mode: options, ...(name !== undefined ? { name } : {}) } : options;
  const data = m_b_data(m, b, x_values);
  return trace_values(data.x, data.y, { mode: o.mode ?? "lines", name: o.name ?? "line function" });
}

/** What `layout` accepts: the lesson's `x_range`, `y_range` and `options`, or layout keys directly. */
export interface LayoutArgs extends Layout {
  x_range?: readonly [number, number];
  y_range?: readonly [number, number];
  options?: Layout;
}

/**
 * A layout, as the lesson's `layout(x_range, y_range, options)`:
 * `layout({ options: { title: "…" } })`, `layout({ x_range: [0, 100] })`, or Plotly's own keys.
 */
export function layout(args: LayoutArgs = {}): Layout {
  const { x_range, y_range, options, ...rest } = args;
  const out: Layout = { ...rest, ...options };
  // Axis settings from the three sources merge rather than replace one another.
  const xaxis = { ...rest.xaxis, ...(x_range ? { range: x_range } : {}), ...options?.xaxis };
  const yaxis = { ...rest.yaxis, ...(y_range ? { range: y_range } : {}), ...options?.yaxis };
  if (Object.keys(xaxis).length) out.xaxis = xaxis;
  if (Object.keys(yaxis).length) out.yaxis = yaxis;
  return out;
}

/**
 * A figure of the traces with the layout, in Plotly's look (700 × 450 pixels by default; a
 * legend when there is more than one trace, as Plotly does). Save or show it:
 * `await plot([t], l).savefig("fig.png")`, `await plot([t], l).show()`.
 */
export function plot(traces: readonly Trace[], layoutSpec: Layout = {}): Figure {
  if (!Array.isArray(traces)) throw new TypeError(`plot: first argument must be a list of traces, got ${typeof traces}`);
  const w = layoutSpec.width ?? 700;
  const h = layoutSpec.height ?? 450;
  const fig = new Figure({ figsize: [w / 100, h / 100], dpi: 100, theme: "plotly", palette: PLOTLY_COLORS });
  const ax = fig.gca();
  for (const t of traces) {
    if (t.mode.includes("lines")) ax.plot(t.x, t.y, { label: t.name, lw: 1.5, ...(t.mode.includes("markers") ? { marker: "o", ms: 4.5 } : {}) });
    else ax.scatter(t.x, t.y, { label: t.name, s: 20 });
  }
  const titleText = (t: string | { text: string } | undefined) => (typeof t === "object" ? t.text : t);
  const title = titleText(layoutSpec.title);
  if (title !== undefined) ax.set_title(title);
  const xt = titleText(layoutSpec.xaxis?.title);
  const yt = titleText(layoutSpec.yaxis?.title);
  if (xt !== undefined) ax.set_xlabel(xt);
  if (yt !== undefined) ax.set_ylabel(yt);
  if (layoutSpec.xaxis?.range) ax.set_xlim([...layoutSpec.xaxis.range]);
  if (layoutSpec.yaxis?.range) ax.set_ylim([...layoutSpec.yaxis.range]);
  if (layoutSpec.showlegend ?? traces.length > 1) ax.legend({ loc: "outside" });
  return fig;
}
