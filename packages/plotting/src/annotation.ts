/**
 * Text placed in data coordinates (matplotlib's `ax.text(x, y, s)`), e.g. the count in each cell
 * of a confusion matrix, and the tick positions and labels an axes may be given.
 */
import { resolveColor } from "./colors.js";

/** Horizontal alignment of a text's anchor point. */
export type HorizontalAlignment = "left" | "center" | "right";
/** Vertical alignment of a text's anchor point. */
export type VerticalAlignment = "top" | "center" | "bottom" | "baseline";

/** Options of `text` (matplotlib's keyword arguments). */
export interface TextOptions {
  /** Where the anchor is on the text, left to right (default `"left"`, as in matplotlib). */
  ha?: HorizontalAlignment;
  /** Where the anchor is on the text, top to bottom (default `"baseline"`). */
  va?: VerticalAlignment;
  /** Any matplotlib or CSS colour (default black). */
  color?: string;
  /** Font size in points (default 10). */
  fontsize?: number;
}

/** A text an axes holds, every option settled. */
export interface Annotation {
  x: number;
  y: number;
  text: string;
  ha: HorizontalAlignment;
  va: VerticalAlignment;
  color: string;
  fontsize: number;
}

/** Builds the text `text(x, y, s, options)` draws. */
export function buildAnnotation(x: number, y: number, s: unknown, options: TextOptions = {}): Annotation {
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`text: x and y must be finite numbers, got (${x}, ${y})`);
  const ha = options.ha ?? "left";
  const va = options.va ?? "baseline";
  if (!["left", "center", "right"].includes(ha)) throw new Error(`text: ha must be 'left', 'center' or 'right', got '${ha}'`);
  if (!["top", "center", "bottom", "baseline"].includes(va)) throw new Error(`text: va must be 'top', 'center', 'bottom' or 'baseline', got '${va}'`);
  const fontsize = options.fontsize ?? 10;
  if (!(fontsize > 0)) throw new Error(`text: fontsize must be a positive number of points, got ${fontsize}`);
  return { x, y, text: String(s), ha, va, color: resolveColor(options.color ?? "black"), fontsize };
}

/** Tick positions, and the labels to show there (default: the positions as numbers). */
export interface Ticks {
  values: number[];
  labels?: string[];
}

/** Checks `set_xticks(ticks, labels)`'s arguments. */
export function buildTicks(op: string, ticks: Iterable<number>, labels?: Iterable<unknown>): Ticks {
  const values = Array.from(ticks, Number);
  for (const v of values) if (!Number.isFinite(v)) throw new Error(`${op}: ticks must be finite numbers, got ${v}`);
  if (labels === undefined) return { values };
  const names = Array.from(labels, String);
  if (names.length !== values.length) throw new Error(`${op}: ${values.length} ticks but ${names.length} labels`);
  return { values, labels: names };
}
