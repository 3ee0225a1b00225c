import type { DType, TypedArray } from "@flambeau/tensor";
import { UNARY_OPS, numel, type UnaryOp, type View } from "@flambeau/tensor/internal";
import { allocResult, data, normalizeBool } from "./arrays.js";
import { erf, roundHalfEven, sigmoid } from "./math.js";
import { checkInt64 } from "./int64.js";
import { flatStep, Rows } from "./strided.js";
import { isSimdUnary, unaryWasm } from "./elementwise-wasm.js";
import { isMathUnary, mathWasm } from "./math-wasm.js";
import { getWasm } from "../wasm/runtime.js";
import { simdOn } from "../wasm/settings.js";

/** From this many elements on, contiguous float32 neg/abs/sqrt/relu run on WebAssembly SIMD. */
const WASM_MIN_ELEMENTS = 16384;

/** `o[oi] = op(X[xi])` for oi < end, xi stepping by xs. */
type Loop = (o: TypedArray, oi: number, end: number, X: TypedArray, xi: number, xs: number) => void;

/**
 * One loop per op, picked once per run: a loop that called a function value per element would
 * be several times slower in V8 than these monomorphic ones. A `Record`, so a row of the unary
 * table (@flambeau/tensor's tables/unary.ts) without its kernel here is a compile error.
 */
const LOOPS: Record<UnaryOp, Loop> = {
  neg: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = -X[xi]!;
  },
  abs: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = Math.abs(X[xi]!);
  },
  sqrt: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = Math.sqrt(X[xi]!);
  },
  rsqrt: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = 1 / Math.sqrt(X[xi]!);
  },
  exp: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = Math.exp(X[xi]!);
  },
  expm1: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = Math.expm1(X[xi]!);
  },
  log: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = Math.log(X[xi]!);
  },
  log1p: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = Math.log1p(X[xi]!);
  },
  log2: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = Math.log2(X[xi]!);
  },
  sin: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = Math.sin(X[xi]!);
  },
  cos: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = Math.cos(X[xi]!);
  },
  tan: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = Math.tan(X[xi]!);
  },
  tanh: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = Math.tanh(X[xi]!);
  },
  sigmoid: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = sigmoid(X[xi]!);
  },
  // `x <= 0` is false for NaN, so NaN passes through as in PyTorch.
  relu: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = X[xi]! <= 0 ? 0 : X[xi]!;
  },
  // PyTorch computes (0 < x) - (x < 0): NaN gives 0.
  sign: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = X[xi]! > 0 ? 1 : X[xi]! < 0 ? -1 : 0;
  },
  floor: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = Math.floor(X[xi]!);
  },
  ceil: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = Math.ceil(X[xi]!);
  },
  round: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = roundHalfEven(X[xi]!);
  },
  trunc: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = Math.trunc(X[xi]!);
  },
  reciprocal: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = 1 / X[xi]!;
  },
  erf: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = erf(X[xi]!);
  },
  logical_not: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = X[xi] === 0 ? 1 : 0;
  },
  isnan: (o, oi, end, X, xi, xs) => {
    for (; oi < end; oi++, xi += xs) o[oi] = X[xi] !== X[xi] ? 1 : 0;
  },
  // Integers must wrap like int32; a double product loses low bits past 2^53.
  square: (o, oi, end, X, xi, xs) => {
    if (o instanceof Int32Array) for (; oi < end; oi++, xi += xs) o[oi] = Math.imul(X[xi]!, X[xi]!);
    else for (; oi < end; oi++, xi += xs) o[oi] = X[xi]! * X[xi]!;
  },
};

/** Elementwise `op(x)` into a new contiguous array of `outDtype`. */
export function unary(op: UnaryOp, x: View, outDtype: DType): TypedArray {
  const n = numel(x.shape);
  const out = allocResult(outDtype, n, true);
  if (n === 0) return out;
  const X = data(x);
  const step = flatStep(x.shape, x.strides);
  if (step === 1 && n >= WASM_MIN_ELEMENTS && out instanceof Float32Array && X instanceof Float32Array && isSimdUnary(op) && simdOn()) {
    unaryWasm(getWasm()!, op, out, X, x.offset, n);
  } else if (step === 1 && n >= WASM_MIN_ELEMENTS && out instanceof Float32Array && X instanceof Float32Array && isMathUnary(op) && simdOn() &&
      mathWasm(getWasm()!, op, out, X, x.offset, n)) {
    // exp and tanh ran on the math kernels.
  } else if (step >= 0) {
    LOOPS[op](out, 0, n, X, x.offset, step);
  } else {
    const rows = new Rows(x.shape, [x.strides], [x.offset]);
    let o = 0;
    const loop = LOOPS[op];
    do {
      loop(out, o, o + rows.n, X, rows.off[0]!, rows.step[0]!);
      o += rows.n;
    } while (rows.next());
  }
  // Results stored into a bool array must be 0/1 (e.g. abs of a bool), not any nonzero byte.
  if (outDtype === "bool" && UNARY_OPS[op].result !== "bool") normalizeBool(out);
  else if (outDtype === "int64") checkInt64(op, out);
  return out;
}
