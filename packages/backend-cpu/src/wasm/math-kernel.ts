import { FunctionBuilder, SIMD, type ModuleBuilder } from "./emitter.js";

/**
 * float32 `exp` and `tanh` in WebAssembly SIMD, computed in double precision (two f64x2 halves
 * per four lanes) and rounded to float32 once, as the plain kernels round `Math.exp`/`Math.tanh`.
 * The polynomials are good to ~1e-16 relative, so the float32 results differ from the plain
 * kernels' only where the exact value lies within ~1e-16 of a float32 rounding boundary: by one
 * ulp, in about one element in ten million (docs/design.md).
 */

const V = {
  f64x2_splat: 0x14,
  i8x16_shuffle: 0x0d,
  f64x2_promote_low_f32x4: 0x5f,
  f32x4_demote_f64x2_zero: 0x5e,
  f64x2_nearest: 0x94,
  f64x2_abs: 0xec,
  f64x2_add: 0xf0,
  f64x2_sub: 0xf1,
  f64x2_mul: 0xf2,
  f64x2_div: 0xf3,
  f64x2_min: 0xf4,
  f64x2_max: 0xf5,
  f64x2_lt: 0x49,
  i32x4_trunc_sat_f64x2_s_zero: 0xfc,
  i64x2_extend_low_i32x4_s: 0xc7,
  i64x2_shl: 0xcb,
  i64x2_add: 0xce,
  v128_and: 0x4e,
  v128_or: 0x50,
} as const;
const HIGH_HALF = [8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7];
/** Lanes 0-1 of the first vector, then lanes 0-1 of the second (two demoted halves joined). */
const JOIN_LOW = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];

/** `v128.const` of raw bytes. */
function v128Const(f: FunctionBuilder, bytes: Uint8Array): FunctionBuilder {
  f.code.push(0xfd, 0x0c, ...bytes);
  return f;
}
const f64x2 = (f: FunctionBuilder, v: number): FunctionBuilder => v128Const(f, new Uint8Array(new Float64Array([v, v]).buffer));
const i64x2 = (f: FunctionBuilder, v: bigint): FunctionBuilder => v128Const(f, new Uint8Array(new BigInt64Array([v, v]).buffer));

/** 1/n! for n = 0..12: e^r to ~2e-16 relative for |r| <= ln2/2. */
const EXP_TAYLOR = Array.from({ length: 13 }, (_, n) => 1 / Array.from({ length: n }, (_, i) => i + 1).reduce((a, b) => a * b, 1));

/**
 * `exp_f64x2(x) -> e^x` per lane. x is clamped to [-104, 89] (past those float32's exp is 0 or
 * +Infinity; NaN stays NaN), then e^x = 2^k e^r with k = round(x / ln 2) and r reduced with ln 2
 * in two parts (Cody and Waite: k * LN2_HI is exact).
 */
function exp(): FunctionBuilder {
  const f = new FunctionBuilder(["v128"], ["v128"]);
  const x = 0;
  const k = f.local("v128");
  const r = f.local("v128");
  f.get(x);
  f64x2(f, -104).simd(V.f64x2_max);
  f64x2(f, 89).simd(V.f64x2_min).tee(x);
  f64x2(f, Math.LOG2E).simd(V.f64x2_mul).simd(V.f64x2_nearest).set(k);
  f.get(x).get(k);
  f64x2(f, 6.93147180369123816490e-1).simd(V.f64x2_mul).simd(V.f64x2_sub).get(k);
  f64x2(f, 1.90821492927058770002e-10).simd(V.f64x2_mul).simd(V.f64x2_sub).set(r);
  f64x2(f, EXP_TAYLOR[12]!);
  for (let i = 11; i >= 0; i--) {
    f.get(r).simd(V.f64x2_mul);
    f64x2(f, EXP_TAYLOR[i]!).simd(V.f64x2_add);
  }
  // 2^k: (k + 1023) << 52 as the bits of a double (k is in [-150, 129]).
  f.get(k).simd(V.i32x4_trunc_sat_f64x2_s_zero).simd(V.i64x2_extend_low_i32x4_s);
  i64x2(f, 1023n).simd(V.i64x2_add).i32(52).simd(V.i64x2_shl);
  f.simd(V.f64x2_mul);
  return f;
}

/** tanh's Taylor series to x^9: below 1/32 it beats 1 - 2/(e^2x + 1), which cancels there. */
const TANH_SERIES = [1, -1 / 3, 2 / 15, -17 / 315, 62 / 2835];

/** `tanh_f64x2(x)` per lane, from |x| (the sign is put back at the end; tanh(-0) is -0). */
function tanh(expIndex: number): FunctionBuilder {
  const f = new FunctionBuilder(["v128"], ["v128"]);
  const x = 0;
  const a = f.local("v128");
  const a2 = f.local("v128");
  f.get(x).simd(V.f64x2_abs).tee(a).get(a).simd(V.f64x2_mul).set(a2);
  // Small |x|: a * (1 + a2 * (c1 + a2 * (...)))
  f64x2(f, TANH_SERIES[4]!);
  for (let i = 3; i >= 0; i--) {
    f.get(a2).simd(V.f64x2_mul);
    f64x2(f, TANH_SERIES[i]!).simd(V.f64x2_add);
  }
  f.get(a).simd(V.f64x2_mul);
  // Larger: 1 - 2 / (e^(2a) + 1); e^(2a) saturates (clamped at e^89), giving 1.
  f64x2(f, 1);
  f64x2(f, 2);
  f.get(a).get(a).simd(V.f64x2_add).call(expIndex);
  f64x2(f, 1).simd(V.f64x2_add).simd(V.f64x2_div).simd(V.f64x2_sub);
  f.get(a);
  f64x2(f, 1 / 32).simd(V.f64x2_lt).simd(SIMD.v128_bitselect);
  // | sign of x
  f.get(x);
  i64x2(f, -(2n ** 63n)).simd(V.v128_and).simd(V.v128_or);
  return f;
}

/** `math_<op>(o, x, n4)`: float32 `o = op(x)` over n4 vectors, each lane through `fn` in doubles. */
function lanes(fn: number): FunctionBuilder {
  const f = new FunctionBuilder(["i32", "i32", "i32"]);
  const [o, x, n4] = [0, 1, 2];
  const v = f.local("v128");
  f.get(n4).i32Eqz().if().op(0x0f /* return */).end();
  f.loop();
  f.get(o);
  f.get(x).v128Load().tee(v).simd(V.f64x2_promote_low_f32x4).call(fn).simd(V.f32x4_demote_f64x2_zero);
  f.get(v).get(v).simd(V.i8x16_shuffle, ...HIGH_HALF).simd(V.f64x2_promote_low_f32x4).call(fn).simd(V.f32x4_demote_f64x2_zero);
  f.simd(V.i8x16_shuffle, ...JOIN_LOW).v128Store();
  f.get(o).i32(16).i32Add().set(o);
  f.get(x).i32(16).i32Add().set(x);
  f.get(n4).i32(1).i32Sub().tee(n4).brIf(0);
  f.end();
  return f;
}

/** The unary ops with a math kernel. */
export const MATH_UNARY = ["exp", "tanh"] as const;

/** Add `math_exp` and `math_tanh` (and their f64x2 helpers) to `mod`. */
export function addMath(mod: ModuleBuilder): void {
  const e = mod.add("exp_f64x2", exp());
  const t = mod.add("tanh_f64x2", tanh(e));
  mod.add("math_exp", lanes(e));
  mod.add("math_tanh", lanes(t));
}
