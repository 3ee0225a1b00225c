/**
 * One set of axes: the series drawn on it and its title, labels, limits and legend. Both the
 * pyplot functions and `subplots` panels are these methods; drawing happens when a figure is
 * rendered, after any tensor reads have finished.
 */
import { TAB10 } from "./colors.js";
import { checkSameLength, type Data1D } from "./data.js";
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
}

/** An axes whose series have all been read. */
export interface ResolvedAxes {
  series: ResolvedSeries[];
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
  /** Title, labels, limits, scales, legend and grid. */
  readonly settings: AxesSettings = { xlim: [undefined, undefined], ylim: [undefined, undefined], xscale: "linear", yscale: "linear", grid: false };
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
    Object.assign(this.settings, { title: undefined, xlabel: undefined, ylabel: undefined, legend: undefined });
    Object.assign(this.settings, { xlim: [undefined, undefined], ylim: [undefined, undefined], xscale: "linear", yscale: "linear", grid: false });
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
    return { series, settings: { ...this.settings } };
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
