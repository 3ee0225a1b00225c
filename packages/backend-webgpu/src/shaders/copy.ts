/**
 * `copy` (a contiguous, cast copy of a view) and `assign` (a view written into a strided
 * window of another buffer). Both walk the shape once; view 0 is the destination.
 */
import type { DType } from "@flambeau/tensor";
import { ENTRY_ARGS, META, PRELUDE, computeType, linearIndex, loadAs, storageType, storeAs, stridedPrelude } from "../wgsl.js";

export const WORKGROUP = 256;

/**
 * `sameBuffer`: the source is another block of the destination's slab. A dispatch may not bind
 * one buffer both for reading and for writing, nor twice writable, so the kernel then binds it
 * once and reads the source's words from it (every dtype is a 32-bit word).
 */
export function copyKernel(src: DType, dst: DType, sameBuffer: boolean): { key: string; source: () => string } {
  const t = computeType(src);
  const read = sameBuffer ? `bitcast<${storageType(src)}>(D[o.y])` : "S[o.y]";
  return {
    key: `copy:${src}:${dst}${sameBuffer ? ":same" : ""}`,
    source: () => /* wgsl */ `
${PRELUDE}
${sameBuffer ? "" : `@group(0) @binding(0) var<storage, read> S: array<${storageType(src)}>;`}
@group(0) @binding(${sameBuffer ? 0 : 1}) var<storage, read_write> D: array<${storageType(dst)}>;
${stridedPrelude(2)}
@compute @workgroup_size(${WORKGROUP}) fn main(${ENTRY_ARGS}) {
  let i = ${linearIndex(WORKGROUP)};
  if (i >= md[0]) { return; }
  let o = offsets(i);
  D[o.x] = ${storeAs(loadAs(read, src, t), t, dst)};
}`,
  };
}

/** A buffer of `n` copies of one value, given as its 32-bit pattern in the metadata. */
export function fillKernel(): { key: string; source: () => string } {
  return {
    key: "fill",
    source: () => /* wgsl */ `
@group(0) @binding(0) var<storage, read_write> D: array<u32>;
${META}
@compute @workgroup_size(${WORKGROUP}) fn main(${ENTRY_ARGS}) {
  let i = ${linearIndex(WORKGROUP)};
  if (i >= md[0]) { return; }
  D[ob() + i] = md[1];
}`,
  };
}
