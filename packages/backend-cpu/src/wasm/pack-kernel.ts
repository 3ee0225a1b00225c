import { FunctionBuilder, SIMD, type ModuleBuilder } from "./emitter.js";

/**
 * The product's packing (../kernels/matmul-wasm.ts) in WebAssembly SIMD, for operands that live
 * in WebAssembly memory: one full panel of R = 4 (A) or 8 (B) lines, `dst[p*R + r] = line r at
 * step p`, from lines that run along k (`pack_t`: a row-major A, a transposed B such as a linear
 * layer's `w.t()`; 4x4 blocks transposed in registers) or across it (`pack_n`: a row-major B, a
 * transposed A; R floats copied per step). Plain copies: the packed values, and so the products,
 * are the same as the JavaScript packing's.
 */

const SHUFFLE = 0x0d;
/** i8x16.shuffle lanes picking 32-bit lanes `l` (0-3 from the first operand, 4-7 from the second). */
const lanes = (...l: number[]): number[] => l.flatMap((x) => [4 * x, 4 * x + 1, 4 * x + 2, 4 * x + 3]);

/** `pack_tR(d, s, ld, k)`: dst at d gets `dst[p*R + r] = s[r*ld + 4p]` (bytes; ld the line stride). */
function packT(R: number): FunctionBuilder {
  const f = new FunctionBuilder(["i32", "i32", "i32", "i32"]);
  const [d, s, ld, k] = [0, 1, 2, 3];
  const off = Array.from({ length: R }, () => f.local("i32"));
  const x = Array.from({ length: 4 }, () => f.local("v128"));
  const t = Array.from({ length: 4 }, () => f.local("v128"));
  for (let r = 0; r < R; r++) f.get(ld).i32(r).i32Mul().set(off[r]!);
  // Four steps of k at a time: a 4x4 block of each group of 4 lines, transposed.
  f.block();
  f.get(k).i32(4).i32LtU().brIf(0);
  f.loop();
  for (let g = 0; g < R / 4; g++) {
    for (let i = 0; i < 4; i++) f.get(s).get(off[4 * g + i]!).i32Add().v128Load(0).set(x[i]!);
    f.get(x[0]!).get(x[1]!).simd(SHUFFLE, ...lanes(0, 4, 1, 5)).set(t[0]!);
    f.get(x[0]!).get(x[1]!).simd(SHUFFLE, ...lanes(2, 6, 3, 7)).set(t[1]!);
    f.get(x[2]!).get(x[3]!).simd(SHUFFLE, ...lanes(0, 4, 1, 5)).set(t[2]!);
    f.get(x[2]!).get(x[3]!).simd(SHUFFLE, ...lanes(2, 6, 3, 7)).set(t[3]!);
    for (let q = 0; q < 4; q++) {
      const [lo, hi] = q < 2 ? [t[0]!, t[2]!] : [t[1]!, t[3]!];
      f.get(d).get(lo).get(hi).simd(SHUFFLE, ...(q % 2 === 0 ? lanes(0, 1, 4, 5) : lanes(2, 3, 6, 7))).v128Store(q * R * 4 + 16 * g);
    }
  }
  f.get(s).i32(16).i32Add().set(s);
  f.get(d).i32(16 * R).i32Add().set(d);
  f.get(k).i32(4).i32Sub().tee(k).i32(4).i32GeU().brIf(0);
  f.end();
  f.end();
  // The last k % 4 steps, one float at a time.
  f.block();
  f.get(k).i32Eqz().brIf(0);
  f.loop();
  for (let r = 0; r < R; r++) f.get(d).get(s).get(off[r]!).i32Add().f32Load(0).f32Store(4 * r);
  f.get(s).i32(4).i32Add().set(s);
  f.get(d).i32(4 * R).i32Add().set(d);
  f.get(k).i32(1).i32Sub().tee(k).brIf(0);
  f.end();
  f.end();
  return f;
}

/** `pack_nR(d, s, ld, k)`: dst at d gets `dst[p*R + c] = s[p*ld + 4c]` (bytes; ld the step stride). */
function packN(R: number): FunctionBuilder {
  const f = new FunctionBuilder(["i32", "i32", "i32", "i32"]);
  const [d, s, ld, k] = [0, 1, 2, 3];
  f.block();
  f.get(k).i32Eqz().brIf(0);
  f.loop();
  for (let h = 0; h < R / 4; h++) f.get(d).get(s).v128Load(16 * h).v128Store(16 * h);
  f.get(s).get(ld).i32Add().set(s);
  f.get(d).i32(4 * R).i32Add().set(d);
  f.get(k).i32(1).i32Sub().tee(k).brIf(0);
  f.end();
  f.end();
  return f;
}

/** Add `pack_t4`, `pack_t8`, `pack_n4` and `pack_n8` to `mod`. */
export function addPack(mod: ModuleBuilder): void {
  for (const R of [4, 8]) {
    mod.add(`pack_t${R}`, packT(R));
    mod.add(`pack_n${R}`, packN(R));
  }
}
