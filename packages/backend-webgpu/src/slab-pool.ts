/**
 * Small tensors share slabs: GPU buffers cut into equal blocks. A loop of tiny ops creates a
 * tensor per op, but tensors come back only when a full garbage collection runs their
 * FinalizationRegistry callbacks, so a pool of whole buffers misses on nearly every op, and
 * each miss costs a `createBuffer` and a bind group that is never used again. A block is
 * carved without a driver call, and kernels bind slabs whole and find blocks through their
 * metadata, so one bind group serves every block of the slabs it names (bind-groups.ts).
 *
 * One dispatch may not read a buffer and write it too (a WebGPU usage conflict, even on
 * disjoint ranges), so `acquire` takes the slabs a kernel's output must avoid: its inputs'.
 */
import { Block } from "./buffer.js";

/** Largest block; bigger tensors get buffers of their own (buffer-pool.ts). */
export const SLAB_MAX_BLOCK = 16 * 1024;
const SLAB_BYTES = 256 * 1024;
const MIN_BLOCKS = 16;
/** Block sizes are multiples of this: minStorageBufferOffsetAlignment is at most 256, so a block can be bound alone too. */
const ALIGN = 256;
/** Wholly free slabs kept per block size; further ones are destroyed. */
const IDLE_SLABS = 1;
/** A slab at most 1/SPARSE in use has its blocks moved to older slabs, so that it can go. */
const SPARSE = 8;

/** What the slab pool needs from its owner: GPU buffers, counted, and copies between blocks. */
export interface Allocator {
  create(size: number): GPUBuffer;
  destroy(buffer: GPUBuffer): void;
  /** Submit copies of each pair's first block into its second. */
  copy(moves: readonly (readonly [Block, Block])[]): void;
}

export class Slab {
  /** All of its blocks, in use or not. */
  readonly blocks: Block[] = [];
  /** Free blocks, safe for any use. */
  readonly clean: Block[] = [];
  /** Freed while their batch is still being recorded: safe as kernel outputs only (buffer-pool.ts). */
  readonly recycled: Block[] = [];
  dirty = false;
  constructor(
    readonly buffer: GPUBuffer,
    readonly count: number,
    readonly blockSize: number,
  ) {
    for (let i = count - 1; i >= 0; i--) this.blocks.push(new Block(buffer, i * blockSize, blockSize, this));
    this.clean.push(...this.blocks);
  }
  get idle(): boolean {
    return this.clean.length === this.count;
  }
}

/** The block size serving `bytes`: a multiple of the alignment, a quarter of a power of two apart. */
export function blockSize(bytes: number): number {
  if (bytes <= ALIGN) return ALIGN;
  const step = Math.max(ALIGN, 2 ** Math.floor(Math.log2(bytes - 1)) / 4);
  return Math.ceil(bytes / step) * step;
}

export class SlabPool {
  /** Slabs by block size, oldest first: filling old slabs first lets new ones empty and go. */
  private readonly slabs = new Map<number, Slab[]>();
  /**
   * Per block size, how many of the oldest slabs are known to have no free block: a loop that
   * outruns the garbage collector fills slab after slab, and `acquire` skips those at once.
   */
  private readonly fullBelow = new Map<number, number>();
  private dirty: Slab[] = [];

  constructor(private readonly alloc: Allocator) {}

  /**
   * A block of `size` bytes (a `blockSize`) in none of the slabs `avoid0..2`. `forWrite`: it
   * will be filled by `queue.writeBuffer`, so it must not be one freed in the open batch.
   */
  acquire(size: number, forWrite: boolean, avoid0?: GPUBuffer, avoid1?: GPUBuffer, avoid2?: GPUBuffer): Block {
    let list = this.slabs.get(size);
    if (list === undefined) this.slabs.set(size, (list = []));
    let i = this.fullBelow.get(size) ?? 0;
    while (i < list.length && list[i]!.clean.length === 0 && list[i]!.recycled.length === 0) i++;
    this.fullBelow.set(size, i);
    for (; i < list.length; i++) {
      const s = list[i]!;
      if (s.buffer === avoid0 || s.buffer === avoid1 || s.buffer === avoid2) continue;
      if (!forWrite && s.recycled.length > 0) return s.recycled.pop()!;
      if (s.clean.length > 0) return s.clean.pop()!;
    }
    const count = Math.max(MIN_BLOCKS, Math.floor(SLAB_BYTES / size));
    const slab = new Slab(this.alloc.create(count * size), count, size);
    list.push(slab);
    return slab.clean.pop()!;
  }

  /** Give a block back (no call into WebGPU: finalizers call this). */
  release(block: Block): void {
    block.owner = null;
    const s = block.slab!;
    s.recycled.push(block);
    this.fullBelow.set(s.blockSize, 0);
    if (!s.dirty) {
      s.dirty = true;
      this.dirty.push(s);
    }
  }

  /**
   * Called right after a submit, when nothing is being recorded: blocks freed before it are
   * clean, sparse slabs are emptied into older ones, and spare empty slabs go.
   */
  submitted(): void {
    if (this.dirty.length === 0) return;
    const sizes = new Set<number>();
    for (const s of this.dirty) {
      s.dirty = false;
      for (const b of s.recycled) s.clean.push(b);
      s.recycled.length = 0;
      sizes.add(s.blockSize);
    }
    this.dirty = [];
    for (const size of sizes) {
      this.compact(size);
      this.dropSpare(size);
      this.fullBelow.set(size, 0);
    }
  }

  /**
   * Move the tensors of sparse slabs into older slabs. Tensors come back in waves, when the
   * garbage collector runs, and a wave leaves a few survivors scattered over the slabs it
   * filled: without moving them, each would hold a whole slab, and memory would depend on
   * when the last collection happened. The copies run after all recorded work (queue order);
   * later work finds the tensor through its handle's new block.
   */
  private compact(size: number): void {
    const list = this.slabs.get(size)!;
    const moves: [Block, Block][] = [];
    for (let i = list.length - 1; i > 0; i--) {
      const s = list[i]!;
      const used = s.count - s.clean.length;
      if (used === 0 || used * SPARSE > s.count) continue;
      let room = 0;
      for (let j = 0; j < i; j++) room += list[j]!.clean.length;
      if (room < used) continue;
      let j = 0;
      for (const from of s.blocks) {
        if (from.owner === null) continue;
        while (list[j]!.clean.length === 0) j++;
        const to = list[j]!.clean.pop()!;
        moves.push([from, to]);
        to.owner = from.owner;
        to.owner.block = to;
        from.owner = null;
        s.clean.push(from);
      }
    }
    if (moves.length > 0) this.alloc.copy(moves);
  }

  /** Destroy every wholly free slab. */
  trim(): void {
    for (const size of this.slabs.keys()) this.dropSpare(size, 0);
    this.fullBelow.clear();
  }

  private dropSpare(size: number, keep = IDLE_SLABS): void {
    const list = this.slabs.get(size)!;
    let idle = 0;
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      if (!s.idle || s.dirty || ++idle <= keep) continue;
      this.alloc.destroy(s.buffer);
      list.splice(i--, 1);
    }
  }
}
