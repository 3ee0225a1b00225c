/**
 * Strided indexing inside kernels. Every kernel writes a flat, row-major output; each input is
 * a strided view read at a position computed from the output index. Views are first collapsed
 * to the fewest dims (size-1 dims dropped, neighbours merged where every view steps through
 * them evenly), so a contiguous tensor or a broadcast scalar is rank 1 and needs no division,
 * and kernels are compiled per collapsed rank with dims, strides and offsets as uniforms.
 *
 * Kernels are gpu.js JavaScript, compiled to GLSL, where numbers are float32. Positions are
 * integers below 2^24, exact in float32, but a GPU's division is not correctly rounded, so
 * every `floor(t / d)` is corrected with an exact remainder check.
 */
import type { Shape } from "@flambeau/tensor";

/** Several views walked over one iteration shape, collapsed. `dims` run outermost first. */
export interface Walk {
  readonly dims: number[];
  /** Per view, its stride in each collapsed dim. */
  readonly strides: number[][];
  readonly offsets: number[];
}

/** Collapse views of one iteration `shape` (each with its strides and offset) to a {@link Walk}. */
export function collapse(shape: Shape, strides: readonly Shape[], offsets: readonly number[]): Walk {
  const k = strides.length;
  const dims: number[] = [];
  const st: number[][] = strides.map(() => []);
  // Innermost first; reversed at the end.
  for (let d = shape.length - 1; d >= 0; d--) {
    const s = shape[d]!;
    if (s === 1) continue;
    const g = dims.length - 1;
    let merge = g >= 0;
    for (let v = 0; merge && v < k; v++) merge = strides[v]![d] === st[v]![g]! * dims[g]!;
    if (merge) dims[g]! *= s;
    else {
      dims.push(s);
      for (let v = 0; v < k; v++) st[v]!.push(strides[v]![d]!);
    }
  }
  dims.reverse();
  for (const s of st) s.reverse();
  return { dims, strides: st, offsets: offsets.slice() };
}

/** The walk's uniforms, in the order {@link walkParams} names them. */
export function walkArgs(w: Walk): number[] {
  const out: number[] = [];
  for (let d = 1; d < w.dims.length; d++) out.push(w.dims[d]!);
  for (let v = 0; v < w.offsets.length; v++) {
    out.push(w.offsets[v]!);
    for (const s of w.strides[v]!) out.push(s);
  }
  return out;
}

/** Parameter names of a walk of `rank` dims over `views` views, with a name `prefix`. */
export function walkParams(rank: number, views: number, prefix = ""): string[] {
  const out: string[] = [];
  // The outermost dim's size is never needed: what is left of the index after the inner dims is its coordinate.
  for (let d = 1; d < rank; d++) out.push(`${prefix}d${d}`);
  for (let v = 0; v < views; v++) {
    out.push(`${prefix}o${v}`);
    for (let d = 0; d < rank; d++) out.push(`${prefix}s${v}_${d}`);
  }
  return out;
}

/**
 * Statements that set `${prefix}p0 … p{views-1}`, each view's position for flat index `index`
 * (an expression, e.g. `this.thread.x`). The index is consumed into the variable `${prefix}t`.
 */
export function walkCode(rank: number, views: number, index: string, prefix = ""): string {
  const P = prefix;
  const lines: string[] = [`let ${P}t = ${index};`];
  for (let v = 0; v < views; v++) lines.push(`let ${P}p${v} = ${P}o${v};`);
  for (let d = rank - 1; d >= 1; d--) {
    const q = `${P}q${d}`;
    const c = `${P}c${d}`;
    const dim = `${P}d${d}`;
    lines.push(...divmod(`${P}t`, dim, q, c));
    for (let v = 0; v < views; v++) lines.push(`${P}p${v} = ${P}p${v} + ${c} * ${P}s${v}_${d};`);
    lines.push(`${P}t = ${q};`);
  }
  if (rank >= 1) for (let v = 0; v < views; v++) lines.push(`${P}p${v} = ${P}p${v} + ${P}t * ${P}s${v}_0;`);
  return lines.join("\n");
}

/**
 * `q = floor(a / b)` and `c = a - q * b` for integers `a >= 0`, `b > 0` held in floats:
 * the float quotient can be one off, the products and differences are exact.
 */
export function divmod(a: string, b: string, q: string, c: string): string[] {
  return [
    `let ${q} = Math.floor(${a} / ${b});`,
    `let ${c} = ${a} - ${q} * ${b};`,
    `if (${c} < 0) { ${q} = ${q} - 1; ${c} = ${c} + ${b}; }`,
    `if (${c} >= ${b}) { ${q} = ${q} + 1; ${c} = ${c} - ${b}; }`,
  ];
}

/** A kernel's source: gpu.js takes it as the text of a JavaScript function. */
export function kernelSource(params: readonly string[], body: string): string {
  return `function (${params.join(", ")}) {\n${body}\n}`;
}
