/**
 * Recording work: every dispatch of a batch goes into one shared command encoder (and one
 * compute pass), and its shapes and strides into one metadata arena uploaded with a single
 * `writeBuffer` when the batch is submitted. Nothing reaches the GPU until `flush()`: a read
 * flushes, and so does a full batch, so long chains of ops cost a submit per few hundred
 * dispatches and never a round trip to the CPU.
 *
 * Per dispatch, the native calls are the fewest WebGPU allows: the buffers' bind group (cached,
 * and set only when it changes), the metadata slot's bind group, the pipeline (only when it
 * changes) and the dispatch itself.
 */
import { BindGroupCache } from "./bind-groups.js";
import type { BufferPool } from "./buffer-pool.js";
import type { Kernel } from "./pipeline-cache.js";
import { META_WORDS, OUT_BASE } from "./wgsl.js";

/** Bytes of metadata per dispatch: one binding slot, aligned as storage bindings must be. */
const META_SLOT = META_WORDS * 4;
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
  /** What the open pass has set: consecutive dispatches sharing them set them once. */
  private pipeline: GPUComputePipeline | null = null;
  private buffersGroup: GPUBindGroup | null = null;
  private readonly arena = new Uint32Array(BATCH * META_WORDS);
  private slots = 0;
  /**
   * One arena buffer serves every batch: its `writeBuffer` at the next submit is queued after
   * this batch's work, which has read it by then.
   */
  private readonly arenaBuffer: GPUBuffer;
  /** A bind group per arena slot, made when first needed. */
  private readonly slotGroups: GPUBindGroup[] = [];
  private readonly bindGroups: BindGroupCache;
  private readonly afterSubmit: (() => void)[] = [];
  /** Submits so far; a read waits for the GPU only through its own map. */
  submits = 0;

  constructor(
    private readonly device: GPUDevice,
    private readonly pool: BufferPool,
    private readonly metaLayout: GPUBindGroupLayout,
  ) {
    this.arenaBuffer = device.createBuffer({ size: this.arena.byteLength, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
    this.bindGroups = new BindGroupCache(device);
  }

  private scheduled = false;
  private readonly flushTask = () => this.flush();

  private open(): GPUCommandEncoder {
    if (this.encoder === null) {
      // Submit what is recorded as soon as the current synchronous code yields, so the GPU
      // starts while JavaScript awaits something else; reads and full batches submit sooner.
      if (!this.scheduled) {
        this.scheduled = true;
        queueMicrotask(this.flushTask);
      }
      this.encoder = this.device.createCommandEncoder();
    }
    return this.encoder;
  }

  private slotGroup(slot: number): GPUBindGroup {
    return (this.slotGroups[slot] ??= this.device.createBindGroup({
      layout: this.metaLayout,
      entries: [{ binding: 0, resource: { buffer: this.arenaBuffer, offset: slot * META_SLOT, size: META_SLOT } }],
    }));
  }

  /**
   * Record one dispatch of `kernel` on a grid of `groups` workgroups. `buffers` bind whole,
   * in order from binding 0; `outBase` is where the output starts in its buffer, in elements.
   */
  dispatch(kernel: Kernel, buffers: readonly GPUBuffer[], meta: ArrayLike<number>, groups: readonly [number, number, number], outBase = 0): void {
    if (meta.length > OUT_BASE) throw new Error(`webgpu: a kernel needs ${meta.length} metadata words (max ${OUT_BASE}); too many dimensions`);
    if (groups[0] > MAX_GROUPS || groups[1] > MAX_GROUPS || groups[2] > MAX_GROUPS)
      throw new Error(`webgpu: a dispatch of [${groups.join(", ")}] workgroups exceeds the limit of ${MAX_GROUPS} per dimension`);
    const enc = this.open();
    const slot = this.slots++;
    const base = slot * META_WORDS;
    for (let i = 0; i < meta.length; i++) this.arena[base + i] = meta[i]! >>> 0;
    this.arena[base + OUT_BASE] = outBase;
    const group = this.bindGroups.get(kernel.layout, buffers);
    const pass = (this.pass ??= enc.beginComputePass());
    if (this.pipeline !== kernel.pipeline) {
      pass.setPipeline(kernel.pipeline);
      this.pipeline = kernel.pipeline;
    }
    // A group made for another layout differs, so a pipeline of another layout re-sets it.
    if (this.buffersGroup !== group) {
      pass.setBindGroup(0, group);
      this.buffersGroup = group;
    }
    pass.setBindGroup(1, this.slotGroup(slot));
    pass.dispatchWorkgroups(groups[0], groups[1], groups[2]);
    // A full batch is submitted now, never at the next dispatch: by then its op would have
    // taken its buffers, which the pool may move or destroy after a submit (slab-pool.ts).
    if (this.slots === BATCH) this.flush();
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
    this.pipeline = null;
    this.buffersGroup = null;
  }

  /** Submit the open batch, if any. */
  flush(): void {
    if (this.encoder === null) return;
    this.endPass();
    if (this.slots > 0) this.device.queue.writeBuffer(this.arenaBuffer, 0, this.arena, 0, this.slots * META_WORDS);
    this.device.queue.submit([this.encoder.finish()]);
    this.submits++;
    this.encoder = null;
    this.slots = 0;
    this.scheduled = false;
    this.pool.submitted();
    for (const fn of this.afterSubmit.splice(0)) fn();
  }
}
