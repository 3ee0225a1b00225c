/**
 * Reading buffers back: a copy into a mappable staging buffer (with the status words of
 * errors.ts after the data), a submit, then `mapAsync`. Staging buffers are reused by size.
 */
import type { DType, TypedArray } from "@flambeau/tensor";
import { sizeClass } from "./buffer-pool.js";
import { WORD, type Block } from "./buffer.js";
import type { Recorder } from "./encoder.js";
import { STATUS_BYTES, faultError, type FaultSites } from "./errors.js";

export class StagingPool {
  private readonly idle = new Map<number, GPUBuffer[]>();

  constructor(private readonly device: GPUDevice) {}

  acquire(bytes: number): GPUBuffer {
    const size = sizeClass(bytes);
    return this.idle.get(size)?.pop() ?? this.device.createBuffer({ size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  }

  /** Return an unmapped staging buffer. */
  release(b: GPUBuffer): void {
    let list = this.idle.get(b.size);
    if (!list) this.idle.set(b.size, (list = []));
    if (list.length < 4) list.push(b);
    else b.destroy();
  }
}

/**
 * Read `n` elements of `dtype` from `buffer` (null when `n` is 0): submits everything recorded
 * so far with the copy, so the values are those of the moment of the call. Rejects with a
 * kernel's fault (errors.ts), which the read also clears.
 */
export async function readBack(
  rec: Recorder, pool: StagingPool, status: GPUBuffer, sites: FaultSites, block: Block | null, dtype: DType, n: number,
): Promise<TypedArray> {
  const bytes = n * WORD;
  const staging = pool.acquire(bytes + STATUS_BYTES);
  if (block) rec.copy(block.buffer, block.offset, staging, 0, bytes);
  rec.copy(status, 0, staging, bytes, STATUS_BYTES);
  rec.clear(status, 0, STATUS_BYTES);
  const numbered = sites.take(); // the sites of the dispatches this status covers
  rec.flush();
  await staging.mapAsync(GPUMapMode.READ, 0, bytes + STATUS_BYTES);
  const mapped = staging.getMappedRange(0, bytes + STATUS_BYTES);
  const fault = faultError(new Uint32Array(mapped, bytes, 4), numbered);
  let out: TypedArray;
  if (dtype === "bool") {
    // Bools are stored as u32 words of 0 or 1.
    out = new Uint8Array(n);
    out.set(new Uint32Array(mapped, 0, n));
  } else {
    out = dtype === "float32" ? new Float32Array(n) : new Int32Array(n);
    out.set(new (dtype === "float32" ? Float32Array : Int32Array)(mapped, 0, n));
  }
  staging.unmap();
  pool.release(staging);
  if (fault) throw fault;
  return out;
}
