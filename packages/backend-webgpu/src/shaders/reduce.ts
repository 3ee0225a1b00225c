/**
 * Reductions over any set of axes of a strided view. Each output element is either folded by
 * one invocation (few elements each, or many outputs) or by a workgroup that strides over its
 * elements and then tree-reduces the partial results in shared memory (few outputs of many
 * elements each).
 *
 * Metadata: `[outN, redN, keptRank, redRank, xOffset, keptShape[8], keptStrides[8],
 * redShape[8], redStrides[8]]`.
 */
import type { DType } from "@flambeau/tensor";
import { numel, type ReduceOp, type View } from "@flambeau/tensor/internal";
import {
  ENTRY_ARGS, MAX_RANK, META, PRELUDE, coalesce, computeType, linearIndex, loadAs, storageType, storeAs, type Scalar,
} from "../wgsl.js";
import { BINARY, wgslFunctions } from "@flambeau/scalar-math";
import { Fault, faultPrelude } from "../errors.js";

/** Whether a reduction checks for int32 overflow, and so binds the status buffer. */
export function reduceFaults(op: ReduceOp, out: DType): boolean {
  return (op === "sum" || op === "prod") && out === "int32";
}

// An int32 sum or product that wraps reports a fault (read back as an error at the next read,
// docs/design.md, "Whole numbers and dtypes") instead of a wrapped value.
function checkedIntOps(): string {
  return /* wgsl */ `
fn add_checked(a: i32, b: i32) -> i32 {
  let s = a + b;
  if ((a >= 0) == (b >= 0) && (s >= 0) != (a >= 0)) { fault(${Fault.IntOverflow}u, 0, 0u, 0u); }
  return s;
}
fn mul_checked(a: i32, b: i32) -> i32 {
  let p = a * b;
  if (a != 0 && (p / a != b || (a == -1 && b == (-2147483647 - 1)))) { fault(${Fault.IntOverflow}u, 0, 1u, 0u); }
  return p;
}`;
}

export const TREE = 128;
export const SEQ = 64;
/** Below this many elements per output, one invocation folds them alone. */
export const TREE_MIN = 64;
/** From this many outputs on, there is parallelism enough with one invocation per output. */
export const TREE_MAX_OUTPUTS = 256;

const R = 8;
export const REDUCE_META = { kept: 5, keptStrides: 5 + R, red: 5 + 2 * R, redStrides: 5 + 3 * R, words: 5 + 4 * R };

interface Fold {
  type: Scalar;
  identity: string;
  combine: string; // of `a` and `b`
}

function fold(op: ReduceOp, x: DType, out: DType): Fold {
  const acc: Scalar = op === "sum" || op === "prod" ? (out === "float32" ? "f32" : "i32") : x === "float32" ? "f32" : "i32";
  const f = acc === "f32";
  switch (op) {
    case "sum":
      return { type: acc, identity: f ? "0.0" : "0", combine: "a + b" };
    case "prod":
      return { type: acc, identity: f ? "1.0" : "1", combine: "a * b" };
    case "max":
    case "argmax":
      return { type: acc, identity: f ? "-inf()" : "(-2147483647 - 1)", combine: f ? "m_maximum(a, b)" : "max(a, b)" };
    case "min":
    case "argmin":
      return { type: acc, identity: f ? "inf()" : "2147483647", combine: f ? "m_minimum(a, b)" : "min(a, b)" };
    case "any":
      return { type: "bool", identity: "false", combine: "a || b" };
    case "all":
      return { type: "bool", identity: "true", combine: "a && b" };
  }
}

/** WGSL: `better(a, ia, b, ib)`: whether (b, ib) beats (a, ia) for argmax/argmin (first NaN, then first index). */
function argBetter(op: ReduceOp, t: Scalar): string {
  const gt = op === "argmax" ? ">" : "<";
  const nanA = t === "f32" ? "isnan_(a)" : "false";
  const nanB = t === "f32" ? "isnan_(b)" : "false";
  return /* wgsl */ `
fn better(a: ${t}, ia: i32, b: ${t}, ib: i32) -> bool {
  let na = ${nanA};
  let nb = ${nanB};
  if (na || nb) { return nb && (!na || ib < ia); }
  return b ${gt} a || (b == a && ib < ia);
}`;
}

export function reduceKernel(op: ReduceOp, x: DType, out: DType, tree: boolean): { key: string; source: () => string } {
  const f = fold(op, x, out);
  const checked = reduceFaults(op, out);
  if (checked) f.combine = op === "sum" ? "add_checked(a, b)" : "mul_checked(a, b)";
  const arg = op === "argmax" || op === "argmin";
  const wg = tree ? TREE : SEQ;
  const load = (r: string) => loadAs(`X[base + redOffset(${r})]`, x, f.type);
  const step = arg
    ? `{ let v = ${load("r")}; if (better(acc, accI, v, i32(r))) { acc = v; accI = i32(r); } }`
    : `{ let b = ${load("r")}; let a = acc; acc = ${f.combine}; }`;
  const result = arg ? "accI" : "acc";
  const resultType: Scalar = arg ? "i32" : f.type;
  const body = tree
    ? /* wgsl */ `
  let o = wid.x + wid.y * nwg.x;
  if (o >= md[0]) { return; }
  let base = bitcast<i32>(md[4]) + keptOffset(o);
  var acc: ${f.type} = ${f.identity};
  var accI: i32 = 0;
  for (var r = lid.x; r < md[1]; r += ${TREE}u) ${step}
  sv[lid.x] = acc;
  si[lid.x] = accI;
  workgroupBarrier();
  for (var s = ${TREE / 2}u; s > 0u; s = s >> 1u) {
    if (lid.x < s) {
      ${
        arg
          ? `if (better(sv[lid.x], si[lid.x], sv[lid.x + s], si[lid.x + s])) { sv[lid.x] = sv[lid.x + s]; si[lid.x] = si[lid.x + s]; }`
          : `let a = sv[lid.x]; let b = sv[lid.x + s]; sv[lid.x] = ${f.combine};`
      }
    }
    workgroupBarrier();
  }
  if (lid.x == 0u) { acc = sv[0]; accI = si[0]; O[ob() + o] = ${storeAs(result, resultType, out)}; }`
    : /* wgsl */ `
  let o = ${linearIndex(SEQ)};
  if (o >= md[0]) { return; }
  let base = bitcast<i32>(md[4]) + keptOffset(o);
  var acc: ${f.type} = ${f.identity};
  var accI: i32 = 0;
  for (var r = 0u; r < md[1]; r++) ${step}
  O[ob() + o] = ${storeAs(result, resultType, out)};`;
  const M = REDUCE_META;
  return {
    key: `reduce:${op}:${x}:${out}:${tree ? "tree" : "seq"}`,
    source: () => /* wgsl */ `
${PRELUDE}
${f.type === "f32" ? wgslFunctions([BINARY.maximum, BINARY.minimum]) : ""}
@group(0) @binding(0) var<storage, read> X: array<${storageType(x)}>;
@group(0) @binding(1) var<storage, read_write> O: array<${storageType(out)}>;
${META}
${checked ? faultPrelude(2) + checkedIntOps() : ""}
${tree ? `var<workgroup> sv: array<${f.type}, ${TREE}>;\nvar<workgroup> si: array<i32, ${TREE}>;` : ""}
${arg ? argBetter(op, f.type) : ""}
fn walk(i: u32, rank: u32, shape: u32, strides: u32) -> i32 {
  if (rank == 1u) { return i32(i) * bitcast<i32>(md[strides]); }
  var off = 0;
  var rem = i;
  for (var d = i32(rank) - 1; d >= 0; d--) {
    let s = md[shape + u32(d)];
    let q = rem / s;
    off += i32(rem - q * s) * bitcast<i32>(md[strides + u32(d)]);
    rem = q;
  }
  return off;
}
fn keptOffset(o: u32) -> i32 { return walk(o, md[2], ${M.kept}u, ${M.keptStrides}u); }
fn redOffset(r: u32) -> i32 { return walk(r, md[3], ${M.red}u, ${M.redStrides}u); }
@compute @workgroup_size(${wg}) fn main(${ENTRY_ARGS}, @builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {${body}
}`,
  };
}

/** How a reduction of `x` over `axes` splits: output and reduced sizes, and the metadata. */
export function reducePlan(x: View, axes: readonly number[]): { outN: number; redN: number; meta: number[] } {
  const keptShape: number[] = [], keptStrides: number[] = [], redShape: number[] = [], redStrides: number[] = [];
  x.shape.forEach((s, d) => {
    if (axes.includes(d)) {
      redShape.push(s);
      redStrides.push(x.strides[d]!);
    } else {
      keptShape.push(s);
      keptStrides.push(x.strides[d]!);
    }
  });
  const outN = numel(keptShape), redN = numel(redShape);
  const kept = coalesce(keptShape, [keptStrides]);
  const red = coalesce(redShape, [redStrides]);
  if (kept.shape.length > MAX_RANK || red.shape.length > MAX_RANK) throw new Error(`webgpu: reduce supports at most ${MAX_RANK} non-mergeable dimensions`);
  const M = REDUCE_META;
  const meta = new Array<number>(M.words).fill(0);
  meta.splice(0, 5, outN, redN, kept.shape.length, red.shape.length, x.offset);
  kept.shape.forEach((s, d) => ((meta[M.kept + d] = s), (meta[M.keptStrides + d] = kept.strides[0]![d]!)));
  red.shape.forEach((s, d) => ((meta[M.red + d] = s), (meta[M.redStrides + d] = red.strides[0]![d]!)));
  return { outN, redN, meta };
}
