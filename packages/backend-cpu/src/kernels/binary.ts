import type { DType, TypedArray } from "@flambeau/tensor";
import { BINARY_OPS, numel, type BinaryOp, type View } from "@flambeau/tensor/internal";
import { allocResult, data, normalizeBool } from "./arrays.js";
import { castView } from "./copy.js";
import { floorDivF, floorDivInt, fmodInt, powf, powInt, remainderF, remainderInt } from "./math.js";
import { checkInt64, powInt64 } from "./int64.js";
import { flatStep, Rows } from "./strided.js";
import { binaryWasm, isSimdBinary } from "./elementwise-wasm.js";
import { isRowsArithmetic, isRowsComparison, rowsWasm } from "./rows-wasm.js";
import { getWasm } from "../wasm/runtime.js";
import { simdOn } from "../wasm/settings.js";

/** From this many elements on, flat float32 add/sub/mul/div run on WebAssembly SIMD. */
const WASM_MIN_ELEMENTS = 16384;

/** The ops whose integral semantics differ from computing in doubles, in their integral form. */
type IntOp = "mul_int" | "pow_int" | "floor_divide_int" | "remainder_int" | "fmod_int" | "pow_int64";
/** Floating powers to a scalar exponent that PyTorch computes with cheaper ops (pow_tensor_scalar). */
type PowOp = "pow_square" | "pow_sqrt" | "pow_reciprocal";
type Kernel = BinaryOp | IntOp | PowOp;

const INT_KERNEL: Partial<Record<BinaryOp, IntOp>> = {
  mul: "mul_int",
  pow: "pow_int",
  floor_divide: "floor_divide_int",
  remainder: "remainder_int",
  fmod: "fmod_int",
};

/** int64 computes in doubles, checked afterwards (int64.ts): only pow and the divisions differ. */
const INT64_KERNEL: Partial<Record<BinaryOp, IntOp>> = {
  pow: "pow_int64",
  floor_divide: "floor_divide_int",
  remainder: "remainder_int",
  fmod: "fmod_int",
};

const SCALAR_POW = new Map<number, PowOp>([
  [2, "pow_square"],
  [0.5, "pow_sqrt"],
  [-1, "pow_reciprocal"],
]);

/** `o[oi] = op(A[ai], B[bi])` for oi < end, ai and bi stepping by as and bs. */
type Loop = (o: TypedArray, oi: number, end: number, A: TypedArray, ai: number, as: number, B: TypedArray, bi: number, bs: number) => void;

/**
 * One monomorphic loop per kernel (see unary.ts). The four arithmetic ops, which small models
 * run most, also have loops for dense operands and for a broadcast scalar (read once): V8 makes
 * a strided loop over a hundred elements ~1.5x slower than those. Sums and differences of int32 values are
 * exact in doubles and the int32 store wraps them, so only the ops in {@link IntOp} need
 * integral loops. A `Record`, so a row of the binary table without its kernel is a compile error.
 */
// prettier-ignore
const LOOPS: Record<Kernel, Loop> = {
  add: (o, oi, end, A, ai, as, B, bi, bs) => {
    if (as === 1 && bs === 1 && ai === oi && bi === oi) for (; oi < end; oi++) o[oi] = A[oi]! + B[oi]!;
    else if (as === 1 && bs === 0) for (let b = B[bi]!, d = ai - oi; oi < end; oi++) o[oi] = A[oi + d]! + b;
    else if (as === 0 && bs === 1) for (let a = A[ai]!, d = bi - oi; oi < end; oi++) o[oi] = a + B[oi + d]!;
    else for (; oi < end; oi++, ai += as, bi += bs) o[oi] = A[ai]! + B[bi]!;
  },
  sub: (o, oi, end, A, ai, as, B, bi, bs) => {
    if (as === 1 && bs === 1 && ai === oi && bi === oi) for (; oi < end; oi++) o[oi] = A[oi]! - B[oi]!;
    else if (as === 1 && bs === 0) for (let b = B[bi]!, d = ai - oi; oi < end; oi++) o[oi] = A[oi + d]! - b;
    else if (as === 0 && bs === 1) for (let a = A[ai]!, d = bi - oi; oi < end; oi++) o[oi] = a - B[oi + d]!;
    else for (; oi < end; oi++, ai += as, bi += bs) o[oi] = A[ai]! - B[bi]!;
  },
  mul: (o, oi, end, A, ai, as, B, bi, bs) => {
    if (as === 1 && bs === 1 && ai === oi && bi === oi) for (; oi < end; oi++) o[oi] = A[oi]! * B[oi]!;
    else if (as === 1 && bs === 0) for (let b = B[bi]!, d = ai - oi; oi < end; oi++) o[oi] = A[oi + d]! * b;
    else if (as === 0 && bs === 1) for (let a = A[ai]!, d = bi - oi; oi < end; oi++) o[oi] = a * B[oi + d]!;
    else for (; oi < end; oi++, ai += as, bi += bs) o[oi] = A[ai]! * B[bi]!;
  },
  div: (o, oi, end, A, ai, as, B, bi, bs) => {
    if (as === 1 && bs === 1 && ai === oi && bi === oi) for (; oi < end; oi++) o[oi] = A[oi]! / B[oi]!;
    else if (as === 1 && bs === 0) for (let b = B[bi]!, d = ai - oi; oi < end; oi++) o[oi] = A[oi + d]! / b;
    else if (as === 0 && bs === 1) for (let a = A[ai]!, d = bi - oi; oi < end; oi++) o[oi] = a / B[oi + d]!;
    else for (; oi < end; oi++, ai += as, bi += bs) o[oi] = A[ai]! / B[bi]!;
  },
  pow: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = powf(A[ai]!, B[bi]!);
  },
  // NaN in either operand wins, as in torch.maximum.
  maximum: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = A[ai]! > B[bi]! || A[ai] !== A[ai] ? A[ai]! : B[bi]!;
  },
  minimum: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = A[ai]! < B[bi]! || A[ai] !== A[ai] ? A[ai]! : B[bi]!;
  },
  atan2: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = Math.atan2(A[ai]!, B[bi]!);
  },
  floor_divide: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = floorDivF(A[ai]!, B[bi]!);
  },
  remainder: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = remainderF(A[ai]!, B[bi]!);
  },
  // JavaScript's % is C's fmod: exact.
  fmod: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = A[ai]! % B[bi]!;
  },
  eq: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = A[ai] === B[bi] ? 1 : 0;
  },
  ne: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = A[ai] !== B[bi] ? 1 : 0;
  },
  lt: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = A[ai]! < B[bi]! ? 1 : 0;
  },
  le: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = A[ai]! <= B[bi]! ? 1 : 0;
  },
  gt: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = A[ai]! > B[bi]! ? 1 : 0;
  },
  ge: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = A[ai]! >= B[bi]! ? 1 : 0;
  },
  // Logical ops: nonzero (NaN included) is true.
  logical_and: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = A[ai] !== 0 && B[bi] !== 0 ? 1 : 0;
  },
  logical_or: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = A[ai] !== 0 || B[bi] !== 0 ? 1 : 0;
  },
  logical_xor: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = A[ai] !== 0 !== (B[bi] !== 0) ? 1 : 0;
  },
  mul_int: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = Math.imul(A[ai]!, B[bi]!);
  },
  pow_int: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = powInt(A[ai]!, B[bi]!);
  },
  pow_int64: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = powInt64(A[ai]!, B[bi]!);
  },
  floor_divide_int: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = floorDivInt(A[ai]!, B[bi]!);
  },
  remainder_int: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = remainderInt(A[ai]!, B[bi]!);
  },
  fmod_int: (o, oi, end, A, ai, as, B, bi, bs) => {
    for (; oi < end; oi++, ai += as, bi += bs) o[oi] = fmodInt(A[ai]!, B[bi]!);
  },
  // B is a scalar exponent here. Math.pow with an exponent it cannot see is ~30x slower than
  // these, and PyTorch itself uses them (so pow(-0, 0.5) is sqrt's -0, as in PyTorch).
  pow_square: (o, oi, end, A, ai, as) => {
    for (; oi < end; oi++, ai += as) o[oi] = A[ai]! * A[ai]!;
  },
  pow_sqrt: (o, oi, end, A, ai, as) => {
    for (; oi < end; oi++, ai += as) o[oi] = Math.sqrt(A[ai]!);
  },
  pow_reciprocal: (o, oi, end, A, ai, as) => {
    for (; oi < end; oi++, ai += as) o[oi] = 1 / A[ai]!;
  },
};

/** Elementwise `op(a, b)` over `a.shape`, operands read as `computeDtype`, stored as `outDtype`. */
export function binary(op: BinaryOp, a: View, b: View, computeDtype: DType, outDtype: DType): TypedArray {
  const n = numel(a.shape);
  const out = allocResult(outDtype, n, true);
  if (n === 0) return out;
  a = castView(a, computeDtype);
  b = castView(b, computeDtype);
  const integral = computeDtype === "int32" || computeDtype === "bool";
  const A = data(a);
  const B = data(b);
  const sa = flatStep(a.shape, a.strides);
  const sb = flatStep(a.shape, b.strides);
  let kernel: Kernel = (integral && INT_KERNEL[op]) || (computeDtype === "int64" && INT64_KERNEL[op]) || op;
  if (kernel === "pow" && sb === 0) kernel = SCALAR_POW.get(B[b.offset]!) ?? kernel;
  if (sa >= 0 && sb >= 0 && n >= WASM_MIN_ELEMENTS && out instanceof Float32Array && A instanceof Float32Array &&
      B instanceof Float32Array && isSimdBinary(kernel) && simdOn()) {
    binaryWasm(getWasm()!, kernel, out, A, a.offset, sa, B, b.offset, sb, n);
  } else if (n >= WASM_MIN_ELEMENTS && A instanceof Float32Array && B instanceof Float32Array && simdOn() &&
      ((isRowsArithmetic(kernel) && out instanceof Float32Array) || (isRowsComparison(kernel) && out instanceof Uint8Array)) &&
      rowsWasm(getWasm()!, kernel, out, a.shape, [a, b], n)) {
    // Broadcast rows (a bias add) and comparisons ran on the rows kernels.
  } else if (sa >= 0 && sb >= 0) {
    LOOPS[kernel](out, 0, n, A, a.offset, sa, B, b.offset, sb);
  } else {
    const rows = new Rows(a.shape, [a.strides, b.strides], [a.offset, b.offset]);
    let o = 0;
    const loop = LOOPS[kernel];
    do {
      loop(out, o, o + rows.n, A, rows.off[0]!, rows.step[0]!, B, rows.off[1]!, rows.step[1]!);
      o += rows.n;
    } while (rows.next());
  }
  // Arithmetic on bools (True + True) is stored as True, not 2.
  if (outDtype === "bool" && BINARY_OPS[op].result !== "bool") normalizeBool(out);
  else if (outDtype === "int64") checkInt64(op, out);
  return out;
}
