import { FunctionBuilder, SIMD, type ModuleBuilder } from "./emitter.js";

/**
 * `axpy(d, s, n4, alpha)`: `d = d + s * alpha` in float32 over n4 vectors — an optimizer's
 * update in one pass. Each lane rounds the product, then the sum, as `d.add_(s, { alpha })`
 * does with its two ops, so the values are the same.
 */
function axpy(): FunctionBuilder {
  const f = new FunctionBuilder(["i32", "i32", "i32", "f32"]);
  const [d, s, n4, alpha] = [0, 1, 2, 3];
  const a = f.local("v128");
  f.get(n4).i32Eqz().if().op(0x0f /* return */).end();
  f.get(alpha).simd(SIMD.f32x4_splat).set(a);
  f.loop();
  f.get(d).get(d).v128Load().get(s).v128Load().get(a).simd(SIMD.f32x4_mul).simd(SIMD.f32x4_add).v128Store();
  f.get(d).i32(16).i32Add().set(d);
  f.get(s).i32(16).i32Add().set(s);
  f.get(n4).i32(1).i32Sub().tee(n4).brIf(0);
  f.end();
  return f;
}

/** Add `axpy` to `mod`. */
export function addAxpy(mod: ModuleBuilder): void {
  mod.add("axpy", axpy());
}
