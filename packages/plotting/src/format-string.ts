/**
 * Matplotlib's format strings: `'[marker][line][color]'` in any order, e.g. `'go'` (green
 * dots), `'r--'` (red dashes), `'k:'`, `'ro-'`, or a whole colour such as `'red'` or `'C1'`.
 */
import { BASE_COLORS, resolveColor } from "./colors.js";
import { CSS_COLOR_NAMES } from "./css-colors.js";
import { MARKERS } from "./markers.js";

/** Matplotlib's line styles as format strings spell them; `"None"` draws no line. */
export type LineStyle = "-" | "--" | "-." | ":" | "None";

/** What a format string asks for; `undefined` leaves the choice to defaults and options. */
export interface FormatSpec {
  /** The line style; `"None"` when only a marker was given (matplotlib draws no line then). */
  linestyle: LineStyle;
  /** A marker code such as `"o"`, or `undefined` for none. */
  marker?: string;
  /** A CSS colour, or `undefined` for the next colour of the cycle. */
  color?: string;
}

const LINESTYLES_2 = ["--", "-."] as const;
const LINESTYLES_1 = ["-", ":"] as const;

/**
 * Parse a matplotlib format string.
 *
 * @example
 * ```ts
 * parseFormatString("go");  // { linestyle: "None", marker: "o", color: "#008000" }
 * parseFormatString("r--"); // { linestyle: "--", color: "#ff0000" }
 * parseFormatString("--");  // { linestyle: "--" }
 * ```
 * @throws Error naming the character that is not a colour, marker or line style.
 */
export function parseFormatString(fmt: string): FormatSpec {
  if (isWholeColor(fmt)) return { linestyle: "-", color: resolveColor(fmt) };
  let linestyle: LineStyle | undefined;
  let marker: string | undefined;
  let color: string | undefined;
  const fail = (why: string): never => {
    throw new Error(`plot: illegal format string '${fmt}': ${why}`);
  };
  for (let i = 0; i < fmt.length; ) {
    const two = fmt.slice(i, i + 2);
    const c = fmt[i]!;
    if ((LINESTYLES_2 as readonly string[]).includes(two)) {
      if (linestyle) fail("two line styles");
      linestyle = two as LineStyle;
      i += 2;
    } else if ((LINESTYLES_1 as readonly string[]).includes(c)) {
      if (linestyle) fail("two line styles");
      linestyle = c as LineStyle;
      i += 1;
    } else if (c in MARKERS) {
      if (marker) fail("two markers");
      marker = c;
      i += 1;
    } else if (c in BASE_COLORS) {
      if (color) fail("two colours");
      color = BASE_COLORS[c];
      i += 1;
    } else if (c === "C" && /^C\d/.test(fmt.slice(i))) {
      if (color) fail("two colours");
      color = resolveColor(fmt.slice(i, i + 2));
      i += 2;
    } else {
      fail(
        `'${c}' is not a colour (${Object.keys(BASE_COLORS).join("")}, C0-C9), a marker ` +
          `(${Object.keys(MARKERS).join("")}) or a line style (- -- -. :)`,
      );
    }
  }
  // Matplotlib: a marker alone means markers without a line; nothing at all means a solid line.
  const spec: FormatSpec = { linestyle: linestyle ?? (marker ? "None" : "-") };
  if (marker !== undefined) spec.marker = marker;
  if (color !== undefined) spec.color = color;
  return spec;
}

function isWholeColor(fmt: string): boolean {
  return (
    fmt.length > 1 &&
    (/^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(fmt) ||
      /^C\d$/.test(fmt) ||
      fmt.startsWith("tab:") ||
      CSS_COLOR_NAMES.has(fmt.toLowerCase()))
  );
}
