import type { DType, TypedArray } from "@flambeau/tensor";
import type { View } from "@flambeau/tensor/internal";
import { alloc, allocResult, data } from "./arrays.js";
import { eachMatrix } from "./batches.js";
import { matmulWasm } from "./matmul-wasm.js";
import { getWasm } from "../wasm/runtime.js";
import { simdOn } from "../wasm/settings.js";
import { matmulInt64 } from "./int64.js";

/**
 * Batched matrix product. Large products run a register-blocked kernel: B is packed once per
 * distinct batch matrix into panels of 4 columns (k rows x 4 doubles, read sequentially), and
 * each 4x4 block of C is accumulated in 16 local doubles over a block of k, so the inner loop
 * does 16 multiply-adds per 8 loads and no index arithmetic beyond two increments. Small
 * products (and the edges the 4x4 blocks leave) take plain strided dot products: no packing,
 * no allocation beyond the output.
 */

/** Rows of k per block: a 4-column panel slice (KB x 4 doubles = 16 KiB) stays in L1 cache. */
const KB = 512;
/**
 * From this many multiply-adds on, float32 products run on the WebAssembly SIMD kernel; below
 * it, copying operands into its memory costs more than the faster loop saves.
 */
const WASM_MIN_WORK = 4096;
/**
 * Products shallower than {@link SHALLOW_K} are mostly packing and copying, so they need more
 * work than {@link WASM_MIN_WORK} to pay: measured per call, 100x10x10 takes ~10 us plain
 * against ~20 on SIMD, while 128x10x256 (an MLP's last layer, backward) takes ~34 against ~170
 * and a 3x3 convolution's first layer (16x9x25088, 1 input channel) ~0.5 ms against ~2.8.
 */
const SHALLOW_K = 12;
const WASM_MIN_SHALLOW_WORK = 16384;
/** Below this many multiply-adds, packing costs more than it saves. */
const PACK_MIN_WORK = 8192;

/** Operand layout for one batch element: `A(i, p) = A[ai + i*sam + p*sak]`, likewise B and C. */
interface Gemm {
  A: TypedArray;
  sam: number;
  sak: number;
  B: TypedArray;
  sbk: number;
  sbn: number;
  C: Float32Array | Float64Array;
  m: number;
  k: number;
  n: number;
}

/** `C(i, j) = sum_p A(i, p) B(p, j)` for i in [i0, i1), j in [j0, j1), by strided dot products. */
function dotBlock(g: Gemm, ai: number, bi: number, ci: number, i0: number, i1: number, j0: number, j1: number): void {
  const { A, sam, sak, B, sbk, sbn, C, k, n } = g;
  for (let i = i0; i < i1; i++) {
    for (let j = j0; j < j1; j++) {
      let s = 0;
      let pa = ai + i * sam;
      let pb = bi + j * sbn;
      for (let p = 0; p < k; p++, pa += sak, pb += sbk) s += A[pa]! * B[pb]!;
      C[ci + i * n + j] = s;
    }
  }
}

/** Pack the first `4 * panels` columns of B: `Bp[(q*k + p)*4 + c] = B(p, 4q + c)`. */
function packB(g: Gemm, bi: number, panels: number, Bp: Float64Array): void {
  const { B, sbk, sbn, k } = g;
  for (let q = 0, d = 0; q < panels; q++) {
    for (let p = 0, s = bi + 4 * q * sbn; p < k; p++, s += sbk, d += 4) {
      Bp[d] = B[s]!;
      Bp[d + 1] = B[s + sbn]!;
      Bp[d + 2] = B[s + 2 * sbn]!;
      Bp[d + 3] = B[s + 3 * sbn]!;
    }
  }
}

/** C rows [i, i+4) x panel q, over p in [p0, p1): 16 accumulators, added into C. */
function block4x4(g: Gemm, Bp: Float64Array, ai: number, ci: number, i: number, q: number, p0: number, p1: number): void {
  const { A, sam, sak, C, k, n } = g;
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  let a0 = ai + i * sam + p0 * sak;
  let a1 = a0 + sam;
  let a2 = a1 + sam;
  let a3 = a2 + sam;
  let b = (q * k + p0) * 4;
  for (let p = p0; p < p1; p++, b += 4, a0 += sak, a1 += sak, a2 += sak, a3 += sak) {
    const b0 = Bp[b]!, b1 = Bp[b + 1]!, b2 = Bp[b + 2]!, b3 = Bp[b + 3]!;
    let x = A[a0]!;
    c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
    x = A[a1]!;
    c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
    x = A[a2]!;
    c20 += x * b0; c21 += x * b1; c22 += x * b2; c23 += x * b3;
    x = A[a3]!;
    c30 += x * b0; c31 += x * b1; c32 += x * b2; c33 += x * b3;
  }
  let o = ci + i * n + 4 * q;
  C[o] += c00; C[o + 1] += c01; C[o + 2] += c02; C[o + 3] += c03;
  o += n;
  C[o] += c10; C[o + 1] += c11; C[o + 2] += c12; C[o + 3] += c13;
  o += n;
  C[o] += c20; C[o + 1] += c21; C[o + 2] += c22; C[o + 3] += c23;
  o += n;
  C[o] += c30; C[o + 1] += c31; C[o + 2] += c32; C[o + 3] += c33;
}

/** One row of C (the rows left over below a multiple of 4) x panel q, over p in [p0, p1). */
function block1x4(g: Gemm, Bp: Float64Array, ai: number, ci: number, i: number, q: number, p0: number, p1: number): void {
  const { A, sam, sak, C, k, n } = g;
  let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
  let a = ai + i * sam + p0 * sak;
  for (let p = p0, b = (q * k + p0) * 4; p < p1; p++, b += 4, a += sak) {
    const x = A[a]!;
    c0 += x * Bp[b]!; c1 += x * Bp[b + 1]!; c2 += x * Bp[b + 2]!; c3 += x * Bp[b + 3]!;
  }
  const o = ci + i * n + 4 * q;
  C[o] += c0; C[o + 1] += c1; C[o + 2] += c2; C[o + 3] += c3;
}

/** One batch element with B already packed into `panels` panels. */
function packedGemm(g: Gemm, Bp: Float64Array, panels: number, ai: number, bi: number, ci: number): void {
  const { m, k, n } = g;
  const m4 = m & ~3;
  for (let p0 = 0; p0 < k; p0 += KB) {
    const p1 = Math.min(k, p0 + KB);
    for (let q = 0; q < panels; q++) {
      let i = 0;
      for (; i < m4; i += 4) block4x4(g, Bp, ai, ci, i, q, p0, p1);
      for (; i < m; i++) block1x4(g, Bp, ai, ci, i, q, p0, p1);
    }
  }
  // Columns past the last full panel.
  if (4 * panels < n) dotBlock(g, ai, bi, ci, 0, m, 4 * panels, n);
}

/** `a` `[...batch, m, k]` times `b` `[...batch, k, n]` (batch dims equal, 0-strided where broadcast). */
export function matmul(a: View, b: View, outDtype: DType): TypedArray {
  if (outDtype === "int64") return matmulInt64(a, b);
  const nd = a.shape.length;
  const m = a.shape[nd - 2]!;
  const k = a.shape[nd - 1]!;
  const n = b.shape[nd - 1]!;
  let batch = 1;
  for (let d = 0; d < nd - 2; d++) batch *= a.shape[d]!;
  const onWasm = outDtype === "float32" && a.dtype === "float32" && b.dtype === "float32" && k > 0 &&
    batch * m * n * k >= (k < SHALLOW_K ? WASM_MIN_SHALLOW_WORK : WASM_MIN_WORK) && simdOn();
  // The SIMD kernel writes every element, so its result need not be zero-filled first.
  const out = allocResult(outDtype, batch * m * n, onWasm);
  if (out.length === 0 || k === 0) return out;
  if (onWasm) {
    matmulWasm(getWasm()!, a, b, out as Float32Array);
    return out;
  }
  // Float results are written in place; integral ones go through doubles (exact for int32).
  const C = out instanceof Float32Array || out instanceof Float64Array ? out : (alloc("float64", out.length) as Float64Array);
  const g: Gemm = {
    A: data(a),
    sam: a.strides[nd - 2]!,
    sak: a.strides[nd - 1]!,
    B: data(b),
    sbk: b.strides[nd - 2]!,
    sbn: b.strides[nd - 1]!,
    C,
    m,
    k,
    n,
  };
  const panels = n >> 2;
  const Bp = panels > 0 && m * n * k >= PACK_MIN_WORK ? (alloc("float64", panels * k * 4) as Float64Array) : null;
  let packedFrom = -1;
  const one = (ai: number, bi: number, ci: number): void => {
    if (Bp === null) return dotBlock(g, ai, bi, ci, 0, m, 0, n);
    // A B broadcast over the batch (stride 0) is packed once.
    if (bi !== packedFrom) packB(g, bi, panels, Bp);
    packedFrom = bi;
    packedGemm(g, Bp, panels, ai, bi, ci);
  };
  eachMatrix(a, b, m * n, one);
  if (C !== out) out.set(C);
  return out;
}
