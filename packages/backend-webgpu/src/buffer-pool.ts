/**
 * GPU memory recycled by size. Creating a buffer costs a trip through the driver; a training
 * step allocates the same few sizes every time. Small tensors get blocks of shared slabs
 * (slab-pool.ts); larger ones buffers of their own, which wait in a bucket for the next request
 * of their size class once freed.
 *
 * A buffer freed while its batch is still being recorded is reused at once only as a kernel's
 * output: commands in one encoder run in order, so the new writer runs after every earlier
 * reader. It must not be filled with `queue.writeBuffer`, which would run *before* the whole
 * batch (queue writes are ordered against submits, not against commands still being recorded);
 * such buffers wait in `recycled` until the batch is submitted and only then become `clean`.
 */
import { Block } from "./buffer.js";
import { SLAB_MAX_BLOCK, SlabPool, blockSize } from "./slab-pool.js";

const USAGE = 0x80 /* STORAGE */ | 0x4 /* COPY_SRC */ | 0x8; /* COPY_DST */
/** The smallest buffer handed out; also keeps zero-element tensors valid to bind. */
const MIN_BYTES = 256;
/** Idle buffers kept per size class; extra ones are destroyed. */
const MAX_IDLE = 32;

/** Round up to 4 size classes per power of two, so a reused buffer wastes at most a quarter. */
export function sizeClass(bytes: number): number {
  if (bytes <= MIN_BYTES) return MIN_BYTES;
  const p = 2 ** Math.floor(Math.log2(bytes - 1));
  const step = p / 4;
  return Math.ceil(bytes / step) * step;
}

export class BufferPool {
  /** Safe for any use. */
  private readonly clean = new Map<number, Block[]>();
  /** Freed during the open batch: safe as kernel outputs only. */
  private recycled = new Map<number, Block[]>();
  private readonly slabs = new SlabPool({
    create: (size) => this.create(size),
    destroy: (b) => this.destroy(b),
    copy: (moves) => {
      const enc = this.device.createCommandEncoder();
      for (const [from, to] of moves) enc.copyBufferToBuffer(from.buffer, from.offset, to.buffer, to.offset, from.size);
      this.device.queue.submit([enc.finish()]);
    },
  });
  /** GPU buffers created and not destroyed (in use, pending or idle), slabs included. */
  live = 0;
  liveBytes = 0;

  constructor(private readonly device: GPUDevice) {}

  /**
   * Storage for at least `bytes` bytes (contents undefined), in none of the buffers
   * `avoid0..2` (a kernel's inputs, when it is the kernel's output). `forWrite`: it will be
   * filled with `queue.writeBuffer`, so it must not be one freed in the open batch.
   */
  acquire(bytes: number, forWrite: boolean, avoid0?: GPUBuffer, avoid1?: GPUBuffer, avoid2?: GPUBuffer): Block {
    if (bytes <= SLAB_MAX_BLOCK) return this.slabs.acquire(blockSize(bytes), forWrite, avoid0, avoid1, avoid2);
    const size = sizeClass(bytes);
    const reused = (forWrite ? undefined : this.recycled.get(size)?.pop()) ?? this.clean.get(size)?.pop();
    return reused ?? new Block(this.create(size), 0, size, null);
  }

  /** Give storage back (never calls into WebGPU: finalizers call this). */
  release(block: Block): void {
    if (block.slab !== null) return this.slabs.release(block);
    block.owner = null;
    let list = this.recycled.get(block.size);
    if (!list) this.recycled.set(block.size, (list = []));
    list.push(block);
  }

  /** Called right after a submit: everything freed before it is now clean. */
  submitted(): void {
    this.slabs.submitted();
    if (this.recycled.size === 0) return;
    for (const [size, list] of this.recycled) {
      let clean = this.clean.get(size);
      if (!clean) this.clean.set(size, (clean = []));
      for (const b of list) {
        if (clean.length < MAX_IDLE) clean.push(b);
        else this.destroy(b.buffer);
      }
    }
    this.recycled = new Map();
  }

  /** Destroy every idle buffer and slab (e.g. after a large model is dropped). */
  trim(): void {
    for (const list of this.clean.values()) for (const b of list.splice(0)) this.destroy(b.buffer);
    this.slabs.trim();
  }

  private create(size: number): GPUBuffer {
    this.live++;
    this.liveBytes += size;
    return this.device.createBuffer({ size, usage: USAGE });
  }

  private destroy(b: GPUBuffer): void {
    this.live--;
    this.liveBytes -= b.size;
    b.destroy();
  }
}
