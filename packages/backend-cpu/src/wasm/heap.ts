/**
 * The blocks of the kernels' WebAssembly memory: large float32 tensors that live there
 * (./resident.ts) and the kernels' scratch region. Training loops allocate the same sizes step
 * after step, so freed blocks wait in one list per size and are handed out again as they are;
 * when no block of the size is free but enough freed bytes are, neighbours are merged and the
 * best fitting block is split. The memory only grows (WebAssembly cannot shrink it), so its size
 * is the high-water mark of live blocks plus what fragmentation leaves.
 */

/** Block sizes are multiples of this (a cache line; v128 loads want 16). */
const ALIGN = 64;
/**
 * Bytes past a block's last element that a kernel may read: four-lane loops read whole vectors,
 * so a view starting mid-vector reads up to 12 bytes beyond its end (the lanes are discarded).
 */
const SLACK = 16;
const PAGE = 65536;

export class Heap {
  /** Sizes in bytes -> addresses of the free blocks of that size. */
  private readonly free = new Map<number, number[]>();
  private freeBytes = 0;
  /** The first byte never handed out. */
  private top: number;
  /** Bytes of live tensor blocks (scratch excluded), held under {@link tensorBudget}. */
  tensorBytes = 0;

  constructor(
    private readonly memory: WebAssembly.Memory,
    start: number,
    /** The most bytes of tensors the memory may hold; beyond it tensors stay JavaScript arrays. */
    readonly tensorBudget: number,
  ) {
    this.top = roundUp(start);
  }

  /** The size of the block that holds `bytes` bytes. */
  static blockSize(bytes: number): number {
    return roundUp(bytes + SLACK);
  }

  /**
   * The address of a block of {@link blockSize}(bytes) bytes, or -1 when a tensor would exceed the
   * budget or the memory cannot grow. Its contents are undefined (old values of a freed block).
   */
  alloc(bytes: number, tensor: boolean): number {
    const size = Heap.blockSize(bytes);
    if (tensor && this.tensorBytes + size > this.tensorBudget) return -1;
    const at = this.take(size);
    if (at >= 0 && tensor) this.tensorBytes += size;
    return at;
  }

  /** Give back a block that {@link alloc} returned for `bytes` bytes. */
  release(at: number, bytes: number, tensor: boolean): void {
    const size = Heap.blockSize(bytes);
    if (tensor) this.tensorBytes -= size;
    this.putFree(at, size);
  }

  private take(size: number): number {
    const same = this.free.get(size);
    if (same !== undefined && same.length > 0) {
      this.freeBytes -= size;
      return same.pop()!;
    }
    if (this.freeBytes >= size) {
      this.coalesce();
      const fit = this.bestFit(size);
      if (fit >= 0) return fit;
    }
    const at = this.top;
    const end = at + size;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      try {
        this.memory.grow(Math.ceil((end - have) / PAGE));
      } catch {
        return -1; // at the memory's maximum, or the host refused
      }
    }
    this.top = end;
    return at;
  }

  private putFree(at: number, size: number): void {
    let list = this.free.get(size);
    if (list === undefined) this.free.set(size, (list = []));
    list.push(at);
    this.freeBytes += size;
  }

  /** The smallest free block of at least `size` bytes, split to `size`; -1 if none. */
  private bestFit(size: number): number {
    let best = -1;
    for (const [s, list] of this.free) if (s >= size && list.length > 0 && (best < 0 || s < best)) best = s;
    if (best < 0) return -1;
    const at = this.free.get(best)!.pop()!;
    this.freeBytes -= best;
    if (best > size) this.putFree(at + size, best - size);
    return at;
  }

  /** Merge neighbouring free blocks; a free block ending at the top lowers the top instead. */
  private coalesce(): void {
    const blocks: [number, number][] = [];
    for (const [size, list] of this.free) for (const at of list) blocks.push([at, size]);
    blocks.sort((x, y) => x[0] - y[0]);
    this.free.clear();
    this.freeBytes = 0;
    const merged: [number, number][] = [];
    for (const b of blocks) {
      const last = merged[merged.length - 1];
      if (last !== undefined && last[0] + last[1] === b[0]) last[1] += b[1];
      else merged.push([b[0], b[1]]);
    }
    const last = merged[merged.length - 1];
    if (last !== undefined && last[0] + last[1] === this.top) {
      this.top = last[0];
      merged.pop();
    }
    for (const [at, size] of merged) this.putFree(at, size);
  }
}

function roundUp(bytes: number): number {
  return Math.ceil(bytes / ALIGN) * ALIGN;
}
