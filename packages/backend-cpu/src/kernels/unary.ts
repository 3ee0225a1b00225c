import { numel, type DType, type TypedArray, type UnaryOp, type View } from "@flambeau/tensor";
import { alloc, data, normalizeBool } from "./arrays.js";
import { erf, roundHalfEven, sigmoid } from "./math.js";
import { flatStep, Rows } from "./strided.js";
import { isSimdUnary, unaryWasm } from "./elementwise-wasm.js";
import { getWasm } from "../wasm/runtime.js";
import { simdOn } from "../wasm/settings.js";

/** From this many elements on, contiguous float32 neg/abs/sqrt/relu run on WebAssembly SIMD. */
const WASM_MIN_ELEMENTS = 16384;

/**
 * `o[oi + t] = op(X[xi + t * xs])` for t < n. One loop per op, chosen once per run: a loop that
 * calls a function value per element is several times slower in V8 than these monomorphic ones.
 */
function unaryRun(op: UnaryOp, o: TypedArray, oi: number, X: TypedArray, xi: number, xs: number, n: number): void {
  const end = oi + n;
  switch (op) {
    case "neg":
      for (; oi < end; oi++, xi += xs) o[oi] = -X[xi]!;
      return;
    case "abs":
      for (; oi < end; oi++, xi += xs) o[oi] = Math.abs(X[xi]!);
      return;
    case "sqrt":
      for (; oi < end; oi++, xi += xs) o[oi] = Math.sqrt(X[xi]!);
      return;
    case "rsqrt":
      for (; oi < end; oi++, xi += xs) o[oi] = 1 / Math.sqrt(X[xi]!);
      return;
    case "exp":
      for (; oi < end; oi++, xi += xs) o[oi] = Math.exp(X[xi]!);
      return;
    case "expm1":
      for (; oi < end; oi++, xi += xs) o[oi] = Math.expm1(X[xi]!);
      return;
    case "log":
      for (; oi < end; oi++, xi += xs) o[oi] = Math.log(X[xi]!);
      return;
    case "log1p":
      for (; oi < end; oi++, xi += xs) o[oi] = Math.log1p(X[xi]!);
      return;
    case "sin":
      for (; oi < end; oi++, xi += xs) o[oi] = Math.sin(X[xi]!);
      return;
    case "cos":
      for (; oi < end; oi++, xi += xs) o[oi] = Math.cos(X[xi]!);
      return;
    case "tan":
      for (; oi < end; oi++, xi += xs) o[oi] = Math.tan(X[xi]!);
      return;
    case "tanh":
      for (; oi < end; oi++, xi += xs) o[oi] = Math.tanh(X[xi]!);
      return;
    case "sigmoid":
      for (; oi < end; oi++, xi += xs) o[oi] = sigmoid(X[xi]!);
      return;
    case "relu":
      // `x <= 0` is false for NaN, so NaN passes through as in PyTorch.
      for (; oi < end; oi++, xi += xs) o[oi] = X[xi]! <= 0 ? 0 : X[xi]!;
      return;
    case "sign":
      // PyTorch computes (0 < x) - (x < 0): NaN gives 0.
      for (; oi < end; oi++, xi += xs) o[oi] = X[xi]! > 0 ? 1 : X[xi]! < 0 ? -1 : 0;
      return;
    case "floor":
      for (; oi < end; oi++, xi += xs) o[oi] = Math.floor(X[xi]!);
      return;
    case "ceil":
      for (; oi < end; oi++, xi += xs) o[oi] = Math.ceil(X[xi]!);
      return;
    case "round":
      for (; oi < end; oi++, xi += xs) o[oi] = roundHalfEven(X[xi]!);
      return;
    case "trunc":
      for (; oi < end; oi++, xi += xs) o[oi] = Math.trunc(X[xi]!);
      return;
    case "reciprocal":
      for (; oi < end; oi++, xi += xs) o[oi] = 1 / X[xi]!;
      return;
    case "erf":
      for (; oi < end; oi++, xi += xs) o[oi] = erf(X[xi]!);
      return;
    case "logical_not":
      for (; oi < end; oi++, xi += xs) o[oi] = X[xi] === 0 ? 1 : 0;
      return;
    case "isnan":
      for (; oi < end; oi++, xi += xs) o[oi] = X[xi] !== X[xi] ? 1 : 0;
      return;
    case "square":
      // Integers must wrap like int32; a double product loses low bits past 2^53.
      if (o instanceof Int32Array) for (; oi < end; oi++, xi += xs) o[oi] = Math.imul(X[xi]!, X[xi]!);
      else for (; oi < end; oi++, xi += xs) o[oi] = X[xi]! * X[xi]!;
      return;
    default:
      throw new Error(`unary: unknown op '${op as string}'`);
  }
}

/** Elementwise `op(x)` into a new contiguous array of `outDtype`. */
export function unary(op: UnaryOp, x: View, outDtype: DType): TypedArray {
  if (op === "neg" && x.dtype === "bool")
    throw new Error(
      "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
    );
  const n = numel(x.shape);
  const out = alloc(outDtype, n);
  if (n === 0) return out;
  const X = data(x);
  const step = flatStep(x.shape, x.strides);
  if (step === 1 && n >= WASM_MIN_ELEMENTS && out instanceof Float32Array && X instanceof Float32Array && isSimdUnary(op) && simdOn()) {
    unaryWasm(getWasm()!, op, out, X, x.offset, n);
  } else if (step >= 0) {
    unaryRun(op, out, 0, X, x.offset, step, n);
  } else {
    const rows = new Rows(x.shape, [x.strides], [x.offset]);
    let o = 0;
    do {
      unaryRun(op, out, o, X, rows.off[0]!, rows.step[0]!, rows.n);
      o += rows.n;
    } while (rows.next());
  }
  // Results stored into a bool array must be 0/1 (e.g. abs of a bool), not any nonzero byte.
  if (outDtype === "bool" && op !== "logical_not" && op !== "isnan") normalizeBool(out);
  return out;
}
