/** The keyword arguments of `plot` and `scatter`, as trailing options objects. */
import type { Data1D } from "./data.js";

/** Line styles by symbol or by name, as matplotlib accepts them. */
export type LineStyleName = "-" | "--" | "-." | ":" | "solid" | "dashed" | "dashdot" | "dotted" | "None" | "none" | "" | " ";

/** Options of `plot` (matplotlib's keyword arguments); they override the format string. */
export interface PlotOptions {
  /** Legend entry; shown by `legend()`. */
  label?: string;
  /** Any matplotlib or CSS colour: `"red"`, `"r"`, `"C1"`, `"tab:blue"`, `"#1f77b4"`. */
  color?: string;
  /** Opacity, 0 to 1. */
  alpha?: number;
  /** Line style: `"-"`, `"--"`, `"-."`, `":"` or their names; `"None"` draws markers only. */
  linestyle?: LineStyleName;
  /** Short for `linestyle`. */
  ls?: LineStyleName;
  /** Line width in points (default 1.5). */
  linewidth?: number;
  /** Short for `linewidth`. */
  lw?: number;
  /** Marker code, e.g. `"o"`, `"s"`, `"x"`. */
  marker?: string;
  /** Marker diameter in points (default 6). */
  markersize?: number;
  /** Short for `markersize`. */
  ms?: number;
}

/** Options of `scatter` (matplotlib's keyword arguments). */
export interface ScatterOptions {
  /** A colour, or one number per point mapped through the viridis colour map. */
  c?: string | Data1D;
  /** A colour for every point. */
  color?: string;
  /** Legend entry; shown by `legend()`. */
  label?: string;
  /** Opacity, 0 to 1. */
  alpha?: number;
  /** Marker code (default `"o"`). */
  marker?: string;
  /** Marker area in points² (default 36, as in matplotlib). */
  s?: number;
}
