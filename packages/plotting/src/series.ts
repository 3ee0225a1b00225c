/**
 * One plotted series as an axes records it: where its numbers come from (read now, or still
 * being read from a device) and how it is drawn, with every default already chosen.
 */
import type { LineStyle } from "./format-string.js";

/** Numbers read now, or a read still under way on an asynchronous device. */
export type Column = number[] | Promise<number[]>;

/** How a series is drawn; sizes are in points, as in matplotlib. */
export interface SeriesStyle {
  /** A CSS colour. */
  color: string;
  /** 0 (transparent) to 1 (opaque). */
  alpha: number;
  /** The legend entry; none for `undefined` or a label starting with `_` (matplotlib's rule). */
  label?: string;
  /** `"None"` draws no line. */
  linestyle: LineStyle;
  /** Line width in points. */
  linewidth: number;
  /** A marker code (`"o"`, `"x"`, …); none for `undefined`. */
  marker?: string;
  /** Marker area in points² (matplotlib's scatter `s`). */
  markerArea: number;
  /** Whether markers are outlines (`'x'`, `'+'`) rather than filled. */
  markerStroked?: boolean;
}

/** A series as recorded by `plot` or `scatter`. */
export interface Series {
  /** The method that made it, for error messages. */
  op: "plot" | "scatter";
  x: Column;
  y: Column;
  /** Per-point values mapped through a colour map (scatter's `c` given as numbers). */
  c?: Column;
  style: SeriesStyle;
}

/** A series with every column read and checked. */
export interface ResolvedSeries {
  op: "plot" | "scatter";
  x: number[];
  y: number[];
  c?: number[];
  style: SeriesStyle;
}

/** True when a series shows in the legend. */
export const inLegend = (s: { style: SeriesStyle }): boolean =>
  s.style.label !== undefined && s.style.label !== "" && !s.style.label.startsWith("_");
