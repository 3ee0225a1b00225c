/**
 * One set of axes: the series drawn on it and its title, labels, limits and legend. Both the
 * pyplot functions and `subplots` panels are these methods; drawing happens when a figure is
 * rendered, after any tensor reads have finished.
 */
import { buildAnnotation, buildTicks, type Annotation, type TextOptions, type Ticks } from "./annotation.js";
import { TAB10 } from "./colors.js";
import { checkSameLength, type Data1D } from "./data.js";
import { buildImage, resolveImage, type AxesImage, type Data2D, type ImshowOptions, type ResolvedImage } from "./image.js";
import type { LegendLoc } from "./legend.js";
import type { PlotOptions, ScatterOptions } from "./options.js";
import { buildPlotSeries, buildScatterSeries, type PlotArgs } from "./series-builders.js";
import type { ResolvedSeries, Series } from "./series.js";

/** Axis limits; an `undefined` side follows the data. */
export type Limits = [lo: number | undefined, hi: number | undefined];

/** Axis scale types. */
export type ScaleType = "linear" | "log";

/** The settings of an axes besides its series. */
export interface AxesSettings {
  title?: string;
  xlabel?: string;
  ylabel?: string;
  xlim: Limits;
  ylim: Limits;
  xscale: ScaleType;
  yscale: ScaleType;
  /** Where the legend goes; `undefined` draws none (call `legend()`, as in matplotlib). */
  legend?: LegendLoc;
  grid: boolean;
  /** Tick positions (and labels) set by `set_xticks` / `set_yticks`; otherwise Vega picks them. */
  xticks?: Ticks;
  yticks?: Ticks;
  /** `false` after `axis("off")`: no frame, ticks or labels. */
  axison: boolean;
}

/** An axes whose series have all been read. */
export interface ResolvedAxes {
  series: ResolvedSeries[];
  images: ResolvedImage[];
  texts: Annotation[];
  settings: AxesSettings;
}

/** Options of `legend`. */
export interface LegendOptions {
  /** Matplotlib's `loc` (default `"best"`), or `"outside"` for the right of the axes. */
  loc?: LegendLoc;
}

/**
 * One panel of a figure, with matplotlib's `Axes` methods (`set_title`, `set_xlabel`, …) and
 * pyplot's short names (`title`, `xlabel`, …) alike.
 *
 * @example
 * ```ts
 * const [fig, [ax1, ax2]] = plt.subplots(1, 2);
 * ax1.scatter(x, y, { label: "data" });
 * ax2.plot(losses, "b-");
 * ax2.set_title("loss");
 * await fig.savefig("panels.png");
 * ```
 */
export class Axes {
  /** The series in drawing order. */
  readonly series: Series[] = [];
  /** The images `imshow` drew, in drawing order (under the series). */
  readonly images: AxesImage[] = [];
  /** The texts `text` placed (over everything else). */
  readonly texts: Annotation[] = [];
  /** Title, labels, limits, scales, legend, grid, ticks. */
  readonly settings: AxesSettings = { xlim: [undefined, undefined], ylim: [undefined, undefined], xscale: "linear", yscale: "linear", grid: false, axison: true };
  private cycle = 0;

  /** @param palette the colour cycle for series without a colour (matplotlib's tab10 by default) */
  constructor(private readonly palette: readonly string[] = TAB10) {}

  /**
   * Lines and/or markers through `(x, y)`; `plot(y)` uses `x = 0, 1, …`. A matplotlib format
   * string (`"go"`, `"r--"`, `"k:"`, `"ro-"`) and options may follow.
   */
  plot(y: Data1D, fmt?: string, options?: PlotOptions): void;
  plot(y: Data1D, options: PlotOptions): void;
  plot(x: Data1D, y: Data1D, fmt?: string, options?: PlotOptions): void;
  plot(x: Data1D, y: Data1D, options: PlotOptions): void;
  plot(...args: PlotArgs): void {
    this.series.push(buildPlotSeries(args, () => this.nextColor()));
  }

  /** Markers at `(x, y)`; `c` may give one number per point (viridis colours). */
  scatter(x: Data1D, y: Data1D, options: ScatterOptions = {}): void {
    this.series.push(buildScatterSeries(x, y, options, () => this.nextColor()));
  }

  /**
   * Draws a 2-D array as an image, each value a pixel coloured through `cmap` between `vmin` and
   * `vmax`, row 0 at the top (matplotlib's `imshow`). Returns the image, for `fig.colorbar(im)`.
   *
   * @example
   * ```ts
   * ax.imshow(images.index(0, 0), { cmap: "gray" }); // a 28×28 digit
   * ax.axis("off");
   * ```
   */
  imshow(X: Data2D, options: ImshowOptions = {}): AxesImage {
    const im = buildImage(X, options);
    this.images.push(im);
    return im;
  }

  /**
   * Writes `s` at `(x, y)` in data coordinates (matplotlib's `text`); `ha`, `va`, `color` and
   * `fontsize` as matplotlib's keywords.
   *
   * @example
   * ```ts
   * ax.text(j, i, String(count), { ha: "center", va: "center", color: "white" });
   * ```
   */
  text(x: number, y: number, s: unknown, options: TextOptions = {}): void {
    this.texts.push(buildAnnotation(x, y, s, options));
  }

  /** Puts x ticks at `ticks`, labelled `labels` (default: the numbers). */
  set_xticks(ticks: Iterable<number>, labels?: Iterable<unknown>): void {
    this.settings.xticks = buildTicks("set_xticks", ticks, labels);
  }
  /** Puts y ticks at `ticks`, labelled `labels` (default: the numbers). */
  set_yticks(ticks: Iterable<number>, labels?: Iterable<unknown>): void {
    this.settings.yticks = buildTicks("set_yticks", ticks, labels);
  }
  /** pyplot's name for {@link Axes.set_xticks}. */
  xticks(ticks: Iterable<number>, labels?: Iterable<unknown>): void {
    this.set_xticks(ticks, labels);
  }
  /** pyplot's name for {@link Axes.set_yticks}. */
  yticks(ticks: Iterable<number>, labels?: Iterable<unknown>): void {
    this.set_yticks(ticks, labels);
  }

  /** `axis("off")` hides the frame, ticks and labels (an image alone); `axis("on")` shows them. */
  axis(state: "on" | "off" | boolean): void {
    if (state !== "on" && state !== "off" && typeof state !== "boolean") throw new Error(`axis: expected 'on' or 'off', got '${String(state)}'`);
    this.settings.axison = state === "on" || state === true;
  }

  /** Sets the axes title. */
  set_title(label: string): void {
    this.settings.title = label;
  }
  /** Sets the x-axis label. */
  set_xlabel(label: string): void {
    this.settings.xlabel = label;
  }
  /** Sets the y-axis label. */
  set_ylabel(label: string): void {
    this.settings.ylabel = label;
  }
  /** Sets the x limits: `set_xlim(0, 10)` or `set_xlim([0, 10])`; an omitted side follows the data. */
  set_xlim(lo?: number | Limits, hi?: number): void {
    this.settings.xlim = limits("xlim", lo, hi);
  }
  /** Sets the y limits, as {@link Axes.set_xlim}. */
  set_ylim(lo?: number | Limits, hi?: number): void {
    this.settings.ylim = limits("ylim", lo, hi);
  }
  /** Sets the x scale, `"linear"` or `"log"`. */
  set_xscale(scale: ScaleType): void {
    this.settings.xscale = scaleType("xscale", scale);
  }
  /** Sets the y scale, `"linear"` or `"log"` (a log loss curve). */
  set_yscale(scale: ScaleType): void {
    this.settings.yscale = scaleType("yscale", scale);
  }

  /** pyplot's name for {@link Axes.set_title}. */
  title(label: string): void {
    this.set_title(label);
  }
  /** pyplot's name for {@link Axes.set_xlabel}. */
  xlabel(label: string): void {
    this.set_xlabel(label);
  }
  /** pyplot's name for {@link Axes.set_ylabel}. */
  ylabel(label: string): void {
    this.set_ylabel(label);
  }
  /** pyplot's name for {@link Axes.set_xlim}. */
  xlim(lo?: number | Limits, hi?: number): void {
    this.set_xlim(lo, hi);
  }
  /** pyplot's name for {@link Axes.set_ylim}. */
  ylim(lo?: number | Limits, hi?: number): void {
    this.set_ylim(lo, hi);
  }
  /** pyplot's name for {@link Axes.set_xscale}. */
  xscale(scale: ScaleType): void {
    this.set_xscale(scale);
  }
  /** pyplot's name for {@link Axes.set_yscale}. */
  yscale(scale: ScaleType): void {
    this.set_yscale(scale);
  }

  /**
   * Shows a legend of the labelled series; `legend(["a", "b"])` labels the series in order first.
   * Series whose label starts with `_` are left out, as in matplotlib.
   */
  legend(labelsOrOptions?: readonly string[] | LegendOptions, options: LegendOptions = {}): void {
    if (Array.isArray(labelsOrOptions)) {
      labelsOrOptions.forEach((l, i) => {
        const s = this.series[i];
        if (s) s.style.label = String(l);
      });
    } else if (labelsOrOptions) options = labelsOrOptions as LegendOptions;
    this.settings.legend = options.loc ?? "best";
  }

  /** Turns grid lines on or off. */
  grid(visible = true): void {
    this.settings.grid = visible;
  }

  /** Clears the series and settings (matplotlib's `cla`). */
  cla(): void {
    this.series.length = 0;
    this.images.length = 0;
    this.texts.length = 0;
    Object.assign(this.settings, { title: undefined, xlabel: undefined, ylabel: undefined, legend: undefined });
    Object.assign(this.settings, { xlim: [undefined, undefined], ylim: [undefined, undefined], xscale: "linear", yscale: "linear", grid: false, axison: true });
    delete this.settings.xticks;
    delete this.settings.yticks;
    this.cycle = 0;
  }

  /** Waits for every tensor read and checks lengths; errors name the method and the lengths. */
  async resolve(): Promise<ResolvedAxes> {
    const series = await Promise.all(
      this.series.map(async (s): Promise<ResolvedSeries> => {
        const [x, y, c] = await Promise.all([s.x, s.y, s.c]);
        checkSameLength(s.op, x, y);
        if (c && c.length !== x.length) throw new Error(`${s.op}: c has ${c.length} values but x and y have ${x.length}`);
        return { op: s.op, x, y, ...(c ? { c } : {}), style: { ...s.style } };
      }),
    );
    const images = await Promise.all(this.images.map(resolveImage));
    return { series, images, texts: this.texts.map((t) => ({ ...t })), settings: { ...this.settings } };
  }

  private nextColor(): string {
    return this.palette[this.cycle++ % this.palette.length]!;
  }
}

function limits(op: string, lo?: number | Limits, hi?: number): Limits {
  const [a, b] = Array.isArray(lo) ? lo : [lo as number | undefined, hi];
  for (const v of [a, b])
    if (v !== undefined && !Number.isFinite(v)) throw new Error(`${op}: limits must be finite numbers, got ${v}`);
  if (a !== undefined && b !== undefined && a === b) throw new Error(`${op}: the limits are equal (${a}); give a range`);
  return [a, b];
}

function scaleType(op: string, s: string): ScaleType {
  if (s !== "linear" && s !== "log") throw new Error(`${op}: unknown scale '${s}'; use 'linear' or 'log'`);
  return s;
}
