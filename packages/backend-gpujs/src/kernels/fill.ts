/** Buffers from the host: uploads of host data, and buffers of one repeated value. */
import type { DType, TypedArray } from "@flambeau/tensor";
import { GLBuffer } from "../buffer.js";
import { kernelSource } from "../codegen.js";
import { launch } from "../kernel-cache.js";
import { castValue, toTexels } from "../values.js";

/** A new buffer holding `data` as `dtype` (int32 beyond 2^24 in magnitude is refused: values.ts). */
export function upload(data: TypedArray, dtype: DType): GLBuffer {
  const texels = toTexels(data, dtype);
  if (texels.length === 0) return new GLBuffer(null, 0);
  // gpu.js uploads the array to a texture of its own; the kernel copies it into the output.
  const out = launch("upload", () => kernelSource(["a"], "return a[this.thread.x];"), texels.length, [texels]);
  return new GLBuffer(out, texels.length);
}

/** `n` elements equal to `value` cast to `dtype`; the buffer remembers the value (see GLBuffer). */
export function full(n: number, value: number, dtype: DType): GLBuffer {
  const v = castValue(value, dtype);
  if (n === 0) return new GLBuffer(null, 0, v);
  return new GLBuffer(launch("full", () => kernelSource(["v"], "return v;"), n, [v]), n, v);
}
