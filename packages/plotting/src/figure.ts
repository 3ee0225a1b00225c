/**
 * A figure: a canvas of `figsize` inches at `dpi`, holding one or more axes on a grid. It renders
 * to SVG anywhere, to PNG and files in Node, and into a page element in the browser.
 */
import { Axes } from "./axes.js";
import { axesSpec, type VegaLiteSpec } from "./axes-spec.js";
import { TAB10 } from "./colors.js";
import type { AxesImage } from "./image.js";
import { composeSVG } from "./compose.js";
import { showFigures, type ShowOptions, type ShowResult } from "./show.js";
import type { ThemeName } from "./theme.js";
import { specToSVG } from "./vega.js";

/** Options of a new figure. */
export interface FigureOptions {
  /** Width and height in inches (matplotlib's default `[6.4, 4.8]`). */
  figsize?: readonly [number, number];
  /** Pixels per inch (default 100): a figure is `figsize × dpi` pixels. */
  dpi?: number;
  /** `"matplotlib"` (default) or `"plotly"` looks. */
  theme?: ThemeName;
  /** The colour cycle for series without a colour. */
  palette?: readonly string[];
}

/** Options of rendering and saving. */
export interface RenderOptions {
  /** Overrides the figure's dpi: more pixels, same figure (fonts and lines scale too). */
  dpi?: number;
}

/** Options of `savefig` and `toPNG`. */
export interface SaveOptions extends RenderOptions {
  /** `"svg"` or `"png"`; by default taken from the file's extension. */
  format?: "svg" | "png";
  /** Font files for PNG text (default: DejaVu Sans, shipped with the package). */
  fontFiles?: string[];
  /** Also let PNG text use the system's fonts (default `false`, for the same output everywhere). */
  loadSystemFonts?: boolean;
}

interface Slot {
  axes: Axes;
  nrows: number;
  ncols: number;
  index: number;
}

/**
 * A figure of one or more axes.
 *
 * @example
 * ```ts
 * const fig = new Figure({ figsize: [8, 4] });
 * const ax = fig.add_subplot(1, 2, 1);
 * ax.scatter([1, 2, 3], [2, 4, 5], { label: "data" });
 * ax.legend();
 * await fig.savefig("out/figure.png"); // 800 × 400 pixels
 * ```
 */
export class Figure {
  /** Width and height in inches. */
  readonly figsize: readonly [number, number];
  /** Pixels per inch. */
  readonly dpi: number;
  /** Which library's look the figure copies. */
  readonly theme: ThemeName;
  private readonly palette: readonly string[];
  private readonly slots: Slot[] = [];
  private current: Axes | undefined;

  constructor(options: FigureOptions = {}) {
    const [w, h] = options.figsize ?? [6.4, 4.8];
    if (!(w > 0 && h > 0)) throw new Error(`figure: figsize must be two positive numbers of inches, got [${w}, ${h}]`);
    const dpi = options.dpi ?? 100;
    if (!(dpi > 0)) throw new Error(`figure: dpi must be positive, got ${dpi}`);
    this.figsize = [w, h];
    this.dpi = dpi;
    this.theme = options.theme ?? "matplotlib";
    this.palette = options.palette ?? TAB10;
  }

  /** The axes in the order they were added. */
  get axes(): Axes[] {
    return this.slots.map((s) => s.axes);
  }

  /** Width and height in pixels at `dpi`. */
  sizeInPixels(dpi = this.dpi): [number, number] {
    return [Math.round(this.figsize[0] * dpi), Math.round(this.figsize[1] * dpi)];
  }

  /**
   * The axes at `index` (from 1, row by row) of an `nrows × ncols` grid, created if new and
   * made current; asking again for the same place returns the same axes, as in matplotlib.
   */
  add_subplot(nrows = 1, ncols = 1, index = 1): Axes {
    for (const [v, name] of [[nrows, "nrows"], [ncols, "ncols"]] as const)
      if (!Number.isInteger(v) || v < 1) throw new Error(`add_subplot: ${name} must be a positive integer, got ${v}`);
    if (!Number.isInteger(index) || index < 1 || index > nrows * ncols)
      throw new Error(`add_subplot: index must be between 1 and ${nrows * ncols}, got ${index}`);
    let slot = this.slots.find((s) => s.nrows === nrows && s.ncols === ncols && s.index === index);
    if (!slot) this.slots.push((slot = { axes: new Axes(this.palette), nrows, ncols, index }));
    this.current = slot.axes;
    return slot.axes;
  }

  /** The current axes, created if the figure has none. */
  gca(): Axes {
    return this.current ?? this.add_subplot();
  }

  /** Makes `axes` (one of this figure's) the current axes. */
  sca(axes: Axes): void {
    if (!this.axes.includes(axes)) throw new Error("sca: the axes belong to another figure");
    this.current = axes;
  }

  /**
   * Draws a colour bar beside the axes of `im` (an image `imshow` returned; default: the current
   * axes' last image), showing its colour map from `vmin` to `vmax`.
   */
  colorbar(im?: AxesImage): void {
    const image = im ?? this.current?.images.at(-1);
    if (!image) throw new Error("colorbar: no image to draw a colour bar for; call imshow first");
    if (!this.axes.some((a) => a.images.includes(image))) throw new Error("colorbar: the image belongs to another figure");
    image.colorbar = true;
  }

  /** Removes every axes (matplotlib's `clf`). */
  clf(): void {
    this.slots.length = 0;
    this.current = undefined;
  }

  /** One Vega-Lite spec per axes, with every tensor read finished. */
  async toVegaLite(options: RenderOptions = {}): Promise<VegaLiteSpec[]> {
    const dpi = options.dpi ?? this.dpi;
    if (this.slots.length === 0) this.gca();
    return Promise.all(
      this.slots.map(async (slot) => {
        const cell = this.cell(slot, dpi);
        return axesSpec(await slot.axes.resolve(), { width: cell.w, height: cell.h, dpi, theme: this.theme });
      }),
    );
  }

  /** The figure as an SVG document of `figsize × dpi` pixels. */
  async toSVG(options: RenderOptions = {}): Promise<string> {
    const dpi = options.dpi ?? this.dpi;
    const specs = await this.toVegaLite({ dpi });
    const svgs = await Promise.all(specs.map(specToSVG));
    const [w, h] = this.sizeInPixels(dpi);
    return composeSVG(svgs.map((svg, k) => ({ svg, ...this.cell(this.slots[k]!, dpi) })), w, h);
  }

  /** The figure as PNG bytes of `figsize × dpi` pixels (Node only). */
  async toPNG(options: SaveOptions = {}): Promise<Uint8Array> {
    const { svgToPNG } = await import("./render-node.js");
    return svgToPNG(await this.toSVG(options), options);
  }

  /**
   * Writes the figure to `path` (Node only): `.svg` or `.png`, of `figsize × dpi` pixels. Missing
   * folders are created. Resolves to the path written.
   */
  async savefig(path: string, options: SaveOptions = {}): Promise<string> {
    const { saveFigure } = await import("./render-node.js");
    return saveFigure(this, path, options);
  }

  /**
   * Shows the figure: in a browser, renders it into `options.container` (replacing what is
   * there) or appends it to `document.body`; in Node, writes a PNG as `pyplot.show` does.
   */
  async show(options: ShowOptions = {}): Promise<ShowResult> {
    return (await showFigures([this], options))[0]!;
  }

  private cell(slot: Slot, dpi: number): { x: number; y: number; w: number; h: number } {
    const [W, H] = this.sizeInPixels(dpi);
    const col = (slot.index - 1) % slot.ncols;
    const row = Math.floor((slot.index - 1) / slot.ncols);
    const x0 = Math.round((col * W) / slot.ncols);
    const x1 = Math.round(((col + 1) * W) / slot.ncols);
    const y0 = Math.round((row * H) / slot.nrows);
    const y1 = Math.round(((row + 1) * H) / slot.nrows);
    return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  }
}
