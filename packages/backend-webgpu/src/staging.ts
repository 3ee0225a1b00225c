/**
 * Reading buffers back: a copy into a mappable staging buffer (with the status words of
 * errors.ts after the data), a submit, then `mapAsync`. Staging buffers are reused by size.
 */
import { sizeClass } from "./buffer-pool.js";

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
