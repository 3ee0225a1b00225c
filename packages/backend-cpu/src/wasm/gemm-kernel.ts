import { FunctionBuilder, SIMD, type ModuleBuilder } from "./emitter.js";

/**
 * The float32 matrix product in WebAssembly SIMD, GotoBLAS style. The caller packs A into
 * panels of {@link MR} rows (`Ap[(ip*k + p)*MR + r] = A(ip*MR + r, p)`) and B into panels of
 * {@link NR} columns (`Bp[(jp*k + p)*NR + c] = B(p, jp*NR + c)`), zero-padded; C (`mPad x nPad`,
 * row-major) need not be cleared: `gemm` stores every MR x NR block of C on the first block of k
 * and adds to it on later ones, as MR*NR/4 vector accumulators over a block of k, so the innermost loop does 2*MR vector multiply-adds per
 * 2 vector loads and MR broadcasts, all from panels read sequentially.
 */

/** Rows of a micro-tile: MR x 2 accumulators + 2 B vectors + 1 broadcast fit x64's 16 vector registers. */
export const MR = 4;
/** Columns of a micro-tile: two f32x4 vectors. */
export const NR = 8;
/** Rows of k per block: a B panel slice (KC x NR floats, 8 KiB) stays in L1. */
const KC = 256;
/** A panels per block of rows: MC = 64 rows x KC (64 KiB) stays in L2 while every B panel passes. */
const MCP = 16;

/**
 * `micro(a, b, c, kc, ldc, first)`: C[MR x NR at c, row stride ldc bytes] = (first ? 0 : C) +
 * Ap(kc) * Bp(kc). Storing on the first block of k spares the caller a pass clearing C (on
 * fresh pages that pass cost more than a 512² product's packing). The accumulators start at +0
 * and a float32 sum that starts at +0 is never -0, so storing them equals adding them to zeros.
 */
function micro(): FunctionBuilder {
  const f = new FunctionBuilder(["i32", "i32", "i32", "i32", "i32", "i32"]);
  const [a, b, c, kc, ldc, first] = [0, 1, 2, 3, 4, 5];
  const acc = Array.from({ length: MR * 2 }, () => f.local("v128"));
  const b0 = f.local("v128");
  const b1 = f.local("v128");
  const av = f.local("v128");
  const row = f.local("i32");
  f.loop();
  f.get(b).v128Load(0).set(b0);
  f.get(b).v128Load(16).set(b1);
  for (let r = 0; r < MR; r++) {
    f.get(a).simd(SIMD.load32_splat, 2, 4 * r).set(av);
    f.get(acc[2 * r]!).get(av).get(b0).simd(SIMD.f32x4_mul).simd(SIMD.f32x4_add).set(acc[2 * r]!);
    f.get(acc[2 * r + 1]!).get(av).get(b1).simd(SIMD.f32x4_mul).simd(SIMD.f32x4_add).set(acc[2 * r + 1]!);
  }
  f.get(a).i32(4 * MR).i32Add().set(a);
  f.get(b).i32(4 * NR).i32Add().set(b);
  f.get(kc).i32(1).i32Sub().tee(kc).brIf(0);
  f.end();
  // Store the tile into C (first block of k) or add it.
  f.get(c).set(row);
  f.get(first).if();
  for (let r = 0; r < MR; r++) {
    for (let h = 0; h < 2; h++) f.get(row).get(acc[2 * r + h]!).v128Store(16 * h);
    f.get(row).get(ldc).i32Add().set(row);
  }
  f.else();
  for (let r = 0; r < MR; r++) {
    for (let h = 0; h < 2; h++) {
      f.get(row).get(row).v128Load(16 * h).get(acc[2 * r + h]!).simd(SIMD.f32x4_add).v128Store(16 * h);
    }
    f.get(row).get(ldc).i32Add().set(row);
  }
  f.end();
  return f;
}

/**
 * `gemm(ap, bp, c, k, ldc, ip0, ip1, jp0, jp1)`: the tiles of A panels [ip0, ip1) x B panels
 * [jp0, jp1) (byte addresses; ldc = nPad*4). Threads split the B panels, so each writes its own
 * columns of C and every element is summed in the same order whatever the thread count.
 */
function gemm(microIndex: number): FunctionBuilder {
  const f = new FunctionBuilder(["i32", "i32", "i32", "i32", "i32", "i32", "i32", "i32", "i32"]);
  const [ap, bp, c, k, ldc, ip0, ip1, jp0, jp1] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const pc = f.local("i32");
  const kc = f.local("i32");
  const ic = f.local("i32");
  const icEnd = f.local("i32");
  const ip = f.local("i32");
  const jp = f.local("i32");
  // Nothing to do for an empty range (the loops below run at least once).
  f.get(ip0).get(ip1).i32GeU().get(jp0).get(jp1).i32GeU().op(0x72 /* i32.or */).get(k).i32Eqz().op(0x72);
  f.if().op(0x0f /* return */).end();
  f.i32(0).set(pc);
  f.loop(); // pc
  // kc = min(KC, k - pc)
  f.i32(KC).get(k).get(pc).i32Sub().tee(kc).i32(KC).get(kc).i32LtU().select().set(kc);
  f.get(ip0).set(ic);
  f.loop(); // ic
  f.get(ic).i32(MCP).i32Add().get(ip1).get(ic).i32(MCP).i32Add().get(ip1).i32LtU().select().set(icEnd);
  f.get(jp0).set(jp);
  f.loop(); // jp
  f.get(ic).set(ip);
  f.loop(); // ip
  // micro(ap + (ip*k + pc)*MR*4, bp + (jp*k + pc)*NR*4, c + ip*MR*ldc + jp*NR*4, kc, ldc, pc == 0)
  f.get(ap).get(ip).get(k).i32Mul().get(pc).i32Add().i32(MR * 4).i32Mul().i32Add();
  f.get(bp).get(jp).get(k).i32Mul().get(pc).i32Add().i32(NR * 4).i32Mul().i32Add();
  f.get(c).get(ip).i32(MR).i32Mul().get(ldc).i32Mul().i32Add().get(jp).i32(NR * 4).i32Mul().i32Add();
  f.get(kc).get(ldc).get(pc).i32Eqz().call(microIndex);
  f.get(ip).i32(1).i32Add().tee(ip).get(icEnd).i32LtU().brIf(0);
  f.end();
  f.get(jp).i32(1).i32Add().tee(jp).get(jp1).i32LtU().brIf(0);
  f.end();
  f.get(icEnd).tee(ic).get(ip1).i32LtU().brIf(0);
  f.end();
  f.get(pc).i32(KC).i32Add().tee(pc).get(k).i32LtU().brIf(0);
  f.end();
  return f;
}

/** Add `gemm` (and its micro-kernel) to `mod`. */
export function addGemm(mod: ModuleBuilder): void {
  const m = mod.add("gemm_micro", micro());
  mod.add("gemm", gemm(m));
}
