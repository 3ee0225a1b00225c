import type { TypedArray } from "@flambeau/tensor";
import type { View } from "@flambeau/tensor/internal";
import { MR, NR } from "../wasm/gemm-kernel.js";
import type { Wasm } from "../wasm/runtime.js";
import { packPanels, runGemm, type PanelPacking } from "../wasm/threads.js";
import { addressOf } from "../wasm/resident.js";
import { eachMatrix } from "./batches.js";

/**
 * float32 matmul on the WebAssembly SIMD kernel (../wasm/gemm-kernel.ts). Operands are read
 * through their strides while being packed into the kernel's panels, so a transposed operand
 * costs nothing extra; packing and copying C out are O(n^2) against the kernel's O(n^3). A
 * resident result (../wasm/resident.ts) whose rows and columns fill whole micro-tiles is written
 * where it lives: no scratch C to copy out. The kernel writes every element of C (it stores the
 * first block of k), so `out` need not be zero-filled, and the scratch C is not cleared either.
 */

/** `M[d..] = panels of MR rows of A(i, p) = A[a + i*sam + p*sak]`, zero rows past m. */
function packA(M: Float32Array, d: number, A: TypedArray, a: number, sam: number, sak: number, m: number, k: number): void {
  for (let i0 = 0; i0 < m; i0 += MR) {
    const rows = Math.min(MR, m - i0);
    if (rows === 4) {
      let s0 = a + i0 * sam;
      let s1 = s0 + sam;
      let s2 = s1 + sam;
      let s3 = s2 + sam;
      for (let p = 0; p < k; p++, d += 4, s0 += sak, s1 += sak, s2 += sak, s3 += sak) {
        M[d] = A[s0]!;
        M[d + 1] = A[s1]!;
        M[d + 2] = A[s2]!;
        M[d + 3] = A[s3]!;
      }
    } else {
      for (let p = 0; p < k; p++, d += MR)
        for (let r = 0; r < MR; r++) M[d + r] = r < rows ? A[a + (i0 + r) * sam + p * sak]! : 0;
    }
  }
}

/** `M[d..] = panels of NR columns of B(p, j) = B[b + p*sbk + j*sbn]`, zero columns past n. */
function packB(M: Float32Array, d: number, B: TypedArray, b: number, sbk: number, sbn: number, k: number, n: number): void {
  for (let j0 = 0; j0 < n; j0 += NR) {
    const cols = Math.min(NR, n - j0);
    if (cols === NR && sbn === 1) {
      for (let p = 0, s = b + j0; p < k; p++, d += NR, s += sbk) {
        M[d] = B[s]!; M[d + 1] = B[s + 1]!; M[d + 2] = B[s + 2]!; M[d + 3] = B[s + 3]!;
        M[d + 4] = B[s + 4]!; M[d + 5] = B[s + 5]!; M[d + 6] = B[s + 6]!; M[d + 7] = B[s + 7]!;
      }
    } else if (cols === NR) {
      // A transposed B (w.t() in a linear layer): eight columns, each read along its own run.
      for (let p = 0, s = b + j0 * sbn; p < k; p++, d += NR, s += sbk) {
        M[d] = B[s]!; M[d + 1] = B[s + sbn]!; M[d + 2] = B[s + 2 * sbn]!; M[d + 3] = B[s + 3 * sbn]!;
        M[d + 4] = B[s + 4 * sbn]!; M[d + 5] = B[s + 5 * sbn]!; M[d + 6] = B[s + 6 * sbn]!; M[d + 7] = B[s + 7 * sbn]!;
      }
    } else {
      for (let p = 0; p < k; p++, d += NR) {
        const s = b + p * sbk + j0 * sbn;
        for (let c = 0; c < NR; c++) M[d + c] = c < cols ? B[s + c * sbn]! : 0;
      }
    }
  }
}

/** Operands packed by the SIMD packing kernels so far (for tests: that they took that path). */
export let wasmPackedOperands = 0;

/**
 * How the SIMD packing kernels (../wasm/pack-kernel.ts) pack the full panels of an operand that
 * lives in WebAssembly memory, when its lines run along or across k (element stride 1): the
 * kernel, the byte address of line 0, the bytes between panels and the kernel's line or step
 * stride, and how many of its `lines` that covers (a multiple of `R`; the rest are left to
 * JavaScript). Null when none applies. `along`, `across`: the operand's element strides along
 * k and between lines.
 */
function wasmPacking(R: 4 | 8, X: TypedArray, x: number, across: number, along: number, lines: number): PanelPacking | null {
  const full = lines - (lines % R);
  const src = full === 0 ? -1 : addressOf(X, x);
  if (src < 0 || (along !== 1 && across !== 1)) return null;
  // pack_t: lines `across` apart, read 4 steps at a time; pack_n: steps `along` apart.
  const kernel = along === 1 ? (`pack_t${R}` as const) : (`pack_n${R}` as const);
  return { kernel, src, step: 4 * R * across, ld: 4 * (along === 1 ? across : along), panels: full / R };
}

/** Products run on this kernel so far (for tests: that a product really took this path). */
export let simdMatmuls = 0;

/** `a` `[...batch, m, k]` times `b` `[...batch, k, n]` (float32, k > 0) into `out` (any contents: all overwritten), on `w`. */
export function matmulWasm(w: Wasm, a: View, b: View, out: Float32Array): void {
  const nd = a.shape.length;
  const m = a.shape[nd - 2]!;
  const k = a.shape[nd - 1]!;
  const n = b.shape[nd - 1]!;
  const mp = Math.ceil(m / MR);
  const np = Math.ceil(n / NR);
  const nPad = np * NR;
  const aBytes = mp * MR * k * 4;
  const bBytes = np * NR * k * 4;
  // C straight into a resident `out` when no tile reaches past its rows or columns.
  const inPlace = mp * MR === m && nPad === n && addressOf(out, 0) >= 0;
  const cBytes = inPlace ? 0 : mp * MR * nPad * 4;
  const base = w.scratch(aBytes + bBytes + cBytes);
  const ap = base;
  const bp = ap + aBytes;
  const cp = bp + bBytes;
  const M = w.f32;
  const A = a.buffer as TypedArray;
  const B = b.buffer as TypedArray;
  const [sam, sak, sbk, sbn] = [a.strides[nd - 2]!, a.strides[nd - 1]!, b.strides[nd - 2]!, b.strides[nd - 1]!];
  let packedA = -1;
  let packedB = -1;
  const one = (ai: number, bi: number, ci: number): void => {
    // An operand broadcast over the batch (stride 0) is packed once.
    if (ai !== packedA) {
      const pa = wasmPacking(MR, A, ai, sam, sak, m);
      if (pa !== null) packPanels(w, pa, ap, MR, k, 0, pa.panels);
      const done = pa === null ? 0 : pa.panels * MR;
      if (done < m) packA(M, (ap >> 2) + done * k, A, ai + done * sam, sam, sak, m - done, k);
      if (pa !== null) wasmPackedOperands++;
    }
    // B's full panels, when the SIMD kernels can pack them, are packed by the thread that takes
    // them, just before it multiplies them (the threads share A's panels).
    let pb: PanelPacking | null = null;
    if (bi !== packedB) {
      pb = wasmPacking(NR, B, bi, sbn, sbk, n);
      const done = pb === null ? 0 : pb.panels * NR;
      if (done < n) packB(M, (bp >> 2) + done * k, B, bi + done * sbn, sbk, sbn, k, n - done);
      if (pb !== null) wasmPackedOperands++;
    }
    packedA = ai;
    packedB = bi;
    if (inPlace) {
      runGemm(w, ap, bp, addressOf(out, ci), k, n * 4, mp, np, pb);
      return;
    }
    const c = cp >> 2;
    runGemm(w, ap, bp, cp, k, nPad * 4, mp, np, pb);
    if (nPad === n) out.set(M.subarray(c, c + m * n), ci);
    else if (n >= 64) for (let i = 0; i < m; i++) out.set(M.subarray(c + i * nPad, c + i * nPad + n), ci + i * n);
    // Narrow rows: a loop costs less than a subarray and a set per row.
    else for (let i = 0, o = ci; i < m; i++) for (let j = 0, s = c + i * nPad; j < n; j++) out[o++] = M[s + j]!;
  };
  eachMatrix(a, b, m * n, one);
  simdMatmuls++;
}
