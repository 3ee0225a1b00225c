/** A finite number as a float literal both WGSL and GLSL read as a float (`2.0`, not `2`). */
export function floatLiteral(v: number): string {
  let s = String(Math.abs(v));
  if (!/[.e]/.test(s)) s += ".0";
  return v < 0 || Object.is(v, -0) ? `(-${s})` : s;
}
