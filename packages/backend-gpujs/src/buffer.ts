/**
 * A tensor's memory on the "gpujs" device: one float32 texture (or, on gpu.js's CPU fallbacks,
 * a Float32Array) holding `size` elements in row-major order. int32 and bool elements are
 * carried as exact float32 values.
 */
import type { Texture } from "gpu.js";

/** What gpu.js kernels take and, in pipeline mode, return. */
export type KernelData = Texture | Float32Array;

export class GLBuffer {
  constructor(
    /** null for an empty buffer (gpu.js cannot make a texture of 0 elements) or once freed. */
    public data: KernelData | null,
    readonly size: number,
    /**
     * The value of every element when the buffer was made by `full` and not written since:
     * such an operand (a scalar like the `0.01` of `x.mul(0.01)`) is passed to kernels as a
     * uniform rather than read from a texture.
     */
    public value: number | undefined = undefined,
  ) {}

  /** Take new contents (after an in-place write), releasing the old texture. */
  replace(data: KernelData | null): void {
    release(this.data);
    this.data = data;
    this.value = undefined;
  }

  /** Release the texture now. */
  free(): void {
    release(this.data);
    this.data = null;
  }
}

/**
 * Another handle on the same data: a texture clone counts a reference, so the texture lives
 * until every handle is released. No texture is written while a tensor holds it (gpu.js renders
 * into a fresh one then), and the fallbacks' arrays are never written after they are made.
 */
export function share(data: KernelData): KernelData {
  return ArrayBuffer.isView(data) ? data : data.clone();
}

/** Delete a texture (a no-op for the CPU fallbacks' arrays, which the collector owns). */
export function release(data: KernelData | null): void {
  if (data !== null && !ArrayBuffer.isView(data)) data.delete();
}

/** The first `n` elements of a kernel result, on the host. */
export function hostValues(data: KernelData, n: number): Float32Array {
  const values = ArrayBuffer.isView(data) ? data : (data.toArray() as Float32Array);
  return values.length === n ? values : values.slice(0, n);
}
