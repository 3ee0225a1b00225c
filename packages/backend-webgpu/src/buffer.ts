/** The handle a WebGPU tensor's storage holds: a pooled GPU buffer and how many elements it has. */
export class GpuBuffer {
  freed = false;
  constructor(
    readonly gpu: GPUBuffer,
    readonly length: number,
  ) {}
}

/** Every dtype is stored in 4-byte words on the GPU (bool as a u32 of 0 or 1). */
export const WORD = 4;
