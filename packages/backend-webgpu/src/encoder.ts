/**
 * Recording work: every dispatch of a batch goes into one shared command encoder (and one
 * compute pass), and its shapes and strides into one metadata arena uploaded with a single
 * `writeBuffer` when the batch is submitted. Nothing reaches the GPU until `flush()`: a read
 * flushes, and so does a full batch, so long chains of ops cost a submit per few hundred
 * dispatches and never a round trip to the CPU.
 */
import type { BufferPool } from "./buffer-pool.js";
import type { Kernel } from "./pipeline-cache.js";

/** Bytes of metadata per dispatch: one binding slot, aligned as storage bindings must be. */
export const META_SLOT = 256;
/** u32 words of metadata a dispatch may use. */
export const META_WORDS = META_SLOT / 4;
/** Dispatches per batch (and metadata slots per arena). */
const BATCH = 256;
/** WebGPU's limit on workgroups per grid dimension. */
export const MAX_GROUPS = 65535;

/**
 * A grid of enough `workgroup`-sized groups for `threads` invocations: 2-D past 65535 groups
 * (kernels rebuild the linear index from `num_workgroups`).
 */
export function gridFor(threads: number, workgroup: number): [number, number, number] {
  const groups = Math.max(1, Math.ceil(threads / workgroup));
  return groups <= MAX_GROUPS ? [groups, 1, 1] : [MAX_GROUPS, Math.ceil(groups / MAX_GROUPS), 1];
}

export class Recorder {
  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private readonly arena = new Uint32Array((BATCH * META_SLOT) / 4);
  private slots = 0;
  private arenaBuffer: GPUBuffer | null = null;
  /** Arena buffers not in use by the open batch. */
  private readonly spareArenas: GPUBuffer[] = [];
  private readonly afterSubmit: (() => void)[] = [];
  /** Submits so far; a read waits for the GPU only through its own map. */
  submits = 0;

  constructor(
    private readonly device: GPUDevice,
    private readonly pool: BufferPool,
  ) {}

  private scheduled = false;

  private open(): GPUCommandEncoder {
    if (this.encoder === null) {
      // Submit what is recorded as soon as the current synchronous code yields, so the GPU
      // starts while JavaScript awaits something else; reads and full batches submit sooner.
      if (!this.scheduled) {
        this.scheduled = true;
        queueMicrotask(() => this.flush());
      }
      this.encoder = this.device.createCommandEncoder();
      this.arenaBuffer =
        this.spareArenas.pop() ??
        this.device.createBuffer({ size: this.arena.byteLength, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
    }
    return this.encoder;
  }

  /**
   * Record one dispatch of `kernel` on a grid of `groups` workgroups. `buffers` bind in
   * order from binding 0; the metadata binds after them.
   */
  dispatch(kernel: Kernel, buffers: readonly GPUBuffer[], meta: ArrayLike<number>, groups: readonly [number, number, number]): void {
    if (meta.length > META_WORDS) throw new Error(`webgpu: a kernel needs ${meta.length} metadata words (max ${META_WORDS}); too many dimensions`);
    if (groups[0] > MAX_GROUPS || groups[1] > MAX_GROUPS || groups[2] > MAX_GROUPS)
      throw new Error(`webgpu: a dispatch of [${groups.join(", ")}] workgroups exceeds the limit of ${MAX_GROUPS} per dimension`);
    if (this.slots === BATCH) this.flush();
    const enc = this.open();
    const slot = this.slots++;
    const base = (slot * META_SLOT) / 4;
    for (let i = 0; i < meta.length; i++) this.arena[base + i] = meta[i]! >>> 0;
    const entries: GPUBindGroupEntry[] = buffers.map((buffer, binding) => ({ binding, resource: { buffer } }));
    entries.push({ binding: buffers.length, resource: { buffer: this.arenaBuffer!, offset: slot * META_SLOT, size: META_SLOT } });
    const bindGroup = this.device.createBindGroup({ layout: kernel.layout, entries });
    this.pass ??= enc.beginComputePass();
    this.pass.setPipeline(kernel.pipeline);
    this.pass.setBindGroup(0, bindGroup);
    this.pass.dispatchWorkgroups(groups[0], groups[1], groups[2]);
  }

  /** Record a buffer-to-buffer copy (ends the open compute pass). */
  copy(src: GPUBuffer, srcOffset: number, dst: GPUBuffer, dstOffset: number, bytes: number): void {
    const enc = this.open();
    this.endPass();
    enc.copyBufferToBuffer(src, srcOffset, dst, dstOffset, bytes);
  }

  /** Record zeroing a range (ends the open compute pass). */
  clear(buffer: GPUBuffer, offset: number, bytes: number): void {
    const enc = this.open();
    this.endPass();
    enc.clearBuffer(buffer, offset, bytes);
  }

  /** Run `fn` once the open batch is submitted (or now, when none is open). */
  onSubmit(fn: () => void): void {
    if (this.encoder === null) fn();
    else this.afterSubmit.push(fn);
  }

  private endPass(): void {
    this.pass?.end();
    this.pass = null;
  }

  /** Submit the open batch, if any. */
  flush(): void {
    if (this.encoder === null) return;
    this.endPass();
    const arena = this.arenaBuffer!;
    if (this.slots > 0) this.device.queue.writeBuffer(arena, 0, this.arena, 0, (this.slots * META_SLOT) / 4);
    this.device.queue.submit([this.encoder.finish()]);
    this.submits++;
    this.encoder = null;
    this.slots = 0;
    this.scheduled = false;
    // Queue order makes the arena safe to rewrite by the next batch's writeBuffer.
    this.spareArenas.push(arena);
    this.arenaBuffer = null;
    this.pool.submitted();
    for (const fn of this.afterSubmit.splice(0)) fn();
  }
}
