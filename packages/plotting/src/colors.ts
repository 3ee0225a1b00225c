/**
 * Colours as matplotlib names them. Anything else (CSS names, `#rrggbb`, `rgb(…)`) goes to
 * Vega unchanged, which understands CSS colours.
 */

/** Matplotlib's default colour cycle ("tab10"), used for series without a colour. */
export const TAB10 = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
] as const;

/** Plotly's default colour cycle, so lesson 1's figures look like Plotly's. */
export const PLOTLY_COLORS = [
  "#636efa",
  "#EF553B",
  "#00cc96",
  "#ab63fa",
  "#FFA15A",
  "#19d3f3",
  "#FF6692",
  "#B6E880",
  "#FF97FF",
  "#FECB52",
] as const;

/** The one-letter colours of format strings, with matplotlib's values (not CSS's). */
export const BASE_COLORS: Readonly<Record<string, string>> = {
  b: "#0000ff",
  g: "#008000",
  r: "#ff0000",
  c: "#00bfbf",
  m: "#bf00bf",
  y: "#bfbf00",
  k: "#000000",
  w: "#ffffff",
};

const TAB_NAMES = ["blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan"];

/** A matplotlib colour spec as a CSS colour: `'r'`, `'C3'`, `'tab:red'`, `'red'`, `'#f00'`. */
export function resolveColor(spec: string): string {
  const base = BASE_COLORS[spec];
  if (base) return base;
  const cycle = /^C(\d)$/.exec(spec);
  if (cycle) return TAB10[Number(cycle[1])]!;
  if (spec.startsWith("tab:")) {
    const i = TAB_NAMES.indexOf(spec.slice(4) === "grey" ? "gray" : spec.slice(4));
    if (i >= 0) return TAB10[i]!;
  }
  return spec;
}
