/** `unary(op, x)`: one invocation per element, reading `x` through its strides. */
import type { DType } from "@flambeau/tensor";
import type { UnaryOp } from "@flambeau/tensor/internal";
import { ENTRY_ARGS, PRELUDE, linearIndex, loadAs, storageType, storeAs, stridedPrelude, type Scalar } from "../wgsl.js";
import { UNARY, wgslCall, wgslFunctions } from "@flambeau/scalar-math";

export const WORKGROUP = 256;

/** Ops that keep integers integral (rounding ops are the identity there). */
const INT: Partial<Record<UnaryOp, string>> = {
  neg: "-x", abs: "abs(x)", sign: "select(select(0, -1, x < 0), 1, x > 0)", relu: "max(x, 0)", square: "x * x",
  floor: "x", ceil: "x", round: "x", trunc: "x", logical_not: "x == 0", isnan: "false",
};
const PREDICATES = new Set<UnaryOp>(["logical_not", "isnan"]);

/** The type `op` computes in: float for float results, integers where they stay exact. */
function computeIn(op: UnaryOp, x: DType, out: DType): Scalar {
  if (PREDICATES.has(op)) return x === "float32" ? "f32" : "i32";
  return out === "float32" || INT[op] === undefined ? "f32" : "i32";
}

export function unaryKernel(op: UnaryOp, x: DType, out: DType): { key: string; source: () => string } {
  const t = computeIn(op, x, out);
  // Floats compute by the shared recipe (@flambeau/scalar-math), integers by the table above.
  const expr = t === "f32" ? wgslCall(UNARY[op], ["x"]) : INT[op]!;
  const result: Scalar = PREDICATES.has(op) ? "bool" : t;
  return {
    key: `unary:${op}:${x}:${out}`,
    source: () => /* wgsl */ `
${PRELUDE}
${t === "f32" ? wgslFunctions([UNARY[op]]) : ""}
@group(0) @binding(0) var<storage, read> X: array<${storageType(x)}>;
@group(0) @binding(1) var<storage, read_write> O: array<${storageType(out)}>;
${stridedPrelude(1)}
@compute @workgroup_size(${WORKGROUP}) fn main(${ENTRY_ARGS}) {
  let i = ${linearIndex(WORKGROUP)};
  if (i >= md[0]) { return; }
  let x = ${loadAs("X[offsets(i)]", x, t)};
  O[ob() + i] = ${storeAs(`(${expr})`, result, out)};
}`,
  };
}

