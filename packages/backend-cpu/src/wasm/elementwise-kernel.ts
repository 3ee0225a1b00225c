import { FunctionBuilder, SIMD, type ModuleBuilder } from "./emitter.js";

/**
 * float32 elementwise arithmetic and full reductions in WebAssembly SIMD, four lanes at a time.
 * The caller pads every operand to a multiple of 4 elements (the padding lanes compute
 * garbage that is never copied out) and stores a broadcast scalar as four copies with step 0.
 */

/** The binary ops with a SIMD kernel, in the order of their `op` index. */
export const SIMD_BINARY = ["add", "sub", "mul", "div"] as const;
const BINARY_OPCODE = [SIMD.f32x4_add, SIMD.f32x4_sub, SIMD.f32x4_mul, SIMD.f32x4_div];

/** `binary_<op>(o, a, as, b, bs, n4)`: `o[t] = a[t*as] op b[t*bs]` over n4 vectors (steps 16 or 0 bytes). */
function binary(opcode: number): FunctionBuilder {
  const f = new FunctionBuilder(["i32", "i32", "i32", "i32", "i32", "i32"]);
  const [o, a, as, b, bs, n4] = [0, 1, 2, 3, 4, 5];
  f.get(n4).i32Eqz().if().op(0x0f).end();
  f.loop();
  f.get(o).get(a).v128Load().get(b).v128Load().simd(opcode).v128Store();
  f.get(o).i32(16).i32Add().set(o);
  f.get(a).get(as).i32Add().set(a);
  f.get(b).get(bs).i32Add().set(b);
  f.get(n4).i32(1).i32Sub().tee(n4).brIf(0);
  f.end();
  return f;
}

/** The unary ops with a SIMD kernel: each is exact (one correctly rounded float32 op or none). */
export const SIMD_UNARY = ["neg", "abs", "sqrt", "relu"] as const;
const F32X4_MAX = 0xe9;

/** `unary_<op>(o, x, n4)`: `o[t] = op(x[t])` over n4 vectors. */
function unary(name: (typeof SIMD_UNARY)[number]): FunctionBuilder {
  const f = new FunctionBuilder(["i32", "i32", "i32"]);
  const [o, x, n4] = [0, 1, 2];
  f.get(n4).i32Eqz().if().op(0x0f).end();
  f.loop();
  f.get(o).get(x).v128Load();
  // relu is max(x, 0): NaN stays NaN and -0 becomes +0, as the plain kernel's `x <= 0 ? 0 : x`.
  if (name === "relu") f.f32x4Const(0).simd(F32X4_MAX);
  else f.simd(name === "neg" ? SIMD.f32x4_neg : name === "abs" ? SIMD.f32x4_abs : SIMD.f32x4_sqrt);
  f.v128Store();
  f.get(o).i32(16).i32Add().set(o);
  f.get(x).i32(16).i32Add().set(x);
  f.get(n4).i32(1).i32Sub().tee(n4).brIf(0);
  f.end();
  return f;
}

/** Lanes 2 and 3 of a vector moved to lanes 0 and 1 (bytes 8..15, then anything). */
const HIGH_HALF = [8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7];
const F64X2_PROMOTE_LOW_F32X4 = 0x5f;
const F64X2_ADD = 0xf0;
const F64X2_EXTRACT_LANE = 0x21;
const I8X16_SHUFFLE = 0x0d;

/**
 * `sum_f32(x, n4) -> f64`: the sum of n4 vectors, accumulated in doubles (two f64x2 sums, as
 * exact as the JavaScript kernel's double accumulator; only the order differs).
 */
function sum(): FunctionBuilder {
  const f = new FunctionBuilder(["i32", "i32"], ["f64"]);
  const [x, n4] = [0, 1];
  const lo = f.local("v128");
  const hi = f.local("v128");
  const v = f.local("v128");
  f.get(n4).i32Eqz().if().f64Const(0).op(0x0f /* return */).end();
  f.loop();
  f.get(x).v128Load().set(v);
  f.get(lo).get(v).simd(F64X2_PROMOTE_LOW_F32X4).simd(F64X2_ADD).set(lo);
  f.get(hi).get(v).get(v).simd(I8X16_SHUFFLE, ...HIGH_HALF).simd(F64X2_PROMOTE_LOW_F32X4).simd(F64X2_ADD).set(hi);
  f.get(x).i32(16).i32Add().set(x);
  f.get(n4).i32(1).i32Sub().tee(n4).brIf(0);
  f.end();
  f.get(lo).get(hi).simd(F64X2_ADD).set(lo);
  f.get(lo).simd(F64X2_EXTRACT_LANE, 0).get(lo).simd(F64X2_EXTRACT_LANE, 1).f64Add();
  return f;
}

/**
 * `max_f32(x, n4) -> f32`: the largest of n4 >= 1 vectors; NaN if any element is NaN (wasm's
 * max propagates NaN, as torch.max does).
 */
function max(): FunctionBuilder {
  const f = new FunctionBuilder(["i32", "i32"], ["f32"]);
  const [x, n4] = [0, 1];
  const m = f.local("v128");
  f.get(x).v128Load().set(m);
  f.loop();
  f.get(m).get(x).v128Load().simd(F32X4_MAX).set(m);
  f.get(x).i32(16).i32Add().set(x);
  f.get(n4).i32(1).i32Sub().tee(n4).brIf(0);
  f.end();
  for (let lane = 0; lane < 4; lane++) f.get(m).simd(SIMD.f32x4_extract_lane, lane);
  f.op(0x97).op(0x97).op(0x97); // f32.max three times (NaN-propagating too)
  return f;
}

/** Add `binary_add`…`binary_div`, `unary_neg`…`unary_relu`, `sum_f32` and `max_f32` to `mod`. */
export function addElementwise(mod: ModuleBuilder): void {
  SIMD_BINARY.forEach((name, i) => mod.add(`binary_${name}`, binary(BINARY_OPCODE[i]!)));
  for (const name of SIMD_UNARY) mod.add(`unary_${name}`, unary(name));
  mod.add("sum_f32", sum());
  mod.add("max_f32", max());
}
