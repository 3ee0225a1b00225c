/**
 * Reductions: each output element folds its slice in one loop. The view is permuted so the
 * reduced dims come last; when they collapse to one strided dim the kernel reads the view
 * where it lies, otherwise it reduces a contiguous copy. Long slices are folded in two
 * passes (chunks, then the chunks' results), which keeps float32 sums accurate and gives
 * the GPU enough threads when few outputs remain.
 */
import type { DType } from "@flambeau/tensor";
import { contiguousStrides, numel, type ReduceOp, type View } from "@flambeau/tensor/internal";
import { GLBuffer } from "../buffer.js";
import { collapse, divmod, kernelSource, walkArgs, walkCode, walkParams } from "../codegen.js";
import { launch } from "../kernel-cache.js";
import { guardCode, INEXACT, markCode, storeCode } from "../values.js";
import { data } from "./map.js";

type FoldOp = Exclude<ReduceOp, "argmax" | "argmin">;

/** The value of reducing an empty slice (max/min never reduce one: they throw). */
const IDENTITY: Record<FoldOp, number> = { sum: 0, prod: 1, max: -Infinity, min: Infinity, any: 0, all: 1 };

/** Fold `v` into `acc`; max/min keep the first NaN they meet. */
const FOLD: Record<FoldOp, string> = {
  sum: "acc = acc + v;",
  prod: "acc = acc * v;",
  max: "if (v > acc || v != v) { if (acc == acc) { acc = v; } }",
  min: "if (v < acc || v != v) { if (acc == acc) { acc = v; } }",
  any: "if (v != 0) { acc = 1; }",
  all: "if (v == 0) { acc = 0; }",
};

/** Slices longer than this are folded in two passes. */
const CHUNKED_ABOVE = 1024;

interface Layout {
  /** A view whose reduced elements for output `o` are at `pos(o) + j * step`, j < length. */
  view: View;
  keptShape: number[];
  keptStrides: number[];
  length: number;
  step: number;
}

/** Kept dims first, reduced dims collapsed to one (copying the view when they do not collapse). */
function layout(x: View, axes: readonly number[], copy: (v: View, d: DType) => GLBuffer): Layout {
  const kept = x.shape.map((_, d) => d).filter((d) => !axes.includes(d));
  const redShape = axes.map((d) => x.shape[d]!);
  const red = collapse(redShape, [axes.map((d) => x.strides[d]!)], [0]);
  const length = numel(redShape);
  if (red.dims.length <= 1) {
    return {
      view: x,
      keptShape: kept.map((d) => x.shape[d]!),
      keptStrides: kept.map((d) => x.strides[d]!),
      length,
      step: red.dims.length === 0 ? 0 : red.strides[0]![0]!,
    };
  }
  const order = [...kept, ...axes];
  const permuted: View = {
    buffer: x.buffer,
    dtype: x.dtype,
    shape: order.map((d) => x.shape[d]!),
    strides: order.map((d) => x.strides[d]!),
    offset: x.offset,
  };
  const buffer = copy(permuted, x.dtype);
  const strides = contiguousStrides(permuted.shape);
  return {
    view: { buffer, dtype: x.dtype, shape: permuted.shape, strides, offset: 0 },
    keptShape: kept.map((d) => x.shape[d]!),
    keptStrides: strides.slice(0, kept.length),
    length,
    step: 1,
  };
}

/**
 * One pass: output `o` (of `outN`, or of `outN * chunks` when chunked) folds `count` elements
 * `pos(o) + j * step`. `chunk` > 0 splits each slice into chunks of that many elements.
 */
function pass(op: ReduceOp, L: Layout, outN: number, chunk: number, outDtype: DType, store: boolean): GLBuffer {
  const walk = collapse(L.keptShape, [L.keptStrides], [L.view.offset]);
  const rank = walk.dims.length;
  const arg = op === "argmax" || op === "argmin";
  const chunks = chunk > 0 ? Math.ceil(L.length / chunk) : 1;
  const key = `reduce:${op}:${L.view.dtype}>${store ? outDtype : "float32"}:r${rank}:${chunk > 0 ? "chunked" : "whole"}`;
  const source = () => {
    const params = ["x", ...walkParams(rank, 1), "len", "step", "chunk", "chunks"];
    const lines: string[] = [];
    if (chunk > 0) {
      lines.push(...divmod("this.thread.x", "chunks", "slot", "part"));
      lines.push(walkCode(rank, 1, "slot"), "let first = part * chunk;", "let count = Math.min(chunk, len - first);");
    } else {
      lines.push(walkCode(rank, 1, "this.thread.x"), "let first = 0;");
    }
    lines.push("let base = p0 + first * step;");
    // GLSL ES 1.0 (WebGL 1) bounds a loop by a constant or a uniform, never a local: the last
    // chunk, which may be short, breaks out early.
    const bound = chunk > 0 ? "chunk" : "len";
    const stop = chunk > 0 ? "if (j >= count) { break; }" : "";
    // Integer elements that may have rounded make the result the marker, and so does an int32
    // sum or product that passes 2^24 on the way, even if it comes back in range (values.ts).
    const dtype = L.view.dtype;
    const guarded = dtype === "int32" || dtype === "bool";
    const guard = (v: string) => (guarded ? guardCode(v, dtype) : "");
    const grows = dtype === "int32" && (op === "sum" || op === "prod") ? guardCode("acc", "int32", true) : "";
    if (guarded) lines.push("let bad = 0;");
    if (arg) {
      const better = op === "argmax" ? "v > best" : "v < best";
      // Ties keep the first index; the first NaN wins and stays.
      lines.push(
        "let best = x[base];",
        guard("best"),
        "let at = 0;",
        `for (let j = 1; j < ${bound}; j++) { ${stop} let v = x[base + j * step]; ${guard("v")} if ((${better}) || (v != v && best == best)) { best = v; at = j; } }`,
        "let acc = at;",
      );
    } else {
      lines.push(`let acc = x[base];`, guard("acc"), `for (let j = 1; j < ${bound}; j++) { ${stop} let v = x[base + j * step]; ${guard("v")} ${FOLD[op as FoldOp]} ${grows} }`);
    }
    if (store) lines.push(storeCode("acc", outDtype));
    // A partial sum past 2^24 stays as it is (the next pass sees it, and a total past int32 reads
    // as the overflow it is); one that came back in range is marked.
    if (guarded) lines.push(store ? markCode("acc", outDtype === "bool" ? "bool" : "int32") : `if (bad > 0 && Math.abs(acc) < 16777216.0) { acc = ${INEXACT}.0; }`);
    lines.push("return acc;");
    return kernelSource(params, lines.join("\n"));
  };
  const out = launch(key, source, outN * chunks, [data(L.view), ...walkArgs(walk), L.length, L.step, chunk, chunks]);
  return new GLBuffer(out, outN * chunks);
}

/** Each of the two passes of {@link splitReduce} folds at most this many elements per output. */
const SPLIT_MAX = 4096;

/**
 * A float slice whose reduced dims collapse to two (BatchNorm's `(0, 2, 3)` of NCHW): the first
 * pass folds the inner dim where it lies, treating the outer one as kept, and the second folds
 * the outer partials. This saves `layout`'s copy of the whole input into reduced-last order.
 * `null` when the slice does not split so (one reduced dim, three or more, or dims too long).
 */
function splitReduce(op: ReduceOp, x: View, axes: readonly number[], outN: number, outDtype: DType): GLBuffer | null {
  const red = collapse(axes.map((d) => x.shape[d]!), [axes.map((d) => x.strides[d]!)], [0]);
  if (red.dims.length !== 2) return null;
  const [outer, inner] = red.dims as [number, number];
  if (outer > SPLIT_MAX || inner > SPLIT_MAX) return null;
  const kept = x.shape.map((_, d) => d).filter((d) => !axes.includes(d));
  const first: Layout = {
    view: x,
    keptShape: [...kept.map((d) => x.shape[d]!), outer],
    keptStrides: [...kept.map((d) => x.strides[d]!), red.strides[0]![0]!],
    length: inner,
    step: red.strides[0]![1]!,
  };
  const partial = pass(op, first, outN * outer, 0, outDtype, false);
  try {
    const second: Layout = {
      view: { buffer: partial, dtype: "float32", shape: [outN, outer], strides: [outer, 1], offset: 0 },
      keptShape: [outN],
      keptStrides: [outer],
      length: outer,
      step: 1,
    };
    return pass(op, second, outN, 0, outDtype, true);
  } finally {
    partial.free();
  }
}

/**
 * Reduce `x` over the sorted `axes` into a contiguous buffer of the kept dims. `copy` and
 * `full` are the backend's primitives (for non-collapsing views and empty slices).
 */
export function reduce(
  op: ReduceOp,
  x: View,
  axes: readonly number[],
  outDtype: DType,
  copy: (v: View, d: DType) => GLBuffer,
  full: (n: number, value: number, d: DType) => GLBuffer,
): GLBuffer {
  const arg = op === "argmax" || op === "argmin";
  const outN = numel(x.shape.filter((_, d) => !axes.includes(d)));
  const length = numel(axes.map((d) => x.shape[d]!));
  if (axes.length === 0) return arg ? full(numel(x.shape), 0, outDtype) : copy(x, outDtype);
  // An empty max, min, argmax or argmin is refused above (tensor's reducePrimitive).
  if (length === 0) return full(outN, IDENTITY[op as FoldOp], outDtype);
  if (outN === 0) return new GLBuffer(null, 0);
  if (!arg && x.dtype === "float32") {
    const split = splitReduce(op, x, axes, outN, outDtype);
    if (split) return split;
  }
  const L = layout(x, axes, copy);
  try {
    if (arg || length <= CHUNKED_ABOVE) return pass(op, L, outN, 0, outDtype, true);
    // Partial results stay float32 (a partial sum of int32 is still exact below 2^24).
    const chunk = Math.ceil(Math.sqrt(length));
    const partial = pass(op, L, outN, chunk, outDtype, false);
    const chunks = Math.ceil(length / chunk);
    try {
      const second: Layout = {
        // A bool input's partial counts are integers: read as int32, so a marker in them passes on.
        view: { buffer: partial, dtype: L.view.dtype === "bool" ? "int32" : L.view.dtype, shape: [outN, chunks], strides: [chunks, 1], offset: 0 },
        keptShape: [outN],
        keptStrides: [chunks],
        length: chunks,
        step: 1,
      };
      return pass(op, second, outN, 0, outDtype, true);
    } finally {
      partial.free();
    }
  } finally {
    if (L.view.buffer !== x.buffer) (L.view.buffer as GLBuffer).free();
  }
}
