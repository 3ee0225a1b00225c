/**
 * Each unary op as kernel statements that set `r` from `x` (both float variables): the shared
 * recipes of `@flambeau/scalar-math` printed to gpu.js JavaScript, so this backend computes
 * exactly what the WebGPU one does. int32 and bool operands are integers held in floats
 * (values.ts), on which the float recipes give the integral results.
 */
import type { UnaryOp } from "@flambeau/tensor/internal";
import { UNARY, jsStatements } from "@flambeau/scalar-math";

/** Statements computing unary `op`: `r` from `x`. */
export function unaryCode(op: UnaryOp): string {
  const recipe = UNARY[op];
  if (recipe === undefined) throw new Error(`gpujs: unary: unknown op '${op as string}'`);
  return jsStatements(recipe, ["x"], "r");
}
