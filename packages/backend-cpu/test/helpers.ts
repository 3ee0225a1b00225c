import type { DType, TypedArray } from "@flambeau/tensor";
import { ARRAY_TYPE, contiguousStrides, type View } from "@flambeau/tensor/internal";
import { CpuBackend } from "../src/cpu-backend.js";

/** A fresh instance of the backend under test. */
export const cpu = new CpuBackend();

/** A view over `values` stored as `dtype`; contiguous unless strides/offset are given. */
export function view(
  values: ArrayLike<number> | TypedArray,
  shape: readonly number[],
  opts: { dtype?: DType; strides?: readonly number[]; offset?: number } = {},
): View {
  const dtype = opts.dtype ?? "float32";
  const buffer = ArrayBuffer.isView(values) ? values : ARRAY_TYPE[dtype].from(values as ArrayLike<number>);
  return { buffer, dtype, shape, strides: opts.strides ?? contiguousStrides(shape), offset: opts.offset ?? 0 };
}

/** The transpose of a 2-d view, as a strided view over the same buffer. */
export function transposed(v: View): View {
  return { ...v, shape: [v.shape[1]!, v.shape[0]!], strides: [v.strides[1]!, v.strides[0]!] };
}

/** The buffer offset of every element of a strided view, in row-major order (naively). */
export function offsets(shape: readonly number[], strides: readonly number[], offset: number): number[] {
  const out: number[] = [];
  const n = shape.reduce((a, b) => a * b, 1);
  for (let flat = 0; flat < n; flat++) {
    let rem = flat;
    let off = offset;
    for (let d = shape.length - 1; d >= 0; d--) {
      off += (rem % shape[d]!) * strides[d]!;
      rem = Math.floor(rem / shape[d]!);
    }
    out.push(off);
  }
  return out;
}

/** Every element of a view in row-major order, read naively through its strides. */
export function elements(v: View): number[] {
  const buf = v.buffer as TypedArray;
  return offsets(v.shape, v.strides, v.offset).map((o) => buf[o]!);
}

/** A seeded uniform generator in [lo, hi), so failures reproduce. */
export function rng(seed: number): (lo?: number, hi?: number) => number {
  let s = seed >>> 0;
  return (lo = -1, hi = 1) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return lo + ((s >>> 8) / 2 ** 24) * (hi - lo);
  };
}

export function arr(buf: unknown): number[] {
  return Array.from(buf as TypedArray);
}
