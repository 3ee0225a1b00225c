/**
 * GPU buffers recycled by size. Creating a buffer costs a trip through the driver; a training
 * step allocates the same few sizes every time, so freed buffers wait in a bucket for the next
 * request of their size class.
 *
 * A freed buffer is not reusable at once: commands recorded but not yet submitted may still
 * read it, and a later `queue.writeBuffer` into it would run *before* them (queue writes are
 * ordered against submits, not against commands still being recorded). So frees wait in
 * `pending` until the batch that may use them is submitted; after that, queue order makes
 * every later use — a write or a dispatch — run after the GPU work that read it.
 */

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
  private readonly idle = new Map<number, GPUBuffer[]>();
  private pending: GPUBuffer[] = [];
  /** Buffers created and not destroyed (in use, pending or idle). */
  live = 0;
  liveBytes = 0;

  constructor(private readonly device: GPUDevice) {}

  /** A storage buffer of at least `bytes` bytes (contents undefined). */
  acquire(bytes: number): GPUBuffer {
    const size = sizeClass(bytes);
    const list = this.idle.get(size);
    const reused = list?.pop();
    if (reused) return reused;
    this.live++;
    this.liveBytes += size;
    return this.device.createBuffer({ size, usage: USAGE });
  }

  /** Give a buffer back; it becomes reusable after the current batch is submitted. */
  release(buffer: GPUBuffer): void {
    this.pending.push(buffer);
  }

  /** Called right after a submit: everything freed before it may now be reused. */
  submitted(): void {
    for (const b of this.pending) {
      let list = this.idle.get(b.size);
      if (!list) this.idle.set(b.size, (list = []));
      if (list.length < MAX_IDLE) list.push(b);
      else this.destroy(b);
    }
    this.pending = [];
  }

  /** Destroy every idle buffer (e.g. after a large model is dropped). */
  trim(): void {
    for (const list of this.idle.values()) for (const b of list.splice(0)) this.destroy(b);
  }

  private destroy(b: GPUBuffer): void {
    this.live--;
    this.liveBytes -= b.size;
    b.destroy();
  }
}
