/**
 * `@flambeau/scalar-math` (internal to Flambeau; no public API promise): the scalar math of
 * the GPU backends written once. Each unary and binary op is a small recipe (expr.ts) printed
 * to WGSL for `@flambeau/backend-webgpu` and to gpu.js JavaScript for `@flambeau/backend-gpujs`,
 * so both agree with each other and with the CPU backend on the same fixtures, NaN and
 * ±Infinity included.
 *
 * ```ts
 * import { UNARY, wgslFunctions, wgslCall, jsStatements } from "@flambeau/scalar-math";
 * wgslFunctions([UNARY.erf]); // "fn m_erf(x: f32) -> f32 { … }"
 * wgslCall(UNARY.erf, ["x"]); // "m_erf(x)"
 * jsStatements(UNARY.erf, ["x"], "r"); // "if ((x != x)) { r = x; } else { … }"
 * ```
 *
 * @packageDocumentation
 */
export { UNARY } from "./unary.js";
export { BINARY } from "./binary.js";
export { wgslCall, wgslExpr, wgslFunction, wgslFunctions } from "./wgsl.js";
export { jsStatements } from "./js.js";
export { recipe } from "./expr.js";
export type { Builtin, Expr, Recipe, Stmt } from "./expr.js";
