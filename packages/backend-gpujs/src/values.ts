/**
 * How each dtype lives in float32 textures. float32 is itself; int32 and bool are integers,
 * exact in float32 up to 2^24 in magnitude. A value beyond that cannot be held exactly, so
 * uploading one is an error rather than a silent rounding (PyTorch users expect int32 to be
 * exact); a result computed past 2^24 on the device (a large integer sum) may have rounded, so
 * reading one back is an error too, and one past int32 reads as the overflow error every backend
 * gives.
 */
import type { DType, TypedArray } from "@flambeau/tensor";
import { INT32_MAX, INT32_MIN, int32OverflowError } from "@flambeau/tensor/internal";

/** The largest magnitude an int32 element can have on this device: 2^24. */
export const INT_LIMIT = 2 ** 24;

/**
 * What a kernel stores, for an int32 or bool result, in place of a value that may have rounded:
 * an int32 computed at or past 2^24 (where float32 arithmetic may have rounded it, 2^24 + 1
 * giving 2^24), or any result computed from such a value. Without it, `a.mul(a).sub(c)` with
 * `a = 4097` would read back as 8 (PyTorch: 9): the product rounded past 2^24 and the
 * difference came back in range looking exact. Reading the marker is an error; every kernel
 * that reads one passes it on ({@link guardCode}, {@link markCode}); a float result computed
 * from one is NaN.
 */
export const INEXACT = 2 ** 25;
const EXACT_BELOW = "16777216.0";

/**
 * Statements setting `bad = 1` when `v` of `dtype` may have rounded: a stored element past 2^24
 * (stores mark every computed value from 2^24 on, so a stored 2^24 was uploaded, and is exact),
 * or, when `computed`, a value the kernel just computed at or past 2^24 (2^24 + 1 gives 2^24).
 */
export function guardCode(v: string, dtype: DType, computed = false): string {
  if (dtype === "int32") return `if (Math.abs(${v}) ${computed ? ">=" : ">"} ${EXACT_BELOW}) { bad = 1; }`;
  if (dtype === "bool") return `if (${v} > 1) { bad = 1; }`;
  return "";
}

/** Statements replacing the stored result `r` of `dtype` by the marker (NaN for floats) when `bad`. */
export function markCode(r: string, dtype: DType): string {
  if (dtype === "int32") return `if (bad > 0 && Math.abs(${r}) <= 2147483647.0) { ${r} = ${INEXACT}.0; }`;
  if (dtype === "bool") return `if (bad > 0) { ${r} = 2; }`;
  return `if (bad > 0) { ${r} = nanv; }`;
}

function intRangeError(v: number): RangeError {
  return new RangeError(
    `gpujs: int32 value ${v} cannot be stored exactly: the device keeps int32 tensors in float32 textures, ` +
      `which hold every integer up to 2^24 (${INT_LIMIT}) in magnitude and no more. Keep such tensors on the CPU, or use float32 if rounding is acceptable.`,
  );
}

function inexactIntError(v: number): RangeError {
  const what = v === INEXACT ? "an integer result was computed from a value at or past 2^24" : `an int32 result of magnitude ${v} was computed past 2^24`;
  return new RangeError(
    `gpujs: ${what} (${INT_LIMIT}) in float32 textures and may have rounded; ` +
      "compute it on the CPU, or in float32 if rounding is acceptable (x.float().sum())",
  );
}

/** A host value cast to `dtype` as storing it would (float -> int truncates, nonzero -> true). */
export function castValue(v: number, dtype: DType): number {
  if (dtype === "bool") return v !== 0 ? 1 : 0; // NaN is true
  if (dtype === "int32") {
    const i = Math.trunc(v) | 0;
    if (Math.abs(i) > INT_LIMIT) throw intRangeError(i);
    return i;
  }
  return Math.fround(v);
}

/** Host data as the float32 elements a texture holds for `dtype`. */
export function toTexels(data: TypedArray, dtype: DType): Float32Array {
  if (dtype === "float32") return data instanceof Float32Array ? data : Float32Array.from(data);
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = castValue(data[i]!, dtype);
  return out;
}

/** Texels read back as a host array of `dtype`. */
export function fromTexels(values: Float32Array, dtype: DType): TypedArray {
  if (dtype === "float32") return values;
  if (dtype === "bool") {
    const out = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) {
      if (values[i]! > 1) throw inexactIntError(INEXACT); // computed from an int32 that may have rounded
      out[i] = values[i] !== 0 ? 1 : 0;
    }
    return out;
  }
  // Kernels store integers already; NaN or infinity (never stored for int32) would read as 0.
  // A sum or product past int32 is held as a float; reading it as int32 would wrap it.
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > INT32_MAX || v < INT32_MIN) throw int32OverflowError("sum", v, "gpujs");
    if (Math.abs(v) > INT_LIMIT) throw inexactIntError(v);
    out[i] = v;
  }
  return out;
}

/**
 * Kernel statements that cast the float variable `r` in place to what `to` stores: int32
 * truncates toward zero (NaN and infinities become 0, as in a JavaScript Int32Array), bool
 * is nonzero (NaN included).
 */
export function storeCode(r: string, to: DType): string {
  // Past 2^24 (up to int32's range, past which reading reports the overflow) the value may have
  // rounded: the marker replaces it. Kernels that compute (not move) a value also mark 2^24 itself.
  if (to === "int32")
    return (
      `if (!(Math.abs(${r}) < 3.0e38)) { ${r} = 0; }\nif (${r} < 0) { ${r} = Math.ceil(${r}); } else { ${r} = Math.floor(${r}); }\n` +
      `if (Math.abs(${r}) > ${EXACT_BELOW} && Math.abs(${r}) <= 2147483647.0) { ${r} = ${INEXACT}.0; }`
    );
  if (to === "bool") return `if (${r} != 0) { ${r} = 1; } else { ${r} = 0; }`;
  return "";
}

/** Statements casting `v`, a stored value of `from`, to how the computation dtype `to` reads it. */
export function readCastCode(v: string, from: DType, to: DType): string {
  if (from === to || to === "float32" || to === "float64") return "";
  if (to === "bool") return storeCode(v, "bool");
  return from === "bool" ? "" : storeCode(v, "int32");
}
