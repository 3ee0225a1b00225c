/**
 * The Vega-Lite layers of an axes' images (one rect per pixel, coloured through the image's
 * colour map) and texts, and what images change about the axes: matplotlib's `imshow` puts
 * pixel centres on whole numbers, row 0 at the top, with no margin around the image.
 */
import type { Annotation, Ticks } from "./annotation.js";
import type { VegaLiteSpec } from "./axes-spec.js";
import { colormapScale, type ResolvedImage } from "./image.js";
import { FONT } from "./theme.js";

/** The name of image `k`'s dataset. */
export const imageDatasetName = (k: number): string => `image_${k}`;

// Each pixel reaches this far (a quarter pixel of the image) under its right and lower neighbours, which are drawn
// over it: their anti-aliased edges then blend with its colour, not the white behind, so no
// hairlines show between pixels. The image's own outer edges are clipped to the axes.
const OVERLAP = 0.25;

/** One rect per pixel: its edges in data coordinates and its value. */
export function pixelRows(im: ResolvedImage): { x0: number; x1: number; y0: number; y1: number; v: number }[] {
  const rows = [];
  for (let i = 0; i < im.rows; i++)
    for (let j = 0; j < im.cols; j++)
      rows.push({ x0: j - 0.5, x1: j + 0.5 + OVERLAP, y0: i - 0.5, y1: i + 0.5 + OVERLAP, v: im.values[i * im.cols + j]! });
  return rows;
}

/** The x and y domains that show every image whole: `[-0.5, cols - 0.5]` and `[-0.5, rows - 0.5]`. */
export function imageExtent(images: readonly ResolvedImage[]): { x: [number, number]; y: [number, number] } {
  const cols = Math.max(...images.map((im) => im.cols));
  const rows = Math.max(...images.map((im) => im.rows));
  return { x: [-0.5, cols - 0.5], y: [-0.5, rows - 0.5] };
}

/** The layer of image `k`; `legend` is its colour bar (drawn when `colorbar` was called), or null. */
export function imageLayer(im: ResolvedImage, k: number, x: VegaLiteSpec, y: VegaLiteSpec, legend: VegaLiteSpec | null): VegaLiteSpec {
  const { scheme, range, reverse } = colormapScale(im.cmap);
  // Two-colour maps (gray) are straight lines through RGB in matplotlib, not through Vega's default HCL.
  // Equal limits would give Vega an empty domain: everything takes the map's first colour, as in matplotlib.
  const domain = [im.vmin, im.vmax > im.vmin ? im.vmax : im.vmin + 1];
  const scale = { type: "linear", domain, clamp: true, zero: false, nice: false, reverse, ...(scheme ? { scheme } : { range, interpolate: "rgb" }) };
  const color = { field: "v", type: "quantitative", scale, legend: im.colorbar ? legend : null };
  return {
    data: { name: imageDatasetName(k) },
    mark: { type: "rect", clip: true },
    encoding: {
      x: { ...x, field: "x0" },
      x2: { field: "x1" },
      y: { ...y, field: "y0" },
      y2: { field: "y1" },
      fill: color,
    },
  };
}

const ALIGN = { left: "left", center: "center", right: "right" } as const;
const BASELINE = { top: "top", center: "middle", bottom: "bottom", baseline: "alphabetic" } as const;

/**
 * The layers of an axes' texts: one per alignment used (Vega-Lite aligns a layer as a whole),
 * each text's colour and size taken from its row as they are.
 */
export function textLayers(texts: readonly Annotation[], x: VegaLiteSpec, y: VegaLiteSpec, p: (points: number) => number): VegaLiteSpec[] {
  const groups = new Map<string, Annotation[]>();
  for (const t of texts) {
    const key = `${t.ha} ${t.va}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()].map((group) => ({
    data: { values: group.map((t) => ({ x: t.x, y: t.y, text: t.text, color: t.color, size: p(t.fontsize) })) },
    mark: { type: "text", align: ALIGN[group[0]!.ha], baseline: BASELINE[group[0]!.va], font: FONT },
    encoding: {
      x,
      y,
      text: { field: "text", type: "nominal" },
      color: { field: "color", type: "nominal", scale: null, legend: null },
      size: { field: "size", type: "quantitative", scale: null, legend: null },
    },
  }));
}

/** An axis given tick positions (and labels): Vega-Lite's `values` and a `labelExpr` for the labels. */
export function tickAxis(ticks: Ticks | undefined): VegaLiteSpec {
  if (!ticks) return {};
  // Ticks set by hand are all drawn and labelled, as in matplotlib: Vega would thin them to the
  // theme's tick count, and drop labels it thinks overlap.
  const axis: VegaLiteSpec = { values: ticks.values, tickCount: ticks.values.length, labelOverlap: false };
  if (ticks.labels) {
    const cases = ticks.values.map((v, i) => `datum.value === ${v} ? ${JSON.stringify(ticks.labels![i])} : `).join("");
    axis.labelExpr = `${cases}''`;
  }
  return axis;
}
