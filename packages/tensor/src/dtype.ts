/**
 * The element types a tensor can hold, named as in PyTorch.
 * `float32` is the default floating type. `int64` exists on the CPU only, held in a
 * `Float64Array` and exact to ±(2^53 − 1): an op whose result would pass that raises.
 */
export type DType = "float32" | "float64" | "int32" | "int64" | "bool";

/** The typed array that stores each dtype on the host. */
export type TypedArray = Float32Array | Float64Array | Int32Array | Uint8Array;

/** Constructors of the host storage of each dtype. */
export const ARRAY_TYPE = {
  float32: Float32Array,
  float64: Float64Array,
  int32: Int32Array,
  int64: Float64Array,
  bool: Uint8Array,
} as const;

/** Bytes per element of each dtype. */
export const ITEM_SIZE: Record<DType, number> = { float32: 4, float64: 8, int32: 4, int64: 8, bool: 1 };

/** Every dtype Flambeau has, narrowest first: `bool`, `int32`, `int64`, `float32`, `float64`. */
export const DTYPES: readonly DType[] = ["bool", "int32", "int64", "float32", "float64"];

/** Allocate a zero-filled host array of `size` elements of `dtype`. */
export function allocArray(dtype: DType, size: number): TypedArray {
  return new ARRAY_TYPE[dtype](size);
}

/** Whether `d` is a floating dtype (`float32`, `float64`), as `torch.is_floating_point` asks of a tensor. */
export function isFloating(d: DType): boolean {
  return d === "float32" || d === "float64";
}

/** Whether `d` names a dtype Flambeau has: `isDType("float32")` is true, `isDType("float16")` false. */
export function isDType(d: unknown): d is DType {
  return d === "float32" || d === "float64" || d === "int32" || d === "int64" || d === "bool";
}

/** Whether `d` is an integral dtype (`int32`, `int64`); `bool` is not. */
export function isIntegral(d: DType): boolean {
  return d === "int32" || d === "int64";
}

// PyTorch orders categories bool < integral < floating; within a category the wider type wins.
const RANK: Record<DType, number> = { bool: 0, int32: 1, int64: 2, float32: 3, float64: 4 };
/** @internal PyTorch's categories: bool 0, integral 1, floating 2. */
export const CATEGORY: Record<DType, number> = { bool: 0, int32: 1, int64: 1, float32: 2, float64: 2 };

/** `torch.promote_types`: the smallest dtype both can be cast to without losing their category. */
export function promoteTypes(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The range of `int32`. */
export const INT32_MIN = -2147483648;
/** The largest `int32`, 2^31 - 1. */
export const INT32_MAX = 2147483647;

/** Whether `v` is a whole number that `int32` holds exactly. */
export function fitsInt32(v: number): boolean {
  return Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX;
}

/** The largest magnitude `int64` holds exactly here, 2^53 − 1 (`Number.MAX_SAFE_INTEGER`). */
export const INT64_EXACT_MAX = Number.MAX_SAFE_INTEGER;

/** Whether `v` is a whole number that `int64` (a double, exact to 2^53 − 1) holds exactly. */
export function fitsInt64(v: number): boolean {
  return Number.isSafeInteger(v);
}

/**
 * The dtype inferred for a JavaScript scalar: `bool`; `int32` for a whole number that fits
 * it; `int64` for a larger one up to 2^53 − 1 where `int64` is available (the CPU); else
 * `float32`, as a fraction (docs/design.md, "Whole numbers and dtypes").
 */
export function scalarDType(v: number | boolean, int64 = false): DType {
  if (typeof v === "boolean") return "bool";
  if (fitsInt32(v)) return "int32";
  return int64 && fitsInt64(v) ? "int64" : "float32";
}

/**
 * An operand's weight in `torch.result_type`: tensors with dimensions outrank 0-d tensors,
 * which outrank Python (here JavaScript) scalars; a lower-priority operand only changes the
 * result when it belongs to a higher category.
 */
export interface TypeOperand {
  dtype: DType;
  priority: 0 | 1 | 2; // 2 = dimensioned tensor, 1 = 0-d tensor, 0 = scalar
}

/** `torch.result_type` for any number of operands. */
export function resultType(operands: readonly TypeOperand[]): DType {
  const best: (DType | null)[] = [null, null, null];
  for (const o of operands) {
    const cur = best[o.priority];
    best[o.priority] = cur === null ? o.dtype : promoteTypes(cur, o.dtype);
  }
  let result: DType | null = null;
  for (let p = 2; p >= 0; p--) {
    const d = best[p];
    if (d === null) continue;
    if (result === null) result = d;
    else if (CATEGORY[d] > CATEGORY[result]) {
      // A scalar float promotes an integer tensor to the default float, not to float64.
      result = p === 0 && isFloating(d) ? "float32" : d;
    }
  }
  return result ?? "float32";
}

/** The dtype of a floating result of an integral input (true division, `exp`, `mean`, …). */
export function toFloating(d: DType): DType {
  return isFloating(d) ? d : "float32";
}

/** PyTorch's legacy type name used in messages, e.g. `torch.FloatTensor`. */
export function legacyTypeName(d: DType): string {
  return { float32: "torch.FloatTensor", float64: "torch.DoubleTensor", int32: "torch.IntTensor", int64: "torch.LongTensor", bool: "torch.BoolTensor" }[d];
}

/** PyTorch's scalar type name used in messages, e.g. `Float`, `Long`. */
export function scalarTypeName(d: DType): string {
  return { float32: "Float", float64: "Double", int32: "Int", int64: "Long", bool: "Bool" }[d];
}

/** Cast a JavaScript number to what a dtype can hold, as storing into its typed array would. */
export function castScalar(v: number, d: DType): number {
  switch (d) {
    case "bool":
      return v ? 1 : 0;
    case "int32":
      return Math.trunc(v) | 0;
    case "int64":
      return Math.trunc(v);
    case "float32":
      return Math.fround(v);
    default:
      return v;
  }
}
