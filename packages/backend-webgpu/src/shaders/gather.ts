/**
 * `gather` and `scatterAdd` along `dim`. Out-of-range indices are reported through the status
 * buffer (errors.ts) and read as 0, so a bad index never reads or writes outside a buffer.
 *
 * gather metadata: `[n, rank, dim, extent, xOffset, iOffset, along, shape[8], iStrides[8], xStrides[8], site]`
 * (`xStrides[dim]` is 0: the index supplies that coordinate, times `along`; `site` numbers the
 * user's call for the fault, errors.ts).
 *
 * scatterAdd metadata: `[outN, rank, dim, extent, iOffset, sOffset, k, shape[8], iShape[8],
 * iStrides[8], sStrides[8], site]`. One invocation per output element sums, in index order, the
 * sources whose index selects it: deterministic, no float atomics (WGSL has none), and the
 * same summation order as the CPU backend.
 */
import type { DType, Shape } from "@flambeau/tensor";
import { numel, type View } from "@flambeau/tensor/internal";
import { faultPrelude, Fault } from "../errors.js";
import { ENTRY_ARGS, MAX_RANK, META, PRELUDE, computeType, linearIndex, loadAs, storageType, storeAs } from "../wgsl.js";

export const WORKGROUP = 256;
const R = MAX_RANK;
const GATHER_SITE = 7 + 3 * R;
const SCATTER_SITE = 7 + 4 * R;

export function gatherKernel(x: DType, out: DType): { key: string; source: () => string } {
  const t = computeType(x);
  return {
    key: `gather:${x}:${out}`,
    source: () => /* wgsl */ `
${PRELUDE}
@group(0) @binding(0) var<storage, read> X: array<${storageType(x)}>;
@group(0) @binding(1) var<storage, read> I: array<i32>;
@group(0) @binding(2) var<storage, read_write> O: array<${storageType(out)}>;
${faultPrelude(3)}
${META}
@compute @workgroup_size(${WORKGROUP}) fn main(${ENTRY_ARGS}) {
  let i = ${linearIndex(WORKGROUP)};
  if (i >= md[0]) { return; }
  var rem = i;
  var io = bitcast<i32>(md[5]);
  var xo = bitcast<i32>(md[4]);
  for (var d = i32(md[1]) - 1; d >= 0; d--) {
    let s = md[7u + u32(d)];
    let c = i32(rem % s);
    rem = rem / s;
    io += c * bitcast<i32>(md[${7 + R}u + u32(d)]);
    xo += c * bitcast<i32>(md[${7 + 2 * R}u + u32(d)]);
  }
  let j = I[io];
  if (j < 0 || j >= i32(md[3])) {
    fault(${Fault.GatherIndex}u, j, md[2] | (md[${GATHER_SITE}u] << 8u), md[3]);
    O[ob() + i] = ${storeAs(t === "f32" ? "0.0" : t === "i32" ? "0" : "false", t, out)};
    return;
  }
  O[ob() + i] = ${storeAs(loadAs("X[xo + j * bitcast<i32>(md[6])]", x, t), t, out)};
}`,
  };
}

export function scatterAddKernel(src: DType, out: DType): { key: string; source: () => string } {
  const t = out === "float32" ? "f32" : "i32";
  return {
    key: `scatter_add:${src}:${out}`,
    source: () => /* wgsl */ `
${PRELUDE}
@group(0) @binding(0) var<storage, read> I: array<i32>;
@group(0) @binding(1) var<storage, read> S: array<${storageType(src)}>;
@group(0) @binding(2) var<storage, read_write> O: array<${storageType(out)}>;
${faultPrelude(3)}
${META}
@compute @workgroup_size(${WORKGROUP}) fn main(${ENTRY_ARGS}) {
  let o = ${linearIndex(WORKGROUP)};
  if (o >= md[0]) { return; }
  let dim = md[2];
  var rem = o;
  var io = bitcast<i32>(md[4]);
  var so = bitcast<i32>(md[5]);
  var want = 0;
  var covered = true;
  for (var d = i32(md[1]) - 1; d >= 0; d--) {
    let s = md[7u + u32(d)];
    let c = rem % s;
    rem = rem / s;
    if (u32(d) == dim) { want = i32(c); continue; }
    if (c >= md[${7 + R}u + u32(d)]) { covered = false; }
    io += i32(c) * bitcast<i32>(md[${7 + 2 * R}u + u32(d)]);
    so += i32(c) * bitcast<i32>(md[${7 + 3 * R}u + u32(d)]);
  }
  var acc: ${t} = ${t}(0);
  if (covered) {
    let iStep = bitcast<i32>(md[${7 + 2 * R}u + dim]);
    let sStep = bitcast<i32>(md[${7 + 3 * R}u + dim]);
    let extent = i32(md[3]);
    for (var k = 0; k < i32(md[6]); k++) {
      let j = I[io + k * iStep];
      if (j == want) { acc += ${loadAs("S[so + k * sStep]", src, t)}; }
      if (want == 0 && (j < 0 || j >= extent)) { fault(${Fault.ScatterIndex}u, j, dim | (md[${SCATTER_SITE}u] << 8u), md[3]); }
    }
  }
  O[ob() + o] = ${storeAs("acc", t, out)};
}`,
  };
}

/** gather's metadata (a 0-d `x` has one line of one element). */
export function gatherMeta(x: View, dim: number, index: View, site = 0): number[] {
  const scalar = x.shape.length === 0;
  const rank = Math.max(index.shape.length, 1);
  if (rank > R) throw new Error(`webgpu: gather supports at most ${R} dimensions`);
  const meta = new Array<number>(GATHER_SITE + 1).fill(0);
  meta[GATHER_SITE] = site;
  meta.splice(0, 7, numel(index.shape), rank, dim, scalar ? 1 : x.shape[dim]!, x.offset, index.offset, scalar ? 0 : x.strides[dim]!);
  meta[7] = 1;
  for (let d = 0; d < index.shape.length; d++) {
    meta[7 + d] = index.shape[d]!;
    meta[7 + R + d] = index.strides[d]!;
    meta[7 + 2 * R + d] = d === dim || scalar ? 0 : x.strides[d]!;
  }
  return meta;
}

/** scatterAdd's metadata for an output of `shape`. */
export function scatterAddMeta(shape: Shape, dim: number, index: View, src: View, site = 0): number[] {
  const rank = Math.max(shape.length, 1);
  if (rank > R) throw new Error(`webgpu: scatter_add supports at most ${R} dimensions`);
  const meta = new Array<number>(SCATTER_SITE + 1).fill(0);
  meta[SCATTER_SITE] = site;
  const k = index.shape.length === 0 ? 1 : index.shape[dim]!;
  meta.splice(0, 7, numel(shape), rank, dim, shape.length === 0 ? 1 : shape[dim]!, index.offset, src.offset, k);
  for (let d = 0; d < rank; d++) {
    meta[7 + d] = shape[d] ?? 1;
    meta[7 + R + d] = index.shape[d] ?? 1;
    meta[7 + 2 * R + d] = index.strides[d] ?? 0;
    meta[7 + 3 * R + d] = src.strides[d] ?? 0;
  }
  return meta;
}
