/** `binary(op, a, b)`: operands read through their (broadcast) strides as the compute dtype. */
import type { DType } from "@flambeau/tensor";
import type { BinaryOp } from "@flambeau/tensor/internal";
import { faultPrelude } from "../errors.js";
import { ENTRY_ARGS, PRELUDE, linearIndex, loadAs, storageType, storeAs, stridedPrelude, type Scalar } from "../wgsl.js";
import { INT_MATH } from "./math.js";
import { BINARY, wgslCall, wgslFunctions } from "@flambeau/scalar-math";

export const WORKGROUP = 256;

/**
 * Integer forms (floats compute by the shared recipes): they wrap like int32, and the ones that
 * can fail report through the status buffer. A `Record`, so a binary op without one is a compile error.
 */
const INT: Record<BinaryOp, string> = {
  add: "a + b", sub: "a - b", mul: "a * b", div: "f32(a) / f32(b)", pow: "pow_i(a, b)", maximum: "max(a, b)",
  minimum: "min(a, b)", atan2: "m_atan2(f32(a), f32(b))", floor_divide: "floor_divide_i(a, b)", remainder: "remainder_i(a, b)", fmod: "fmod_i(a, b)",
  eq: "a == b", ne: "!(a == b)", lt: "a < b", le: "a <= b", gt: "a > b", ge: "a >= b",
  logical_and: "a != 0 && b != 0", logical_or: "a != 0 || b != 0", logical_xor: "(a != 0) != (b != 0)",
};
const FAULTS = new Set<BinaryOp>(["pow", "floor_divide", "remainder", "fmod"]);

/** Whether a kernel for these operands binds the status buffer (integer ops that can fail). */
export function binaryFaults(op: BinaryOp, compute: DType): boolean {
  return compute !== "float32" && FAULTS.has(op);
}

export function binaryKernel(op: BinaryOp, a: DType, b: DType, compute: DType, out: DType): { key: string; source: () => string } {
  // Bools compute as integers (True + True is 2 before the store makes it True).
  const t: Scalar = compute === "float32" ? "f32" : "i32";
  // Floats compute by the shared recipe (@flambeau/scalar-math), integers by the table above.
  const recipe = BINARY[op];
  const expr = t === "f32" ? wgslCall(recipe, ["a", "b"]) : INT[op];
  const result: Scalar = recipe.result === "bool" ? "bool" : op === "div" || op === "atan2" ? "f32" : t;
  const faults = binaryFaults(op, compute);
  return {
    key: `binary:${op}:${a}:${b}:${compute}:${out}`,
    source: () => /* wgsl */ `
${PRELUDE}
${t === "f32" || op === "atan2" ? wgslFunctions([recipe]) : ""}
@group(0) @binding(0) var<storage, read> A: array<${storageType(a)}>;
@group(0) @binding(1) var<storage, read> B: array<${storageType(b)}>;
@group(0) @binding(2) var<storage, read_write> O: array<${storageType(out)}>;
${faults ? faultPrelude(3) + INT_MATH : ""}
${stridedPrelude(2)}
@compute @workgroup_size(${WORKGROUP}) fn main(${ENTRY_ARGS}) {
  let i = ${linearIndex(WORKGROUP)};
  if (i >= md[0]) { return; }
  let o = offsets(i);
  let a = ${loadAs("A[o.x]", a, t)};
  let b = ${loadAs("B[o.y]", b, t)};
  O[ob() + i] = ${storeAs(`(${expr})`, result, out)};
}`,
  };
}
