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
var<workgroup> As: array<vec4<${t}>, ${(tile * TK) / 4}>;
var<workgroup> Bs: array<vec4<${t}>, ${(TK * tile) / 4}>;
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
  // Each invocation owns rows 4*lid.y .. +3 and columns 4*lid.x .. +3 of the tile, in four
  // vec4 accumulators. Tiles hold vec4s: A's along k, B's along n.
  var c0 = vec4<${t}>(${zero});
  var c1 = c0; var c2 = c0; var c3 = c0;
  for (var k0 = 0u; k0 < K; k0 += ${TK}u) {
    for (var e = tid; e < ${(tile * TK) / 4}u; e += ${T * T}u) {
      let r = row0 + e / ${TK / 4}u;
      let c = k0 + (e % ${TK / 4}u) * 4u;
      var v = vec4<${t}>(${zero});
      if (r < M) {
        let p = aBase + i32(r) * sam + i32(c) * sak;
        if (c < K) { v.x = ${loadAs("A[p]", a, t)}; }
        if (c + 1u < K) { v.y = ${loadAs("A[p + sak]", a, t)}; }
        if (c + 2u < K) { v.z = ${loadAs("A[p + 2 * sak]", a, t)}; }
        if (c + 3u < K) { v.w = ${loadAs("A[p + 3 * sak]", a, t)}; }
      }
      As[e] = v;
    }
    for (var e = tid; e < ${(TK * tile) / 4}u; e += ${T * T}u) {
      let r = k0 + e / ${tile / 4}u;
      let c = col0 + (e % ${tile / 4}u) * 4u;
      var v = vec4<${t}>(${zero});
      if (r < K) {
        let p = bBase + i32(r) * sbk + i32(c) * sbn;
        if (c < N) { v.x = ${loadAs("B[p]", b, t)}; }
        if (c + 1u < N) { v.y = ${loadAs("B[p + sbn]", b, t)}; }
        if (c + 2u < N) { v.z = ${loadAs("B[p + 2 * sbn]", b, t)}; }
        if (c + 3u < N) { v.w = ${loadAs("B[p + 3 * sbn]", b, t)}; }
      }
      Bs[e] = v;
    }
    workgroupBarrier();
    // Four steps of k at a time: 8 vector loads feed 16 vector multiply-adds.
    let ar = lid.y * ${TK}u;
    for (var kq = 0u; kq < ${TK / 4}u; kq++) {
      let bi = kq * ${tile}u + lid.x;
      let b0 = Bs[bi];
      let b1 = Bs[bi + ${tile / 4}u];
      let b2 = Bs[bi + ${tile / 2}u];
      let b3 = Bs[bi + ${(3 * tile) / 4}u];
      let a0 = As[ar + kq];
      let a1 = As[ar + ${TK / 4}u + kq];
      let a2 = As[ar + ${TK / 2}u + kq];
      let a3 = As[ar + ${(3 * TK) / 4}u + kq];
      c0 += a0.x * b0 + a0.y * b1 + a0.z * b2 + a0.w * b3;
      c1 += a1.x * b0 + a1.y * b1 + a1.z * b2 + a1.w * b3;
      c2 += a2.x * b0 + a2.y * b1 + a2.z * b2 + a2.w * b3;
      c3 += a3.x * b0 + a3.y * b1 + a3.z * b2 + a3.w * b3;
    }
    workgroupBarrier();
  }
  let obase = wid.z * M * N;
  let cc = col0 + lid.x * 4u;
  let rows = array<vec4<${t}>, 4>(c0, c1, c2, c3);
  for (var i = 0u; i < 4u; i++) {
    let r = row0 + lid.y * 4u + i;
    if (r >= M) { break; }
    let v = rows[i];
    for (var j = 0u; j < 4u; j++) {
      if (cc + j < N) { O[obase + r * N + cc + j] = ${storeAs("v[j]", t, out)}; }
    }
  }
}`,
  };
}

