import type { DType, TypedArray } from "@flambeau/tensor";
import { numel, type View } from "@flambeau/tensor/internal";
import { allocResult, data } from "./arrays.js";
import { castView } from "./copy.js";
import { flatStep, Rows } from "./strided.js";
import { rowsWasm } from "./rows-wasm.js";
import { getWasm } from "../wasm/runtime.js";
import { simdOn } from "../wasm/settings.js";

/** From this many elements on, float32 `where` with a bool condition runs on WebAssembly SIMD. */
const WASM_MIN_ELEMENTS = 16384;

/** `o[oi + t] = C[...] !== 0 ? A[...] : B[...]` for t < n. */
// prettier-ignore
function whereRun(
  o: TypedArray, oi: number,
  C: TypedArray, ci: number, cs: number,
  A: TypedArray, ai: number, as: number,
  B: TypedArray, bi: number, bs: number, n: number,
): void {
  const end = oi + n;
  for (; oi < end; oi++, ci += cs, ai += as, bi += bs) o[oi] = C[ci] !== 0 ? A[ai]! : B[bi]!;
}

/** `cond ? a : b` elementwise over `cond.shape`, stored as `outDtype`. */
export function where(cond: View, a: View, b: View, outDtype: DType): TypedArray {
  const n = numel(cond.shape);
  const out = allocResult(outDtype, n, true);
  if (n === 0) return out;
  // Stores cast to every dtype but bool correctly; a bool result needs its operands as 0/1.
  if (outDtype === "bool") {
    a = castView(a, "bool");
    b = castView(b, "bool");
  }
  const C = data(cond);
  const A = data(a);
  const B = data(b);
  const shape = cond.shape;
  if (n >= WASM_MIN_ELEMENTS && out instanceof Float32Array && C instanceof Uint8Array && A instanceof Float32Array && B instanceof Float32Array &&
      simdOn() && rowsWasm(getWasm()!, "where", out, shape, [cond, a, b], n)) return out;
  const sc = flatStep(shape, cond.strides);
  const sa = flatStep(shape, a.strides);
  const sb = flatStep(shape, b.strides);
  if (sc >= 0 && sa >= 0 && sb >= 0) {
    whereRun(out, 0, C, cond.offset, sc, A, a.offset, sa, B, b.offset, sb, n);
    return out;
  }
  const rows = new Rows(shape, [cond.strides, a.strides, b.strides], [cond.offset, a.offset, b.offset]);
  const { off, step } = rows;
  let o = 0;
  do {
    whereRun(out, o, C, off[0]!, step[0]!, A, off[1]!, step[1]!, B, off[2]!, step[2]!, rows.n);
    o += rows.n;
  } while (rows.next());
  return out;
}
