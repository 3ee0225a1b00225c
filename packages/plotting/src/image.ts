/**
 * Images on an axes, as matplotlib's `imshow` draws them: a 2-D array of numbers, each one a
 * pixel coloured through a colour map between `vmin` and `vmax`, row 0 at the top.
 */
import { isTensorLike, type NestedNumbers, type TensorLike } from "./data.js";

/** A 2-D array of numbers: a tensor of shape `[M, N]` (leading 1s allowed) or nested arrays. */
export type Data2D = TensorLike | readonly (readonly number[])[] | NestedNumbers;

/** Matplotlib's colour maps that `imshow` knows; a `_r` suffix reverses one. */
export const COLORMAPS = ["viridis", "plasma", "inferno", "magma", "gray", "Greys", "binary", "Blues", "Greens", "Reds", "Oranges", "Purples"] as const;

/** A colour map name: one of the maps in `COLORMAPS`, optionally reversed with `_r` (`"gray_r"`). */
export type Colormap = (typeof COLORMAPS)[number] | `${(typeof COLORMAPS)[number]}_r`;

/** Options of `imshow` (matplotlib's keyword arguments). */
export interface ImshowOptions {
  /** The colour map (default `"viridis"`, as in matplotlib). */
  cmap?: Colormap;
  /** The value drawn in the colour map's first colour (default: the data's minimum). */
  vmin?: number;
  /** The value drawn in the colour map's last colour (default: the data's maximum). */
  vmax?: number;
}

/** An image an axes holds, as `imshow` returns it (matplotlib's `AxesImage`): `fig.colorbar(im)` takes it. */
export interface AxesImage {
  readonly rows: number;
  readonly cols: number;
  /** The pixel values row by row, read now or still being read from a device. */
  readonly values: number[] | Promise<number[]>;
  readonly cmap: Colormap;
  readonly vmin?: number;
  readonly vmax?: number;
  /** Whether a colour bar is drawn beside the axes. */
  colorbar: boolean;
}

/** An image with its values read and its colour limits settled. */
export interface ResolvedImage {
  rows: number;
  cols: number;
  values: number[];
  cmap: Colormap;
  vmin: number;
  vmax: number;
  colorbar: boolean;
}

/** Builds the image `imshow(X, options)` draws; errors name `imshow` and what was wrong. */
export function buildImage(X: Data2D, options: ImshowOptions = {}): AxesImage {
  const cmap = options.cmap ?? "viridis";
  checkColormap(cmap);
  for (const k of ["vmin", "vmax"] as const)
    if (options[k] !== undefined && !Number.isFinite(options[k])) throw new Error(`imshow: ${k} must be a finite number, got ${options[k]}`);
  if (options.vmin !== undefined && options.vmax !== undefined && options.vmin > options.vmax)
    throw new Error(`imshow: vmin (${options.vmin}) is greater than vmax (${options.vmax})`);
  const { rows, cols, values } = readMatrix(X);
  if (!Array.isArray(values)) values.catch(() => {}); // reported when the figure is drawn
  return { rows, cols, values, cmap, vmin: options.vmin, vmax: options.vmax, colorbar: false };
}

/** Reads the image's values and settles `vmin`/`vmax` from the data where not given. */
export async function resolveImage(im: AxesImage): Promise<ResolvedImage> {
  const values = await im.values;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  if (lo > hi) [lo, hi] = [0, 1];
  const vmin = im.vmin ?? lo;
  const vmax = Math.max(im.vmax ?? hi, vmin);
  return { rows: im.rows, cols: im.cols, values, cmap: im.cmap, vmin, vmax, colorbar: im.colorbar };
}

/** The Vega scale range of a colour map: a scheme name or two end colours, and whether reversed. */
export function colormapScale(cmap: Colormap): { scheme?: string; range?: string[]; reverse: boolean } {
  const reversed = cmap.endsWith("_r");
  const base = (reversed ? cmap.slice(0, -2) : cmap) as (typeof COLORMAPS)[number];
  // Matplotlib's gray runs black to white; Greys and binary run white to black.
  if (base === "gray") return { range: ["#000000", "#ffffff"], reverse: reversed };
  if (base === "Greys" || base === "binary") return { range: ["#ffffff", "#000000"], reverse: reversed };
  return { scheme: base.toLowerCase(), reverse: reversed };
}

function checkColormap(cmap: string): void {
  const base = cmap.endsWith("_r") ? cmap.slice(0, -2) : cmap;
  if (!(COLORMAPS as readonly string[]).includes(base))
    throw new Error(`imshow: unknown cmap '${cmap}'; use one of ${COLORMAPS.join(", ")} (or one of them with '_r')`);
}

function readMatrix(X: Data2D): { rows: number; cols: number; values: number[] | Promise<number[]> } {
  if (isTensorLike(X)) {
    const shape = [...X.shape];
    while (shape.length > 2 && shape[0] === 1) shape.shift();
    if (shape.length !== 2) throw new Error(`imshow: X must be 2-D (M×N), got a tensor of shape [${X.shape.join(", ")}]`);
    const [rows, cols] = shape as [number, number];
    if (rows === 0 || cols === 0) throw new Error(`imshow: X is empty (shape [${X.shape.join(", ")}])`);
    let now: ArrayLike<number | boolean> | undefined;
    try {
      now = X.dataSync?.();
    } catch {
      now = undefined; // a device that reads asynchronously
    }
    const toNumbers = (d: ArrayLike<number | boolean>) => {
      if (d.length !== rows * cols) throw new Error(`imshow: X read ${d.length} values, its shape says ${rows * cols}`);
      return Array.from(d, (v) => (Number.isFinite(Number(v)) ? Number(v) : NaN));
    };
    return { rows, cols, values: now ? toNumbers(now) : X.data().then(toNumbers) };
  }
  if (!Array.isArray(X) || !X.every((r) => Array.isArray(r)))
    throw new TypeError("imshow: X must be a 2-D tensor or an array of rows of numbers");
  const rowsOf = X as readonly (readonly unknown[])[];
  const cols = rowsOf[0]?.length ?? 0;
  if (rowsOf.length === 0 || cols === 0) throw new Error("imshow: X is empty");
  const values: number[] = [];
  rowsOf.forEach((row, i) => {
    if (row.length !== cols) throw new Error(`imshow: the rows of X differ in length (row 0 has ${cols} values, row ${i} has ${row.length})`);
    for (const v of row) {
      if (typeof v !== "number") throw new TypeError(`imshow: X[${i}] holds a ${typeof v}, not a number`);
      values.push(Number.isFinite(v) ? v : NaN);
    }
  });
  return { rows: rowsOf.length, cols, values };
}
