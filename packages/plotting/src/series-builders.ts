/**
 * Turning the arguments of `plot` and `scatter` into a {@link Series}: matplotlib's positional
 * forms, format strings, options and defaults, checked as early as the data allows.
 */
import { resolveColor } from "./colors.js";
import { checkSameLength, isData1D, readColumn, type Data1D } from "./data.js";
import { parseFormatString, type LineStyle } from "./format-string.js";
import { markerShape } from "./markers.js";
import type { LineStyleName, PlotOptions, ScatterOptions } from "./options.js";
import type { Column, Series } from "./series.js";

/** The arguments `plot` accepts: `(y)`, `(x, y)`, each optionally followed by a format string and options. */
export type PlotArgs =
  | [y: Data1D, fmtOrOptions?: string | PlotOptions, options?: PlotOptions]
  | [x: Data1D, y: Data1D, fmtOrOptions?: string | PlotOptions, options?: PlotOptions];

const LINESTYLE_NAMES: Record<string, LineStyle> = {
  "-": "-", solid: "-", "--": "--", dashed: "--", "-.": "-.", dashdot: "-.", ":": ":", dotted: ":",
  None: "None", none: "None", "": "None", " ": "None",
};

/** The series `plot(...args)` draws; `nextColor` gives the colour cycle's next colour. */
export function buildPlotSeries(args: readonly unknown[], nextColor: () => string): Series {
  const data = args.filter(isData1D);
  const rest = args.slice(data.length).filter((a) => a !== undefined);
  if (data.length < 1 || data.length > 2 || rest.some((a) => isData1D(a)))
    throw new TypeError("plot: expected plot(y) or plot(x, y), each optionally followed by a format string and options");
  const fmt = typeof rest[0] === "string" ? (rest.shift() as string) : undefined;
  const opts = (rest[0] ?? {}) as PlotOptions;
  if (rest.length > 1 || typeof opts !== "object") throw new TypeError("plot: too many arguments");
  const spec = fmt === undefined ? { linestyle: "-" as LineStyle } : parseFormatString(fmt);

  const yData = data[data.length - 1]!;
  const y = keepQuiet(readColumn(yData, "plot", "y"));
  const x = data.length === 2 ? keepQuiet(readColumn(data[0]!, "plot", "x")) : indicesFor(y);
  checkNow("plot", x, y);

  const ls = opts.linestyle ?? opts.ls;
  const linestyle = ls !== undefined ? toLineStyle(ls) : spec.linestyle;
  const marker = opts.marker ?? spec.marker;
  if (marker !== undefined) markerShape(marker, "plot");
  const ms = opts.markersize ?? opts.ms ?? 6;
  return {
    op: "plot",
    x,
    y,
    style: {
      color: opts.color !== undefined ? resolveColor(opts.color) : (spec.color ?? nextColor()),
      alpha: checkAlpha("plot", opts.alpha),
      ...(opts.label !== undefined ? { label: String(opts.label) } : {}),
      linestyle,
      linewidth: opts.linewidth ?? opts.lw ?? 1.5,
      ...(marker !== undefined ? { marker, markerStroked: markerShape(marker, "plot").stroked } : {}),
      markerArea: ms * ms,
    },
  };
}

/** The series `scatter(x, y, options)` draws. */
export function buildScatterSeries(x: Data1D, y: Data1D, opts: ScatterOptions, nextColor: () => string): Series {
  if (!isData1D(x) || !isData1D(y)) throw new TypeError("scatter: expected scatter(x, y, options?) with arrays or tensors");
  const xs = keepQuiet(readColumn(x, "scatter", "x"));
  const ys = keepQuiet(readColumn(y, "scatter", "y"));
  checkNow("scatter", xs, ys);
  const marker = opts.marker ?? "o";
  const shape = markerShape(marker, "scatter");
  const c = opts.c !== undefined && typeof opts.c !== "string" ? keepQuiet(readColumn(opts.c, "scatter", "c")) : undefined;
  if (c && Array.isArray(c) && Array.isArray(xs) && c.length !== xs.length)
    throw new Error(`scatter: c has ${c.length} values but x and y have ${xs.length}`);
  const color = opts.color ?? (typeof opts.c === "string" ? opts.c : undefined);
  if (opts.s !== undefined && !(opts.s >= 0)) throw new Error(`scatter: s must be a non-negative number, got ${opts.s}`);
  return {
    op: "scatter",
    x: xs,
    y: ys,
    ...(c ? { c } : {}),
    style: {
      color: color !== undefined ? resolveColor(color) : nextColor(),
      alpha: checkAlpha("scatter", opts.alpha),
      ...(opts.label !== undefined ? { label: String(opts.label) } : {}),
      linestyle: "None",
      linewidth: 1.5,
      marker,
      markerStroked: shape.stroked,
      markerArea: opts.s ?? 36,
    },
  };
}

function toLineStyle(ls: LineStyleName): LineStyle {
  const s = LINESTYLE_NAMES[ls];
  if (!s) throw new Error(`plot: unknown linestyle '${ls}'; use '-', '--', '-.', ':' or 'None'`);
  return s;
}

function checkAlpha(op: string, alpha: number | undefined): number {
  if (alpha === undefined) return 1;
  if (!(alpha >= 0 && alpha <= 1)) throw new Error(`${op}: alpha must be between 0 and 1, got ${alpha}`);
  return alpha;
}

// Lengths are checked now when both columns are at hand; otherwise when the figure is drawn.
function checkNow(op: string, x: Column, y: Column): void {
  if (Array.isArray(x) && Array.isArray(y)) checkSameLength(op, x, y);
}

function indicesFor(y: Column): Column {
  const idx = (v: number[]) => v.map((_, i) => i);
  return Array.isArray(y) ? idx(y) : keepQuiet(y.then(idx));
}

// A read that fails is reported when the figure is drawn; until then it must not surface as an
// unhandled rejection.
function keepQuiet(c: Column): Column {
  if (!Array.isArray(c)) c.catch(() => {});
  return c;
}
