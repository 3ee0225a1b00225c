/**
 * An axes as a Vega-Lite spec: one layer per line and per set of markers, scales shared, a
 * legend built by Vega-Lite from the labelled series (colour, marker shape, size and dash merged
 * into one legend), sized to fit exactly `width × height` pixels.
 */
import type { Limits, ResolvedAxes } from "./axes.js";
import { imageDatasetName, imageExtent, imageLayer, pixelRows, textLayers, tickAxis } from "./image-spec.js";
import { legendOrient, type PointCloud } from "./legend.js";
import { markerShape } from "./markers.js";
import { inLegend, type ResolvedSeries, type SeriesStyle } from "./series.js";
import { fitFontSize, textWidth } from "./text-metrics.js";
import { pt, themeConfig, type ThemeName } from "./theme.js";

/** A Vega-Lite spec as plain JSON. */
export type VegaLiteSpec = Record<string, unknown>;

/** How big and in which look to draw. */
export interface SpecSize {
  width: number;
  height: number;
  dpi: number;
  theme: ThemeName;
}

/** The row Vega gets for point `i` of a series: `x`, `y`, drawing order, legend key and colour value. */
export interface Row {
  x: number;
  y: number;
  i: number;
  s?: string;
  c?: number;
}

/** The name of series `k`'s dataset, which a live chart streams into. */
export const datasetName = (k: number): string => `series_${k}`;

/** The rows of a series from index `start` on. */
export function rowsOf(s: Pick<ResolvedSeries, "x" | "y" | "c" | "style">, start = 0): Row[] {
  const key = inLegend(s) ? s.style.label : undefined;
  const rows: Row[] = [];
  for (let i = start; i < s.x.length; i++) {
    const r: Row = { x: s.x[i]!, y: s.y[i]!, i };
    if (key !== undefined) r.s = key;
    if (s.c) r.c = s.c[i]!;
    rows.push(r);
  }
  return rows;
}

/** The Vega-Lite spec of one axes. */
export function axesSpec(axes: ResolvedAxes, size: SpecSize): VegaLiteSpec {
  const { settings, series } = axes;
  const p = (x: number) => pt(x, size.dpi);
  const legendShown = settings.legend !== undefined && series.some(inLegend);
  const entries = legendEntries(series, p);
  const legend = legendShown
    ? { orient: legendOrient(settings.legend!, () => cloud(axes)), title: null, offset: p(6), ...legendBox(size.theme) }
    : null;

  const { images, texts } = axes;
  const hasData = series.length > 0;
  const x: VegaLiteSpec = { field: "x", type: "quantitative", title: settings.xlabel ?? null, scale: scale(settings.xlim, settings.xscale, hasData, p) };
  const y: VegaLiteSpec = { field: "y", type: "quantitative", title: settings.ylabel ?? null, scale: scale(settings.ylim, settings.yscale, hasData, p) };
  if (images.length > 0) fitImages(axes, x, y);
  x.axis = settings.axison ? tickAxis(settings.xticks) : null;
  y.axis = settings.axison ? tickAxis(settings.yticks) : null;
  const clip = settings.xlim.some((v) => v !== undefined) || settings.ylim.some((v) => v !== undefined);
  const ctx: LayerContext = { x, y, clip, legend, entries, p };

  const datasets: Record<string, unknown[]> = {};
  const layer: VegaLiteSpec[] = [];
  const colorbar = { type: "gradient", orient: "right", title: null, gradientLength: size.height * 0.8, gradientThickness: p(10) };
  images.forEach((im, k) => {
    datasets[imageDatasetName(k)] = pixelRows(im);
    layer.push(imageLayer(im, k, x, y, colorbar));
  });
  series.forEach((s, k) => {
    datasets[datasetName(k)] = rowsOf(s);
    if (s.style.linestyle !== "None") layer.push(lineLayer(s, k, ctx));
    if (s.style.marker !== undefined) layer.push(pointLayer(s, k, ctx));
  });
  layer.push(...textLayers(texts, x, y, p));
  // An empty axes still draws its frame and axes, over matplotlib's default 0..1 range.
  if (layer.length === 0)
    layer.push({ data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }, mark: { type: "point", opacity: 0 }, encoding: { x, y } });

  const config = themeConfig(size.theme, size.dpi, settings.grid);
  if (!settings.axison) config.view = { stroke: null };
  const [width, height] = images.length > 0 ? squarePixels(axes, size, p) : [size.width, size.height];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width,
    height,
    autosize: images.length > 0 ? { type: "pad", contains: "padding" } : { type: "fit", contains: "padding" },
    padding: p(4),
    background: "white",
    config,
    ...(settings.title ? { title: titleSpec(settings.title, size, p) } : {}),
    datasets,
    layer,
  };
}

// Matplotlib's imshow: pixel centres on whole numbers, row 0 at the top, the image filling the
// axes without margins (where no limits were set).
function fitImages(axes: ResolvedAxes, x: VegaLiteSpec, y: VegaLiteSpec): void {
  const extent = imageExtent(axes.images);
  const { xlim, ylim } = axes.settings;
  const xs = x.scale as VegaLiteSpec;
  const ys = y.scale as VegaLiteSpec;
  delete xs.padding;
  delete ys.padding;
  xs.domainMin = xlim[0] ?? extent.x[0];
  xs.domainMax = xlim[1] ?? extent.x[1];
  ys.domainMin = ylim[0] ?? extent.y[0];
  ys.domainMax = ylim[1] ?? extent.y[1];
  ys.reverse = true;
}

// Matplotlib draws image pixels square: the axes shrink along one side to the image's aspect.
// Vega-Lite sizes the plot area exactly ("pad"), so the room for the axes, title and colour bar
// is set aside first, generously: the chart comes out no bigger than its cell (and is centred in it).
function squarePixels(axes: ResolvedAxes, size: SpecSize, p: (x: number) => number): [number, number] {
  const extent = imageExtent(axes.images);
  const aspect = (extent.y[1] - extent.y[0]) / (extent.x[1] - extent.x[0]);
  const { axison, xlabel, ylabel, title } = axes.settings;
  const left = (axison ? p(32) : 0) + (ylabel ? p(16) : 0);
  const right = axes.images.some((im) => im.colorbar) ? p(56) : 0;
  const bottom = (axison ? p(22) : 0) + (xlabel ? p(16) : 0);
  const top = title ? p(24) : 0;
  const w = Math.max(1, size.width - left - right - p(10));
  const h = Math.max(1, size.height - top - bottom - p(10));
  const [pw, ph] = h / w > aspect ? [w, w * aspect] : [h / aspect, h];
  return [Math.floor(pw), Math.floor(ph)];
}

// A title wider than the figure would squeeze the plot, so it is set smaller; one wider than the
// plot area is centred over the whole chart rather than the plot, so it stays inside the figure.
// Plotly puts titles at the top left.
function titleSpec(text: string, size: SpecSize, p: (x: number) => number): VegaLiteSpec {
  const fontSize = fitFontSize(text, p(12), size.width - p(16));
  if (size.theme === "plotly") return { text, fontSize, anchor: "start", frame: "bounds" };
  const wide = textWidth(text, fontSize) > 0.7 * size.width;
  return { text, fontSize, anchor: "middle", frame: wide ? "bounds" : "group" };
}

interface LayerContext {
  x: VegaLiteSpec;
  y: VegaLiteSpec;
  clip: boolean;
  legend: VegaLiteSpec | null;
  entries: LegendEntries;
  p: (points: number) => number;
}

// Legend channels share one domain (the labels in order), so Vega-Lite merges them into one
// legend whose symbols show each series' colour, marker (a short stroke for a plain line), size and dash.
interface LegendEntries {
  domain: string[];
  color: string[];
  shape: string[];
  size: number[];
  dash: number[][];
}

function legendEntries(series: ResolvedSeries[], p: (x: number) => number): LegendEntries {
  const e: LegendEntries = { domain: [], color: [], shape: [], size: [], dash: [] };
  for (const s of series.filter(inLegend)) {
    if (e.domain.includes(s.style.label!)) continue;
    e.domain.push(s.style.label!);
    e.color.push(s.style.color);
    const m = s.style.marker;
    e.shape.push(m !== undefined ? markerShape(m, s.op).shape : "stroke");
    e.size.push(m !== undefined ? markerSize(s.style, p) : p(20) ** 2);
    e.dash.push(dashArray(s.style, p) ?? [1, 0]);
  }
  return e;
}

function lineLayer(s: ResolvedSeries, k: number, ctx: LayerContext): VegaLiteSpec {
  const dash = dashArray(s.style, ctx.p);
  const keyed = ctx.legend !== null && inLegend(s);
  const encoding: VegaLiteSpec = { x: ctx.x, y: ctx.y, order: { field: "i" }, ...colorEncoding(s, ctx, "color") };
  if (keyed && ctx.entries.dash.some((d) => d.length !== 2 || d[0] !== 1 || d[1] !== 0))
    encoding.strokeDash = { field: "s", type: "nominal", scale: { domain: ctx.entries.domain, range: ctx.entries.dash }, legend: ctx.legend };
  return {
    data: { name: datasetName(k) },
    // A NaN breaks the line into pieces instead of joining its neighbours (matplotlib's gap).
    mark: {
      type: "line",
      strokeWidth: ctx.p(s.style.linewidth),
      opacity: s.style.alpha,
      clip: ctx.clip,
      invalid: "break-paths-show-domains",
      ...(dash ? { strokeDash: dash } : {}),
    },
    encoding,
  };
}

function pointLayer(s: ResolvedSeries, k: number, ctx: LayerContext): VegaLiteSpec {
  const shape = markerShape(s.style.marker!, s.op);
  const keyed = ctx.legend !== null && inLegend(s);
  const encoding: VegaLiteSpec = { x: ctx.x, y: ctx.y, ...colorEncoding(s, ctx, shape.stroked ? "stroke" : "fill") };
  const mark: VegaLiteSpec = { type: "point", filled: !shape.stroked, opacity: s.style.alpha, clip: ctx.clip, strokeWidth: ctx.p(1.5) };
  if (keyed) {
    const { domain, shape: shapes, size: sizes } = ctx.entries;
    encoding.shape = { field: "s", type: "nominal", scale: { domain, range: shapes }, legend: ctx.legend };
    encoding.size = { field: "s", type: "ordinal", sort: domain, scale: { domain, range: sizes }, legend: ctx.legend };
  } else {
    Object.assign(mark, { shape: shape.shape, size: markerSize(s.style, ctx.p) });
  }
  // Per-point colours (scatter's numeric `c`) go through viridis, matplotlib's default colour map.
  if (s.c) encoding.fill = { field: "c", type: "quantitative", scale: { scheme: "viridis" }, legend: null };
  return { data: { name: datasetName(k) }, mark, encoding };
}

// Labelled series take their colour from the shared legend scale; others from a fixed value.
function colorEncoding(s: ResolvedSeries, ctx: LayerContext, channel: "color" | "fill" | "stroke"): VegaLiteSpec {
  if (ctx.legend !== null && inLegend(s))
    return { color: { field: "s", type: "nominal", scale: { domain: ctx.entries.domain, range: ctx.entries.color }, legend: ctx.legend } };
  return { [channel]: { value: s.style.color } };
}

// Vega's symbol size is the area of the symbol's box in px²; matplotlib's is the marker area in pt².
function markerSize(style: SeriesStyle, p: (x: number) => number): number {
  const scale = markerShape(style.marker!, "plot").scale;
  return style.markerArea * (p(1) * scale) ** 2;
}

// Matplotlib's dash patterns, which scale with the line width.
function dashArray(style: SeriesStyle, p: (x: number) => number): number[] | undefined {
  const lw = style.linewidth;
  const pattern = { "--": [3.7, 1.6], "-.": [6.4, 1.6, 1, 1.6], ":": [1, 1.65] }[style.linestyle as "--"];
  return pattern?.map((d) => p(d * lw));
}

// Matplotlib leaves 5% of the data range as a margin and does not stretch axes to include zero.
function scale(lim: Limits, type: "linear" | "log", hasData: boolean, p: (x: number) => number): VegaLiteSpec {
  const sc: VegaLiteSpec = { type, zero: false, nice: false };
  if (lim[0] !== undefined) sc.domainMin = lim[0];
  if (lim[1] !== undefined) sc.domainMax = lim[1];
  if (lim[0] === undefined && lim[1] === undefined && hasData) sc.padding = p(14);
  return sc;
}

function legendBox(theme: "matplotlib" | "plotly"): VegaLiteSpec {
  return theme === "plotly" ? {} : { fillColor: "rgba(255,255,255,0.8)", strokeColor: "#cccccc", cornerRadius: 3 };
}

// Points along every series (lines sampled between vertices) for the "best" legend corner.
function cloud(axes: ResolvedAxes): PointCloud {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of axes.series) {
    const line = s.style.linestyle !== "None";
    for (let i = 0; i < s.x.length; i++) {
      xs.push(s.x[i]!);
      ys.push(s.y[i]!);
      if (line && i + 1 < s.x.length)
        for (let t = 1; t < 8; t++) {
          xs.push(s.x[i]! + ((s.x[i + 1]! - s.x[i]!) * t) / 8);
          ys.push(s.y[i]! + ((s.y[i + 1]! - s.y[i]!) * t) / 8);
        }
    }
  }
  return { xs, ys, xDomain: extent(xs, axes.settings.xlim), yDomain: extent(ys, axes.settings.ylim) };
}

function extent(v: number[], lim: Limits): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of v) if (Number.isFinite(x)) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
  return [lim[0] ?? lo, lim[1] ?? hi];
}
