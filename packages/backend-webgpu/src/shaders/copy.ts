/**
 * `copy` (a contiguous, cast copy of a view) and `assign` (a view written into a strided
 * window of another buffer). Both walk the shape once; view 0 is the destination.
 */
import type { DType } from "@flambeau/tensor";
import { ENTRY_ARGS, PRELUDE, computeType, linearIndex, loadAs, storageType, storeAs, stridedPrelude } from "../wgsl.js";

export const WORKGROUP = 256;

export function copyKernel(src: DType, dst: DType): { key: string; source: () => string } {
  const t = computeType(src);
  return {
    key: `copy:${src}:${dst}`,
    source: () => /* wgsl */ `
${PRELUDE}
@group(0) @binding(0) var<storage, read> S: array<${storageType(src)}>;
@group(0) @binding(1) var<storage, read_write> D: array<${storageType(dst)}>;
${stridedPrelude(2, 2)}
@compute @workgroup_size(${WORKGROUP}) fn main(${ENTRY_ARGS}) {
  let i = ${linearIndex(WORKGROUP)};
  if (i >= md[0]) { return; }
  let o = offsets(i);
  D[o.x] = ${storeAs(loadAs("S[o.y]", src, t), t, dst)};
}`,
  };
}

/** A buffer of `n` copies of one value, given as its 32-bit pattern in the metadata. */
export function fillKernel(): { key: string; source: () => string } {
  return {
    key: "fill",
    source: () => /* wgsl */ `
@group(0) @binding(0) var<storage, read_write> D: array<u32>;
@group(0) @binding(1) var<storage, read> md: array<u32>;
@compute @workgroup_size(${WORKGROUP}) fn main(${ENTRY_ARGS}) {
  let i = ${linearIndex(WORKGROUP)};
  if (i >= md[0]) { return; }
  D[i] = md[1];
}`,
  };
}
