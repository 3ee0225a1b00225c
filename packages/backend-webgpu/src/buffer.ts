import type { Slab } from "./slab-pool.js";

/**
 * Where one tensor's storage lives on the GPU: a buffer of its own, or a block of a slab shared
 * by small tensors (slab-pool.ts). Kernels bind the whole buffer and find the block through
 * their metadata. The pools hand the same Block objects out again.
 */
export class Block {
  /** The storage using the block, while it is in use (slab-pool.ts moves it to compact). */
  owner: GpuBuffer | null = null;
  constructor(
    readonly buffer: GPUBuffer,
    readonly offset: number,
    /** Bytes: the block's in a slab, the whole buffer's otherwise. */
    readonly size: number,
    readonly slab: Slab | null,
  ) {}
}

/**
 * The handle a WebGPU tensor's storage holds: a pooled block and how many elements it has.
 * The block may change (the slab pool moves small tensors out of sparse slabs), so code reads
 * `block` when it records work, never keeps it.
 */
export class GpuBuffer {
  freed = false;
  constructor(
    public block: Block,
    readonly length: number,
  ) {
    block.owner = this;
  }
  /** Where the block starts in its buffer, in elements: what kernels add to their output index. */
  get base(): number {
    return this.block.offset / WORD;
  }
}

/** Every dtype is stored in 4-byte words on the GPU (bool as a u32 of 0 or 1). */
export const WORD = 4;
