/**
 * Batched matrix product, tiled: a workgroup computes a block of C. Per step of TK along k it
 * stages an A tile and a B tile in workgroup memory (each element read from global memory once
 * per workgroup instead of once per output), and every invocation then accumulates an RPT x 4
 * block of C in vec4 registers from those tiles.
 *
 * Metadata: `[m, k, n, batchRank, aOffset, bOffset, sam, sak, sbk, sbn, batchShape[6],
 * aBatchStrides[6], bBatchStrides[6]]`; operands may be any strided views (transposes
 * included), and the batch index is the grid's z.
 */
import type { DType } from "@flambeau/tensor";
import type { View } from "@flambeau/tensor/internal";
import { META, coalesce, loadAs, storageType, storeAs } from "../wgsl.js";

export const MAX_BATCH_RANK = 6;
const TK = 16;

/** A workgroup's shape: `tx * ty` invocations, each computing `rpt` rows x 4 columns of C. */
export interface Tiling {
  tx: number;
  ty: number;
  rpt: number;
}

const LARGE: Tiling = { tx: 16, ty: 8, rpt: 8 };
const SMALL: Tiling = { tx: 8, ty: 8, rpt: 4 };

/** Large tiles (64 x 64, 8 rows per invocation) pay off only on large outputs. Constants: kernels are memoized on them. */
export function tileFor(m: number, n: number): Tiling {
  return m >= 128 && n >= 128 ? LARGE : SMALL;
}

export function matmulKernel(a: DType, b: DType, out: DType, tiling: Tiling): { key: string; source: () => string } {
  const t = out === "float32" ? "f32" : "i32";
  const { tx, ty, rpt } = tiling;
  const rows = ty * rpt, cols = tx * 4, threads = tx * ty;
  const zero = t === "f32" ? "0.0" : "0";
  const B0 = 10, BA = B0 + MAX_BATCH_RANK, BB = BA + MAX_BATCH_RANK;
  const R = [...Array(rpt).keys()];
  const Q = TK / 4;
  return {
    key: `matmul:${a}:${b}:${out}:${tx}x${ty}x${rpt}`,
    source: () => /* wgsl */ `
@group(0) @binding(0) var<storage, read> A: array<${storageType(a)}>;
@group(0) @binding(1) var<storage, read> B: array<${storageType(b)}>;
@group(0) @binding(2) var<storage, read_write> O: array<${storageType(out)}>;
${META}
var<workgroup> As: array<vec4<${t}>, ${rows * Q}>;
var<workgroup> Bs: array<vec4<${t}>, ${TK * tx}>;
fn si(i: u32) -> i32 { return bitcast<i32>(md[i]); }
@compute @workgroup_size(${tx}, ${ty}) fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
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
  let row0 = wid.y * ${rows}u;
  let col0 = wid.x * ${cols}u;
  let tid = lid.y * ${tx}u + lid.x;
  // Rows rpt*lid.y .. +rpt-1 and columns 4*lid.x .. +3 of the tile, in rpt vec4 accumulators.
  // Tiles hold vec4s: A's along k, B's along n.
  ${R.map((r) => `var c${r} = vec4<${t}>(${zero});`).join(" ")}
  for (var k0 = 0u; k0 < K; k0 += ${TK}u) {
    for (var e = tid; e < ${rows * Q}u; e += ${threads}u) {
      let r = row0 + e / ${Q}u;
      let c = k0 + (e % ${Q}u) * 4u;
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
    for (var e = tid; e < ${TK * tx}u; e += ${threads}u) {
      let r = k0 + e / ${tx}u;
      let c = col0 + (e % ${tx}u) * 4u;
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
    // Four steps of k at a time: rpt + 4 vector loads feed 4 * rpt vector multiply-adds.
    let ar = lid.y * ${rpt * Q}u;
    for (var kq = 0u; kq < ${Q}u; kq++) {
      let bi = kq * ${4 * tx}u + lid.x;
      let b0 = Bs[bi];
      let b1 = Bs[bi + ${tx}u];
      let b2 = Bs[bi + ${2 * tx}u];
      let b3 = Bs[bi + ${3 * tx}u];
      ${R.map((r) => `let a${r} = As[ar + ${r * Q}u + kq]; c${r} += a${r}.x * b0 + a${r}.y * b1 + a${r}.z * b2 + a${r}.w * b3;`).join("\n      ")}
    }
    workgroupBarrier();
  }
  let obase = ob() + wid.z * M * N;
  let cc = col0 + lid.x * 4u;
  let rbase = row0 + lid.y * ${rpt}u;
  ${R.map(
    (r) => `if (rbase + ${r}u < M) { let v = c${r}; let o = obase + (rbase + ${r}u) * N + cc; for (var j = 0u; j < 4u; j++) { if (cc + j < N) { O[o + j] = ${storeAs("v[j]", t, out)}; } } }`,
  ).join("\n  ")}
}`,
  };
}

/** The metadata of `a @ b` (`[...batch, m, k] @ [...batch, k, n]`, batch broadcast by 0 strides). */
export function matmulMeta(a: View, b: View): number[] {
  const nd = a.shape.length;
  const c = coalesce(a.shape.slice(0, nd - 2), [a.strides.slice(0, nd - 2), b.strides.slice(0, nd - 2)]);
  if (c.shape.length > MAX_BATCH_RANK) throw new Error(`webgpu: matmul supports at most ${MAX_BATCH_RANK} batch dimensions`);
  const meta = new Array<number>(10 + 3 * MAX_BATCH_RANK).fill(0);
  meta.splice(0, 10, a.shape[nd - 2]!, a.shape[nd - 1]!, b.shape[nd - 1]!, c.shape.length, a.offset, b.offset);
  meta.splice(6, 4, a.strides[nd - 2]!, a.strides[nd - 1]!, b.strides[nd - 2]!, b.strides[nd - 1]!);
  c.shape.forEach((s, d) => {
    meta[10 + d] = s;
    meta[10 + MAX_BATCH_RANK + d] = c.strides[0]![d]!;
    meta[10 + 2 * MAX_BATCH_RANK + d] = c.strides[1]![d]!;
  });
  return meta;
}
