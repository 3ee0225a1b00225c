/**
 * Matplotlib's `pyplot`: functions that draw on the current figure and axes, so a lesson's
 * `plt.scatter(x, y)` … `plt.show()` ports line by line.
 *
 * @example
 * ```ts
 * import { pyplot as plt } from "@flambeau/plotting";
 * plt.plot(x_train, y_train, "go", { label: "True data", alpha: 0.5 });
 * plt.plot(x_train, predicted, "--", { label: "Predictions", alpha: 0.5 });
 * plt.legend({ loc: "best" });
 * await plt.savefig("predictions.png");
 * ```
 */
import type { TextOptions } from "./annotation.js";
import type { Axes, LegendOptions, Limits, ScaleType } from "./axes.js";
import type { Data1D } from "./data.js";
import { Figure, type FigureOptions, type SaveOptions } from "./figure.js";
import type { AxesImage, Data2D, ImshowOptions } from "./image.js";
import type { PlotOptions, ScatterOptions } from "./options.js";
import { showFigures, type ShowOptions, type ShowResult } from "./show.js";

const open = new Map<number, Figure>();
let current: Figure | undefined;

/**
 * Makes a new figure current (`figure({ figsize: [8, 4] })`), or the figure numbered `num`,
 * creating it if needed.
 */
export function figure(num?: number | FigureOptions, options: FigureOptions = {}): Figure {
  if (typeof num === "object") [num, options] = [undefined, num];
  const existing = num !== undefined ? open.get(num) : undefined;
  if (existing) return (current = existing);
  const fig = new Figure(options);
  open.set(num ?? nextNumber(), fig);
  return (current = fig);
}

/** The current figure, created if there is none. */
export function gcf(): Figure {
  return current ?? figure();
}

/** The current axes of the current figure, created if there are none. */
export function gca(): Axes {
  return gcf().gca();
}

/** Options of `subplots`: the figure's, plus `squeeze: false` to always get a 2-D array. */
export interface SubplotsOptions extends FigureOptions {
  squeeze?: boolean;
}

/**
 * A new figure with an `nrows × ncols` grid of axes, as `[fig, axes]`: one `Axes` for 1×1, an
 * array for one row or column, else an array of rows (matplotlib's squeeze).
 *
 * @example
 * ```ts
 * const [fig, [left, right]] = plt.subplots(1, 2, { figsize: [10, 4] });
 * left.scatter(x, y);
 * right.plot(losses);
 * ```
 */
export function subplots(nrows?: 1, ncols?: 1, options?: SubplotsOptions & { squeeze?: true }): [Figure, Axes];
export function subplots(nrows: 1, ncols: number, options?: SubplotsOptions & { squeeze?: true }): [Figure, Axes[]];
export function subplots(nrows: number, ncols: 1, options?: SubplotsOptions & { squeeze?: true }): [Figure, Axes[]];
export function subplots(nrows: number, ncols: number, options?: SubplotsOptions): [Figure, Axes[][]];
export function subplots(nrows = 1, ncols = 1, options: SubplotsOptions = {}): [Figure, Axes | Axes[] | Axes[][]] {
  const fig = figure(options);
  const grid: Axes[][] = [];
  for (let r = 0; r < nrows; r++) {
    grid.push([]);
    for (let c = 0; c < ncols; c++) grid[r]!.push(fig.add_subplot(nrows, ncols, r * ncols + c + 1));
  }
  fig.sca(grid[0]![0]!);
  if (options.squeeze === false) return [fig, grid];
  if (nrows === 1 && ncols === 1) return [fig, grid[0]![0]!];
  if (nrows === 1) return [fig, grid[0]!];
  if (ncols === 1) return [fig, grid.map((row) => row[0]!)];
  return [fig, grid];
}

/** The axes at `index` (from 1) of an `nrows × ncols` grid of the current figure, made current. */
export function subplot(nrows: number, ncols: number, index: number): Axes {
  return gcf().add_subplot(nrows, ncols, index);
}

/** Draws lines and/or markers on the current axes; see {@link Axes.plot}. */
export function plot(y: Data1D, fmt?: string, options?: PlotOptions): void;
export function plot(y: Data1D, options: PlotOptions): void;
export function plot(x: Data1D, y: Data1D, fmt?: string, options?: PlotOptions): void;
export function plot(x: Data1D, y: Data1D, options: PlotOptions): void;
export function plot(...args: unknown[]): void {
  (gca().plot as (...a: unknown[]) => void)(...args);
}

/** Draws markers on the current axes; see {@link Axes.scatter}. */
export function scatter(x: Data1D, y: Data1D, options?: ScatterOptions): void {
  gca().scatter(x, y, options);
}

/**
 * Draws a 2-D array as an image on the current axes; see {@link Axes.imshow}.
 *
 * @example
 * ```ts
 * plt.imshow(confusion, { cmap: "Blues" });
 * plt.colorbar();
 * ```
 */
export function imshow(X: Data2D, options?: ImshowOptions): AxesImage {
  return gca().imshow(X, options);
}

/** Writes `s` at `(x, y)` on the current axes; see {@link Axes.text}. */
export function text(x: number, y: number, s: unknown, options?: TextOptions): void {
  gca().text(x, y, s, options);
}

/** Puts the current axes' x ticks at `ticks`, labelled `labels` (default: the numbers). */
export function xticks(ticks: Iterable<number>, labels?: Iterable<unknown>): void {
  gca().set_xticks(ticks, labels);
}
/** Puts the current axes' y ticks at `ticks`, labelled `labels` (default: the numbers). */
export function yticks(ticks: Iterable<number>, labels?: Iterable<unknown>): void {
  gca().set_yticks(ticks, labels);
}

/** `axis("off")` hides the current axes' frame, ticks and labels. */
export function axis(state: "on" | "off" | boolean): void {
  gca().axis(state);
}

/** Draws a colour bar for `im` (default: the current axes' last image); see {@link Figure.colorbar}. */
export function colorbar(im?: AxesImage): void {
  gcf().colorbar(im);
}

/** Sets the current axes' title, e.g. `title(\`MSE: ${mse.toFixed(2)}\`)`. */
export function title(label: string): void {
  gca().set_title(label);
}
/** Sets the current axes' x label. */
export function xlabel(label: string): void {
  gca().set_xlabel(label);
}
/** Sets the current axes' y label. */
export function ylabel(label: string): void {
  gca().set_ylabel(label);
}
/** Sets the current axes' x limits: `xlim(0, 10)` or `xlim([0, 10])`. */
export function xlim(lo?: number | Limits, hi?: number): void {
  gca().set_xlim(lo, hi);
}
/** Sets the current axes' y limits: `ylim(-10, 30)` or `ylim([-10, 30])`. */
export function ylim(lo?: number | Limits, hi?: number): void {
  gca().set_ylim(lo, hi);
}
/** Sets the current axes' x scale (`"linear"` or `"log"`). */
export function xscale(scale: ScaleType): void {
  gca().set_xscale(scale);
}
/** Sets the current axes' y scale (`"linear"` or `"log"`). */
export function yscale(scale: ScaleType): void {
  gca().set_yscale(scale);
}
/** Shows a legend of the current axes' labelled series; `legend({ loc: "best" })`. */
export function legend(labelsOrOptions?: readonly string[] | LegendOptions, options?: LegendOptions): void {
  gca().legend(labelsOrOptions, options);
}
/** Turns the current axes' grid lines on or off. */
export function grid(visible = true): void {
  gca().grid(visible);
}

/** Writes the current figure to a `.svg` or `.png` file (Node); see {@link Figure.savefig}. */
export function savefig(path: string, options?: SaveOptions): Promise<string> {
  return gcf().savefig(path, options);
}

/**
 * Shows every open figure, then closes them (as matplotlib's `show` does). In a browser each is
 * drawn into `options.container` or appended to `document.body`; in Node each is written to
 * `figures/figure-N.png` (or `options.dir`, or `$FLAMBEAU_FIGURES_DIR`). Resolves when done.
 */
export async function show(options: ShowOptions = {}): Promise<ShowResult[]> {
  const figs = [...open.values()];
  close("all");
  return showFigures(figs, options);
}

/** Clears the current figure (matplotlib's `clf`). */
export function clf(): void {
  gcf().clf();
}

/** Clears the current axes (matplotlib's `cla`). */
export function cla(): void {
  gca().cla();
}

/** Closes the current figure, a given one, one by number, or `"all"`. */
export function close(fig?: Figure | number | "all"): void {
  if (fig === "all") open.clear();
  else {
    const target = fig === undefined ? current : typeof fig === "number" ? open.get(fig) : fig;
    for (const [n, f] of open) if (f === target) open.delete(n);
  }
  if (!current || ![...open.values()].includes(current)) current = [...open.values()].at(-1);
}

/** The numbers of the open figures. */
export function get_fignums(): number[] {
  return [...open.keys()].sort((a, b) => a - b);
}

function nextNumber(): number {
  let n = 1;
  while (open.has(n)) n++;
  return n;
}
