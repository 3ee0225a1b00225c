/**
 * Where a legend goes. Matplotlib places it inside the axes by `loc`; Vega-Lite's inside
 * positions are the four corners, so every `loc` maps to the nearest corner, and `"best"`
 * picks the corner that covers the fewest data points, as matplotlib's does.
 */

/** Matplotlib's legend locations (names or codes 0-10), plus `"outside"` (right of the axes, Plotly's place). */
export type LegendLoc =
  | "best"
  | "upper right"
  | "upper left"
  | "lower left"
  | "lower right"
  | "right"
  | "center left"
  | "center right"
  | "lower center"
  | "upper center"
  | "center"
  | "outside"
  | number;

/** Vega-Lite legend orients used here. */
export type Orient = "top-right" | "top-left" | "bottom-left" | "bottom-right" | "right";

const CODES = [
  "best",
  "upper right",
  "upper left",
  "lower left",
  "lower right",
  "right",
  "center left",
  "center right",
  "lower center",
  "upper center",
  "center",
];

/** The Vega-Lite orient for a matplotlib `loc`; `points` (x, y and domains) serve `"best"`. */
export function legendOrient(loc: LegendLoc, points: () => PointCloud): Orient {
  const name = typeof loc === "number" ? CODES[loc] : loc;
  if (name === undefined) throw new Error(`legend: unknown loc ${loc}; use 0-10 or a name such as 'best'`);
  if (name === "outside") return "right";
  if (name === "best") return bestCorner(points());
  if (!CODES.includes(name)) throw new Error(`legend: unknown loc '${name}'; use one of ${CODES.map((c) => `'${c}'`).join(", ")} or 'outside'`);
  const vertical = name.includes("lower") ? "bottom" : "top";
  const horizontal = name.includes("left") ? "left" : "right";
  return `${vertical}-${horizontal}`;
}

/** Every plotted point with the axes' extents. */
export interface PointCloud {
  xs: number[];
  ys: number[];
  xDomain: [number, number];
  yDomain: [number, number];
}

// Count points in each corner third of the axes (where a legend box would sit) and take the
// emptiest; ties keep matplotlib's order of preference (upper right first).
function bestCorner({ xs, ys, xDomain, yDomain }: PointCloud): Orient {
  const corners: Orient[] = ["top-right", "top-left", "bottom-left", "bottom-right"];
  const counts = [0, 0, 0, 0];
  const [x0, x1] = xDomain;
  const [y0, y1] = yDomain;
  const w = x1 - x0 || 1;
  const h = y1 - y0 || 1;
  for (let i = 0; i < xs.length; i++) {
    const u = (xs[i]! - x0) / w;
    const v = (ys[i]! - y0) / h;
    if (!Number.isFinite(u) || !Number.isFinite(v)) continue;
    const right = u > 0.6;
    const left = u < 0.4;
    const top = v > 0.6;
    const bottom = v < 0.4;
    if (top && right) counts[0]!++;
    if (top && left) counts[1]!++;
    if (bottom && left) counts[2]!++;
    if (bottom && right) counts[3]!++;
  }
  let best = 0;
  for (let k = 1; k < 4; k++) if (counts[k]! < counts[best]!) best = k;
  return corners[best]!;
}
