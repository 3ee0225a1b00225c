import type { DType, TypedArray } from "@flambeau/tensor";
import { INT32_MAX, INT32_MIN, int32OverflowError, numel, type ReduceOp, type View } from "@flambeau/tensor/internal";
import { alloc, allocResult, data } from "./arrays.js";
import { copy } from "./copy.js";
import { flatStep, Rows } from "./strided.js";
import { foldWasm } from "./elementwise-wasm.js";
import { axisWasm } from "./axis-wasm.js";
import { getWasm } from "../wasm/runtime.js";
import { simdOn } from "../wasm/settings.js";
import { foldEachInt64, foldInt64 } from "./int64.js";

/** From this many elements on, full float32 sums and maxima run on WebAssembly SIMD. */
const WASM_MIN_ELEMENTS = 16384;

type FoldOp = Exclude<ReduceOp, "argmax" | "argmin">;

/** The value of reducing an empty slice (max/min never reduce one: they throw). */
const IDENTITY: Record<FoldOp, number> = { sum: 0, prod: 1, max: -Infinity, min: Infinity, any: 0, all: 1 };

/** Fold `X[xi + t*xs]` for t < n into `acc`. max/min keep the first NaN they meet. */
function foldRun(op: FoldOp, acc: number, X: TypedArray, xi: number, xs: number, n: number): number {
  switch (op) {
    case "sum":
      for (let t = 0; t < n; t++, xi += xs) acc += X[xi]!;
      return acc;
    case "prod":
      for (let t = 0; t < n; t++, xi += xs) acc *= X[xi]!;
      return acc;
    case "max":
      for (let t = 0; t < n; t++, xi += xs) if (X[xi]! > acc || X[xi] !== X[xi]) acc = X[xi]!;
      return acc;
    case "min":
      for (let t = 0; t < n; t++, xi += xs) if (X[xi]! < acc || X[xi] !== X[xi]) acc = X[xi]!;
      return acc;
    case "any":
      for (let t = 0; t < n; t++, xi += xs) if (X[xi] !== 0) return 1;
      return acc;
    case "all":
      for (let t = 0; t < n; t++, xi += xs) if (X[xi] === 0) return 0;
      return acc;
  }
}

/** `acc[ai + t*as] = op(acc[ai + t*as], X[xi + t*xs])`: a run that spans output elements. */
function foldEach(op: FoldOp, acc: Float64Array, ai: number, as: number, X: TypedArray, xi: number, xs: number, n: number): void {
  switch (op) {
    case "sum":
      for (let t = 0; t < n; t++, ai += as, xi += xs) acc[ai]! += X[xi]!;
      return;
    case "prod":
      for (let t = 0; t < n; t++, ai += as, xi += xs) acc[ai]! *= X[xi]!;
      return;
    case "max":
      for (let t = 0; t < n; t++, ai += as, xi += xs) if (X[xi]! > acc[ai]! || X[xi] !== X[xi]) acc[ai] = X[xi]!;
      return;
    case "min":
      for (let t = 0; t < n; t++, ai += as, xi += xs) if (X[xi]! < acc[ai]! || X[xi] !== X[xi]) acc[ai] = X[xi]!;
      return;
    case "any":
      for (let t = 0; t < n; t++, ai += as, xi += xs) if (X[xi] !== 0) acc[ai] = 1;
      return;
    case "all":
      for (let t = 0; t < n; t++, ai += as, xi += xs) if (X[xi] === 0) acc[ai] = 0;
      return;
  }
}

/**
 * argmax/argmin bookkeeping for one output slot `s`: `best[s]`, its index `arg[s]`, and how
 * many of its elements were seen (`seen[s]`, the reduced index of the next one). Ties keep
 * the first index; the first NaN wins and stays.
 */
interface ArgState {
  readonly max: boolean;
  readonly best: Float64Array;
  readonly arg: Int32Array;
  readonly seen: Int32Array;
}

function better(max: boolean, v: number, best: number): boolean {
  return (max ? v > best : v < best) || (v !== v && best === best);
}

/** A run whose elements all belong to output slot `s`. */
function argRun(st: ArgState, s: number, X: TypedArray, xi: number, xs: number, n: number): void {
  const { max } = st;
  let best = st.best[s]!;
  let arg = st.arg[s]!;
  const first = st.seen[s]!;
  for (let t = 0; t < n; t++, xi += xs) {
    if (better(max, X[xi]!, best)) {
      best = X[xi]!;
      arg = first + t;
    }
  }
  st.best[s] = best;
  st.arg[s] = arg;
  st.seen[s] = first + n;
}

/** A run whose elements go to slots `s, s + ss, …`. */
function argEach(st: ArgState, s: number, ss: number, X: TypedArray, xi: number, xs: number, n: number): void {
  const { max, best, arg, seen } = st;
  for (let t = 0; t < n; t++, s += ss, xi += xs) {
    const i = seen[s]!++;
    if (better(max, X[xi]!, best[s]!)) {
      best[s] = X[xi]!;
      arg[s] = i;
    }
  }
}

/**
 * Reduce `x` over the sorted `axes`; the output is `x.shape` without them, row-major.
 *
 * The input is walked once in row-major order while each element is folded into its output
 * slot, reached through strides that are 0 on reduced axes. Contiguous data is thus read
 * sequentially whichever axes are reduced (a sum over the batch axis adds whole rows), and
 * every output slot sees its elements in row-major order of the reduced axes, which is the
 * index argmax/argmin report.
 */
export function reduce(op: ReduceOp, x: View, axes: readonly number[], outDtype: DType): TypedArray {
  const arg = op === "argmax" || op === "argmin";
  if (axes.length === 0) return arg ? allocResult(outDtype, numel(x.shape)) : copy(x, outDtype, true);
  const shape = x.shape;
  const slotStrides = new Array<number>(shape.length);
  let outN = 1;
  let redN = 1;
  for (let d = shape.length - 1, r = axes.length - 1; d >= 0; d--) {
    if (r >= 0 && axes[r] === d) {
      slotStrides[d] = 0;
      redN *= shape[d]!;
      r--;
    } else {
      slotStrides[d] = outN;
      outN *= shape[d]!;
    }
  }
  // An empty max, min, argmax or argmin is refused above (tensor's reducePrimitive).
  if (redN === 0) return allocResult(outDtype, outN, true).fill(IDENTITY[op as FoldOp]);
  const out = allocResult(outDtype, outN);
  if (outN === 0) return out;
  const X = data(x);
  if (!arg && outN === 1) {
    // A full reduction of a flat view needs neither the walk nor an accumulator array.
    const flat = flatStep(shape, x.strides);
    if (flat === 1 && (op === "sum" || op === "max") && X instanceof Float32Array && redN >= WASM_MIN_ELEMENTS && simdOn()) {
      out[0] = foldWasm(getWasm()!, op, X, x.offset, redN);
      return out;
    }
    if (flat >= 0) {
      const v = exactInt64(op, outDtype)
        ? foldInt64(op, IDENTITY[op], X, x.offset, flat, redN)
        : foldRun(op as FoldOp, IDENTITY[op as FoldOp], X, x.offset, flat, redN);
      if (outDtype === "int32") checkInt32(op, v);
      out[0] = v;
      return out;
    }
  }
  if ((op === "sum" || op === "max" || op === "min") && out instanceof Float32Array && X instanceof Float32Array && redN * outN >= WASM_MIN_ELEMENTS &&
      flatStep(shape, x.strides) === 1 && simdOn() && axisWasm(getWasm()!, op, out, X, x.offset, shape, axes)) return out;
  const rows = new Rows(shape, [x.strides, slotStrides], [x.offset, 0]);
  const { off, step } = rows;

  if (arg) {
    const max = op === "argmax";
    const st: ArgState = {
      max,
      best: (alloc("float64", outN) as Float64Array).fill(max ? -Infinity : Infinity),
      arg: out instanceof Int32Array ? out : (alloc("int32", outN) as Int32Array),
      seen: alloc("int32", outN) as Int32Array,
    };
    do {
      if (step[1] === 0) argRun(st, off[1]!, X, off[0]!, step[0]!, rows.n);
      else argEach(st, off[1]!, step[1]!, X, off[0]!, step[0]!, rows.n);
    } while (rows.next());
    if (st.arg !== out) out.set(st.arg);
    return out;
  }

  const fold = op as FoldOp;
  // Accumulate in doubles (float32 sums round once, at the end); int64 sums and products check
  // every partial result, which past 2^53 may have rounded.
  const acc = (outDtype === "float64" || outDtype === "int64" ? out : alloc("float64", outN)) as Float64Array;
  if (IDENTITY[fold] !== 0) acc.fill(IDENTITY[fold]);
  if (exactInt64(op, outDtype)) {
    do {
      if (step[1] === 0) acc[off[1]!] = foldInt64(op, acc[off[1]!]!, X, off[0]!, step[0]!, rows.n);
      else foldEachInt64(op, acc, off[1]!, step[1]!, X, off[0]!, step[0]!, rows.n);
    } while (rows.next());
    return out;
  }
  do {
    if (step[1] === 0) acc[off[1]!] = foldRun(fold, acc[off[1]!]!, X, off[0]!, step[0]!, rows.n);
    else foldEach(fold, acc, off[1]!, step[1]!, X, off[0]!, step[0]!, rows.n);
  } while (rows.next());
  if (outDtype === "int32") for (let i = 0; i < acc.length; i++) checkInt32(fold, acc[i]!);
  if (acc !== out) out.set(acc);
  return out;
}

/** Whether `op` sums or multiplies into int64, whose every partial result is checked (int64.ts). */
function exactInt64(op: ReduceOp, outDtype: DType): op is "sum" | "prod" {
  return outDtype === "int64" && (op === "sum" || op === "prod");
}

// Sums and products accumulate in doubles (exact to 2^53): one that int32 cannot hold is an
// error, never a wrapped value (docs/design.md, "Whole numbers and dtypes").
function checkInt32(op: ReduceOp, v: number): void {
  if (v > INT32_MAX || v < INT32_MIN) throw int32OverflowError(op, v);
}
