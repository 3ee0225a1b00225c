/**
 * WGSL shared by the kernels: how each dtype is stored, casts between them, and the strided
 * addressing of a view through per-dispatch metadata.
 *
 * Storage: float32 as `f32`, int32 as `i32`, bool as `u32` holding 0 or 1 (WGSL has no
 * byte-sized storage type; packing four bools per word would need atomics to write).
 */
import type { DType, Shape } from "@flambeau/tensor";

/** WGSL scalar types a kernel computes in; `bool` is WGSL's own `bool`. */
export type Scalar = "f32" | "i32" | "bool";

/** The WGSL element type of a dtype's storage. */
export function storageType(d: DType): "f32" | "i32" | "u32" {
  if (d === "float32") return "f32";
  if (d === "int32") return "i32";
  if (d === "bool") return "u32";
  throw new Error(`webgpu: dtype ${d} is not supported on WebGPU (it has no 64-bit floats); use float32, or the CPU device`);
}

/** The computation type a dtype's values are read as by default. */
export function computeType(d: DType): Scalar {
  return d === "float32" ? "f32" : d === "int32" ? "i32" : "bool";
}

/** `expr` (stored as `from`) converted to `to`. Non-zero, NaN included, is true. */
export function castTo(expr: string, from: Scalar | "u32", to: Scalar): string {
  if (from === to) return expr;
  if (to === "bool") return from === "f32" ? `nz(${expr})` : from === "bool" ? expr : `(${expr} != 0${from === "u32" ? "u" : ""})`;
  if (from === "bool") return `select(${to}(0), ${to}(1), ${expr})`;
  return `${to}(${expr})`;
}

/** `expr` of type `from` converted for storing into a buffer of dtype `to`. */
export function storeAs(expr: string, from: Scalar, to: DType): string {
  if (to === "bool") return `select(0u, 1u, ${castTo(expr, from, "bool")})`;
  return castTo(expr, from, computeType(to));
}

/** `expr` loaded from storage of dtype `d`, as type `to`. */
export function loadAs(expr: string, d: DType, to: Scalar): string {
  return castTo(expr, d === "bool" ? "u32" : computeType(d), to);
}

/** Helpers every kernel may use. NaN and infinity come from private variables: WGSL rejects them as constants. */
export const PRELUDE = /* wgsl */ `
var<private> NAN_BITS: u32 = 0x7fc00000u;
var<private> INF_BITS: u32 = 0x7f800000u;
fn nan() -> f32 { return bitcast<f32>(NAN_BITS); }
fn inf() -> f32 { return bitcast<f32>(INF_BITS); }
// Bit tests, because compilers may fold x != x away.
fn isnan_(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn nz(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) != 0u; }
`;

/**
 * Elementwise metadata: `[n, rank, shape[8], (offset, strides[8]) per view]`.
 */
export const MAX_RANK = 8;
export const VIEW_BASE = 2 + MAX_RANK;
export const VIEW_WORDS = 1 + MAX_RANK;

/** u32 words of metadata per dispatch: one 256-byte slot of the arena (encoder.ts). */
export const META_WORDS = 64;
/**
 * The metadata word holding where a kernel's contiguous output starts in the buffer bound for
 * it: tensors share slabs, which are bound whole (slab-pool.ts). Inputs need no such word:
 * their views' offsets in the metadata already count from the start of the buffer.
 */
export const OUT_BASE = META_WORDS - 1;

/** The metadata binding: group 1, so that group 0 depends only on the buffers bound. */
export const META = /* wgsl */ `
@group(1) @binding(0) var<storage, read> md: array<u32>;
fn ob() -> u32 { return md[${OUT_BASE}u]; }`;

export function stridedPrelude(views: number): string {
  // One decomposition of the index serves every view: the divisions, which dominate a
  // software GPU's elementwise kernels, are done once per dimension, not once per view.
  const V = [...Array(views).keys()];
  const T = views === 1 ? "i32" : `vec${views}<i32>`;
  const base = (v: number) => VIEW_BASE + v * VIEW_WORDS;
  const vec = (f: (v: number) => string) => (views === 1 ? f(0) : `${T}(${V.map(f).join(", ")})`);
  return /* wgsl */ `${META}
fn sv(w: u32) -> i32 { return bitcast<i32>(md[w]); }
// Where the row-major i-th element lives in each view.
fn offsets(i: u32) -> ${T} {
  var off = ${vec((v) => `sv(${base(v)}u)`)};
  // Contiguous and broadcast operands coalesce to one dimension: no division at all.
  if (md[1] == 1u) { return off + i32(i) * ${vec((v) => `sv(${base(v) + 1}u)`)}; }
  var rem = i;
  for (var d = i32(md[1]) - 1; d >= 0; d--) {
    let s = md[2u + u32(d)];
    let q = rem / s;
    let c = i32(rem - q * s);
    rem = q;
    off += c * ${vec((v) => `sv(${base(v) + 1}u + u32(d))`)};
  }
  return off;
}`;
}

/** The linear invocation index on the (possibly 2-D) grid the recorder dispatches. */
export function linearIndex(workgroup: number): string {
  return `gid.x + gid.y * nwg.x * ${workgroup}u`;
}
export const ENTRY_ARGS = "@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u";

/**
 * Merge dimensions that every view walks contiguously (and drop size-1 ones), so a contiguous
 * tensor of any rank is addressed as rank 1: less index arithmetic per element, and ranks
 * above 8 work whenever they coalesce.
 */
export function coalesce(shape: Shape, strides: readonly Shape[]): { shape: number[]; strides: number[][] } {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    const s = shape[d]!;
    if (s === 1) continue;
    const last = outShape.length - 1;
    if (last >= 0 && strides.every((st, v) => outStrides[v]![last] === st[d]! * s)) {
      outShape[last]! *= s;
      strides.forEach((st, v) => (outStrides[v]![last] = st[d]!));
    } else {
      outShape.push(s);
      strides.forEach((st, v) => outStrides[v]!.push(st[d]!));
    }
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * Elementwise metadata for views sharing `shape`, coalesced as `coalesce` does but straight
 * into the array (this runs for every elementwise op, and allocations showed in profiles).
 */
export function stridedMeta(shape: Shape, views: readonly { strides: Shape; offset: number }[]): number[] {
  const nv = views.length;
  const meta = new Array<number>(VIEW_BASE + nv * VIEW_WORDS).fill(0);
  let n = 1, rank = 0;
  for (let d = 0; d < shape.length; d++) {
    const s = shape[d]!;
    n *= s;
    if (s === 1) continue;
    // Merge into the last kept dimension when every view steps over it by this one's extent.
    let merge = rank > 0;
    for (let v = 0; merge && v < nv; v++) merge = meta[VIEW_BASE + v * VIEW_WORDS + rank] === views[v]!.strides[d]! * s;
    if (merge) meta[1 + rank]! *= s;
    else if (rank === MAX_RANK) throw new Error(`webgpu: tensors of more than ${MAX_RANK} non-mergeable dimensions are not supported`);
    else meta[2 + rank++] = s;
    for (let v = 0; v < nv; v++) meta[VIEW_BASE + v * VIEW_WORDS + rank] = views[v]!.strides[d]!;
  }
  meta[0] = n;
  meta[1] = rank;
  for (let v = 0; v < nv; v++) meta[VIEW_BASE + v * VIEW_WORDS] = views[v]!.offset;
  return meta;
}
