/** `where(cond, a, b)`: all three read through their strides; the result is stored as `out`. */
import type { DType } from "@flambeau/tensor";
import { ENTRY_ARGS, PRELUDE, computeType, linearIndex, loadAs, storageType, storeAs, stridedPrelude } from "../wgsl.js";

export const WORKGROUP = 256;

export function whereKernel(c: DType, a: DType, b: DType, out: DType): { key: string; source: () => string } {
  const t = computeType(out);
  return {
    key: `where:${c}:${a}:${b}:${out}`,
    source: () => /* wgsl */ `
${PRELUDE}
@group(0) @binding(0) var<storage, read> C: array<${storageType(c)}>;
@group(0) @binding(1) var<storage, read> A: array<${storageType(a)}>;
@group(0) @binding(2) var<storage, read> B: array<${storageType(b)}>;
@group(0) @binding(3) var<storage, read_write> O: array<${storageType(out)}>;
${stridedPrelude(3)}
@compute @workgroup_size(${WORKGROUP}) fn main(${ENTRY_ARGS}) {
  let i = ${linearIndex(WORKGROUP)};
  if (i >= md[0]) { return; }
  let o = offsets(i);
  if (${loadAs("C[o.x]", c, "bool")}) {
    O[ob() + i] = ${storeAs(loadAs("A[o.y]", a, t), t, out)};
  } else {
    O[ob() + i] = ${storeAs(loadAs("B[o.z]", b, t), t, out)};
  }
}`,
  };
}
