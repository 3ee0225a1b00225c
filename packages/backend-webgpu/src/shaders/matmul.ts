/**
 * Batched matrix product, tiled: a workgroup computes a TILE x TILE block of C. Per step of
 * TK along k it stages an A tile and a B tile in workgroup memory (each element read from
 * global memory once per workgroup instead of once per output), and every invocation then
 * accumulates a 4x4 block of C in registers from those tiles.
 *
 * Metadata: `[m, k, n, batchRank, aOffset, bOffset, sam, sak, sbk, sbn, batchShape[6],
 * aBatchStrides[6], bBatchStrides[6]]`; operands may be any strided views (transposes
 * included), and the batch index is the grid's z.
 */
import type { DType } from "@flambeau/tensor";
import { loadAs, storageType, storeAs } from "../wgsl.js";

export const MAX_BATCH_RANK = 6;
const TK = 16;

/** Tile edge for a product with an m x n result: large tiles only pay off on large outputs. */
export function tileFor(m: number, n: number): 32 | 64 {
  return m >= 128 && n >= 128 ? 64 : 32;
}

export function matmulKernel(a: DType, b: DType, out: DType, tile: 32 | 64): { key: string; source: () => string } {
  const t = out === "float32" ? "f32" : "i32";
  const T = tile / 4; // invocations per side
  const zero = t === "f32" ? "0.0" : "0";
  const B0 = 10, BA = B0 + MAX_BATCH_RANK, BB = BA + MAX_BATCH_RANK;
  return {
    key: `matmul:${a}:${b}:${out}:${tile}`,
    source: () => /* wgsl */ `
@group(0) @binding(0) var<storage, read> A: array<${storageType(a)}>;
@group(0) @binding(1) var<storage, read> B: array<${storageType(b)}>;
@group(0) @binding(2) var<storage, read_write> O: array<${storageType(out)}>;
@group(0) @binding(3) var<storage, read> md: array<u32>;
var<workgroup> As: array<${t}, ${tile * TK}>;
var<workgroup> Bs: array<${t}, ${TK * tile}>;
fn si(i: u32) -> i32 { return bitcast<i32>(md[i]); }
@compute @workgroup_size(${T}, ${T}) fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let M = md[0]; let K = md[1]; let N = md[2];
  var aBase = si(4u);
  var bBase = si(5u);
  var rem = wid.z;
  for (var d = i32(md[3]) - 1; d >= 0; d--) {
    let s = md[${B0}u + u32(d)];
    let c = i32(rem % s);
    rem = rem / s;
    aBase += c * si(${BA}u + u32(d));
    bBase += c * si(${BB}u + u32(d));
  }
  let sam = si(6u); let sak = si(7u); let sbk = si(8u); let sbn = si(9u);
  let row0 = wid.y * ${tile}u;
  let col0 = wid.x * ${tile}u;
  let tid = lid.y * ${T}u + lid.x;
  var acc: array<${t}, 16>;
  for (var q = 0u; q < 16u; q++) { acc[q] = ${zero}; }
  for (var k0 = 0u; k0 < K; k0 += ${TK}u) {
    for (var e = tid; e < ${tile * TK}u; e += ${T * T}u) {
      let r = row0 + e / ${TK}u;
      let c = k0 + e % ${TK}u;
      var v = ${zero};
      if (r < M && c < K) { v = ${loadAs("A[aBase + i32(r) * sam + i32(c) * sak]", a, t)}; }
      As[e] = v;
    }
    for (var e = tid; e < ${TK * tile}u; e += ${T * T}u) {
      let r = k0 + e / ${tile}u;
      let c = col0 + e % ${tile}u;
      var v = ${zero};
      if (r < K && c < N) { v = ${loadAs("B[bBase + i32(r) * sbk + i32(c) * sbn]", b, t)}; }
      Bs[e] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < ${TK}u; kk++) {
      let a0 = As[(lid.y * 4u) * ${TK}u + kk];
      let a1 = As[(lid.y * 4u + 1u) * ${TK}u + kk];
      let a2 = As[(lid.y * 4u + 2u) * ${TK}u + kk];
      let a3 = As[(lid.y * 4u + 3u) * ${TK}u + kk];
      let bi = kk * ${tile}u + lid.x * 4u;
      let b0 = Bs[bi]; let b1 = Bs[bi + 1u]; let b2 = Bs[bi + 2u]; let b3 = Bs[bi + 3u];
      acc[0] += a0 * b0; acc[1] += a0 * b1; acc[2] += a0 * b2; acc[3] += a0 * b3;
      acc[4] += a1 * b0; acc[5] += a1 * b1; acc[6] += a1 * b2; acc[7] += a1 * b3;
      acc[8] += a2 * b0; acc[9] += a2 * b1; acc[10] += a2 * b2; acc[11] += a2 * b3;
      acc[12] += a3 * b0; acc[13] += a3 * b1; acc[14] += a3 * b2; acc[15] += a3 * b3;
    }
    workgroupBarrier();
  }
  let obase = wid.z * M * N;
  for (var i = 0u; i < 4u; i++) {
    let r = row0 + lid.y * 4u + i;
    for (var j = 0u; j < 4u; j++) {
      let c = col0 + lid.x * 4u + j;
      if (r < M && c < N) { O[obase + r * N + c] = ${storeAs("acc[i * 4u + j]", t, out)}; }
    }
  }
}`,
  };
}

