/**
 * Matplotlib's marker codes as Vega symbol shapes. Vega has a few shapes built in; the rest are
 * SVG paths in Vega's unit square (-1..1), which Vega scales to the symbol size.
 */

interface MarkerShape {
  /** A Vega shape name or an SVG path. */
  shape: string;
  /** Drawn as an outline only (matplotlib's 'x', '+', '1'… are strokes, not areas). */
  stroked: boolean;
  /** Relative size: ',' is a pixel and '.' a small dot. */
  scale: number;
}

const filled = (shape: string, scale = 1): MarkerShape => ({ shape, stroked: false, scale });
const stroked = (shape: string): MarkerShape => ({ shape, stroked: true, scale: 1 });

const STAR = "M0,-1L0.225,-0.309L0.951,-0.309L0.363,0.118L0.588,0.809L0,0.382L-0.588,0.809L-0.363,0.118L-0.951,-0.309L-0.225,-0.309Z";
const PENTAGON = "M0,-1L0.951,-0.309L0.588,0.809L-0.588,0.809L-0.951,-0.309Z";
const HEXAGON = "M0,-1L0.866,-0.5L0.866,0.5L0,1L-0.866,0.5L-0.866,-0.5Z";
const HEXAGON_FLAT = "M-1,0L-0.5,-0.866L0.5,-0.866L1,0L0.5,0.866L-0.5,0.866Z";
const OCTAGON = "M-0.383,-0.924L0.383,-0.924L0.924,-0.383L0.924,0.383L0.383,0.924L-0.383,0.924L-0.924,0.383L-0.924,-0.383Z";
const PLUS_FILLED = "M-0.3,-1H0.3V-0.3H1V0.3H0.3V1H-0.3V0.3H-1V-0.3H-0.3Z";
const X_FILLED = "M-0.75,-1L0,-0.25L0.75,-1L1,-0.75L0.25,0L1,0.75L0.75,1L0,0.25L-0.75,1L-1,0.75L-0.25,0L-1,-0.75Z";

/** Every marker code matplotlib's format strings accept. */
export const MARKERS: Readonly<Record<string, MarkerShape>> = {
  ".": filled("circle", 0.5),
  ",": filled("square", 0.17),
  o: filled("circle"),
  v: filled("triangle-down"),
  "^": filled("triangle-up"),
  "<": filled("triangle-left"),
  ">": filled("triangle-right"),
  "1": stroked("M0,0L0,1M0,0L-0.866,-0.5M0,0L0.866,-0.5"),
  "2": stroked("M0,0L0,-1M0,0L-0.866,0.5M0,0L0.866,0.5"),
  "3": stroked("M0,0L-1,0M0,0L0.5,-0.866M0,0L0.5,0.866"),
  "4": stroked("M0,0L1,0M0,0L-0.5,-0.866M0,0L-0.5,0.866"),
  "8": filled(OCTAGON),
  s: filled("square"),
  p: filled(PENTAGON),
  P: filled(PLUS_FILLED),
  "*": filled(STAR, 1.3),
  h: filled(HEXAGON),
  H: filled(HEXAGON_FLAT),
  "+": stroked("M-1,0L1,0M0,-1L0,1"),
  x: stroked("M-1,-1L1,1M-1,1L1,-1"),
  X: filled(X_FILLED),
  D: filled("diamond"),
  d: filled("M0,-1L0.6,0L0,1L-0.6,0Z"),
  "|": stroked("M0,-1L0,1"),
  _: stroked("M-1,0L1,0"),
};

/** The Vega shape of a matplotlib marker code, or an error naming the codes that exist. */
export function markerShape(code: string, op: string): MarkerShape {
  const m = MARKERS[code];
  if (!m)
    throw new Error(
      `${op}: unknown marker '${code}'; use one of ${Object.keys(MARKERS)
        .map((k) => `'${k}'`)
        .join(" ")}`,
    );
  return m;
}
