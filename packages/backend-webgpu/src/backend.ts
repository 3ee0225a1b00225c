/**
 * The WebGPU backend: every primitive of `@flambeau/tensor`'s `Backend` as a WGSL kernel
 * (`./shaders`), recorded into shared command encoders (`./encoder.ts`) over pooled buffers
 * (`./buffer-pool.ts`). Reads are asynchronous only: `readSync` is absent, so `dataSync()`
 * throws an error that names `await tensor.data()`.
 */
import type { DType, Shape, TypedArray } from "@flambeau/tensor";
import {
  contiguousStrides, freedBufferError, numel, type Backend, type BackendBuffer, type BinaryOp, type IndexSite, type ReduceOp, type UnaryOp, type View,
} from "@flambeau/tensor/internal";
import { BufferPool } from "./buffer-pool.js";
import { GpuBuffer, WORD } from "./buffer.js";
import { memoize } from "./memo.js";
import type { GpuContext } from "./device.js";
import { Recorder, gridFor } from "./encoder.js";
import { FaultSites, STATUS_BYTES } from "./errors.js";
import { PipelineCache, type Kernel } from "./pipeline-cache.js";
import { binaryFaults, binaryKernel, WORKGROUP as BINARY_WG } from "./shaders/binary.js";
import { copyKernel, fillKernel, WORKGROUP as COPY_WG } from "./shaders/copy.js";
import { gatherKernel, gatherMeta, scatterAddKernel, scatterAddMeta, WORKGROUP as GATHER_WG } from "./shaders/gather.js";
import { matmulKernel, matmulMeta, tileFor } from "./shaders/matmul.js";
import { reduceFaults, reduceKernel, reducePlan, SEQ, TREE, TREE_MAX_OUTPUTS, TREE_MIN } from "./shaders/reduce.js";
import { unaryKernel, WORKGROUP as UNARY_WG } from "./shaders/unary.js";
import { whereKernel, WORKGROUP as WHERE_WG } from "./shaders/where.js";
import { readBack, StagingPool } from "./staging.js";
import { storageType, stridedMeta } from "./wgsl.js";

/** Host arrays that hold each dtype's 32-bit storage words. */
function hostWords(dtype: DType, n: number): Float32Array | Int32Array | Uint32Array {
  const t = storageType(dtype);
  return t === "f32" ? new Float32Array(n) : t === "i32" ? new Int32Array(n) : new Uint32Array(n);
}

/** The GPU buffer (a slab, or one of its own) a tensor's storage is in; undefined for none. */
function bufferOf(b: BackendBuffer | undefined): GPUBuffer | undefined {
  return (b as GpuBuffer | undefined)?.block.buffer;
}

/** The GPU buffer a kernel binds for a tensor's storage; throws once the storage is freed. */
function gpu(b: BackendBuffer): GPUBuffer {
  const g = b as GpuBuffer;
  if (g.freed) throw freedBufferError("webgpu");
  return g.block.buffer;
}

/** `v` as kernels address it: its offset counted from the start of the buffer it is in. */
function at(v: View): View {
  const base = (v.buffer as GpuBuffer).base;
  return base === 0 ? v : { buffer: v.buffer, dtype: v.dtype, shape: v.shape, strides: v.strides, offset: v.offset + base };
}

/** The kernels' descriptors, memoized on their arguments (memo.ts). */
const K = {
  unary: memoize(unaryKernel),
  binary: memoize(binaryKernel),
  where: memoize(whereKernel),
  reduce: memoize(reduceKernel),
  matmul: memoize(matmulKernel),
  copy: memoize(copyKernel),
  fill: memoize(fillKernel),
  gather: memoize(gatherKernel),
  scatterAdd: memoize(scatterAddKernel),
};

/** Below this many bytes `full` writes a host-filled array instead of dispatching a kernel. */
const SMALL_FILL_BYTES = 4096;

interface Live {
  ctx: GpuContext;
  pool: BufferPool;
  staging: StagingPool;
  kernels: PipelineCache;
  rec: Recorder;
  /** `[fault, value, dim | site << 8, extent]` written by kernels that can fail; see errors.ts. */
  status: GPUBuffer;
  /** The user's calls behind the index kernels recorded since the last read. */
  sites: FaultSites;
}

/**
 * The `"webgpu"` device's primitives. The package creates and registers one instance
 * (`webgpu`); `init()` attaches it to a GPU device.
 *
 * @example
 * ```ts
 * import { webgpu } from "@flambeau/backend-webgpu";
 * await init();
 * webgpu.poolStats(); // { buffers, bytes, pipelines }
 * ```
 */
export class WebGPUBackend implements Backend {
  readonly name = "webgpu";
  readonly canReadSync = false;
  readonly needsFree = true;
  private live: Live | null = null;

  /** Whether `attach` has given this backend a device. */
  get ready(): boolean {
    return this.live !== null;
  }

  /** The GPU, adapter and device in use (null before `init()`), e.g. to share the adapter with other WebGPU code. */
  get context(): GpuContext | null {
    return this.live?.ctx ?? null;
  }

  /** The adapter in use, for messages and benchmarks. */
  get adapterDescription(): string {
    return this.live?.ctx.description ?? "(not initialised)";
  }

  /** Bind to a device (done once by `init()`). */
  attach(ctx: GpuContext): void {
    const { device } = ctx;
    const pool = new BufferPool(device);
    const status = device.createBuffer({ size: STATUS_BYTES, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
    const kernels = new PipelineCache(device);
    this.live = { ctx, pool, staging: new StagingPool(device), kernels, rec: new Recorder(device, pool, kernels.layouts.meta), status, sites: new FaultSites() };
    // A WebGPU validation error (a bug in a kernel, never in user code) makes its whole batch
    // a no-op: remember it so the next read fails instead of returning stale values.
    device.addEventListener?.("uncapturederror", (e) => {
      this.deviceError ??= new Error(`webgpu: ${(e as GPUUncapturedErrorEvent).error.message}`);
    });
    void device.lost.then((info) => {
      this.lostReason = info.message || info.reason || "unknown reason";
    });
  }

  /** The first WebGPU validation error since the last read. */
  private deviceError: Error | null = null;
  /** Why the device was lost (driver reset, `destroy()`), once it is. */
  private lostReason: string | null = null;

  private get L(): Live {
    if (this.lostReason !== null)
      throw new Error(`The 'webgpu' device was lost (${this.lostReason}); its tensors are gone. Call init() in a new page or process, or use torch.device("cpu").`);
    if (this.live === null)
      throw new Error(
        "The 'webgpu' device is not initialised: call 'await torch.backends.webgpu.init()' (or 'await init()' from @flambeau/backend-webgpu) first, or use torch.device(\"cpu\").",
      );
    return this.live;
  }

  /** Submit everything recorded so far. */
  flush(): void {
    this.live?.rec.flush();
  }

  /** Wait until the GPU has finished all submitted work (like `torch.cuda.synchronize()`). */
  async synchronize(): Promise<void> {
    const L = this.L;
    L.rec.flush();
    await L.ctx.device.queue.onSubmittedWorkDone();
  }

  /**
   * Destroy the pool's idle buffers and slabs (`torch.cuda.empty_cache()`): memory no tensor
   * uses goes back to the driver. Work recorded so far is submitted first, so buffers freed
   * during it are idle too.
   */
  emptyCache(): void {
    if (this.live === null) return;
    this.live.rec.flush();
    this.live.pool.submitted(); // no batch is open now: buffers freed since the last one are idle
    this.live.pool.trim();
  }

  /** Pool statistics: GPU buffers created and not destroyed, and their bytes. */
  poolStats(): { buffers: number; bytes: number; pipelines: number } {
    const L = this.L;
    return { buffers: L.pool.live, bytes: L.pool.liveBytes, pipelines: L.kernels.size };
  }

  supportsDType(dtype: DType): boolean {
    return dtype !== "float64" && dtype !== "int64";
  }

  /** A buffer for `n` elements; `forWrite` when it will be filled by `queue.writeBuffer`. */
  private alloc(n: number, forWrite = false): GpuBuffer {
    return new GpuBuffer(this.L.pool.acquire(Math.max(n, 1) * WORD, forWrite), n);
  }

  /**
   * A kernel's output for `n` elements, in no buffer that its inputs `a`, `b`, `c` are in:
   * a dispatch may not read and write one buffer (slab-pool.ts).
   */
  private output(n: number, a: BackendBuffer, b?: BackendBuffer, c?: BackendBuffer): GpuBuffer {
    return new GpuBuffer(this.L.pool.acquire(Math.max(n, 1) * WORD, false, bufferOf(a), bufferOf(b), bufferOf(c)), n);
  }

  private kernel(k: { key: string; source: () => string }, workgroup: number): Kernel {
    return this.L.kernels.get(k.key, k.source, workgroup);
  }

  upload(data: TypedArray, dtype: DType, _owned: boolean): BackendBuffer {
    const out = this.alloc(data.length, true);
    if (data.length === 0) return out;
    let words: Float32Array | Int32Array | Uint32Array;
    if (dtype === "bool") {
      words = new Uint32Array(data.length);
      for (let i = 0; i < data.length; i++) words[i] = data[i] !== 0 ? 1 : 0; // NaN is true too
    } else if ((dtype === "float32" && data instanceof Float32Array) || (dtype === "int32" && data instanceof Int32Array)) {
      words = data;
    } else {
      words = hostWords(dtype, data.length);
      words.set(data);
    }
    this.L.ctx.device.queue.writeBuffer(out.block.buffer, out.block.offset, words.buffer, words.byteOffset, words.byteLength);
    return out;
  }

  full(n: number, value: number, dtype: DType): BackendBuffer {
    const small = n * WORD <= SMALL_FILL_BYTES;
    const out = this.alloc(n, small);
    if (n === 0) return out;
    const one = hostWords(dtype, 1);
    one[0] = dtype === "bool" ? (value !== 0 ? 1 : 0) : value; // the typed array casts like a store
    if (small) {
      const words = hostWords(dtype, n);
      words.fill(one[0]!);
      this.L.ctx.device.queue.writeBuffer(out.block.buffer, out.block.offset, words.buffer, 0, words.byteLength);
      return out;
    }
    const bits = new Uint32Array(one.buffer)[0]!;
    this.L.rec.dispatch(this.kernel(K.fill(), COPY_WG), [out.block.buffer], [n, bits], gridFor(n, COPY_WG), out.base);
    return out;
  }

  async read(buffer: BackendBuffer, dtype: DType, n: number): Promise<TypedArray> {
    const L = this.L;
    if (n > 0) gpu(buffer); // throws if freed
    const out = await readBack(L.rec, L.staging, L.status, L.sites, n > 0 ? (buffer as GpuBuffer).block : null, dtype, n);
    const error = this.deviceError;
    if (error) {
      this.deviceError = null;
      throw error;
    }
    return out;
  }

  free(buffer: BackendBuffer): void {
    // Called by FinalizationRegistry callbacks too: no call into WebGPU here, only
    // bookkeeping (buffer-pool.ts says when the buffer may be handed out again).
    const g = buffer as GpuBuffer;
    if (g.freed || this.live === null) return;
    g.freed = true;
    this.live.pool.release(g.block);
  }

  unary(op: UnaryOp, x: View, outDtype: DType): BackendBuffer {
    const n = numel(x.shape);
    const out = this.output(n, x.buffer);
    if (n === 0) return out;
    const k = this.kernel(K.unary(op, x.dtype, outDtype), UNARY_WG);
    this.L.rec.dispatch(k, [gpu(x.buffer), out.block.buffer], stridedMeta(x.shape, [at(x)]), gridFor(n, UNARY_WG), out.base);
    return out;
  }

  binary(op: BinaryOp, a: View, b: View, computeDtype: DType, outDtype: DType): BackendBuffer {
    const n = numel(a.shape);
    const out = this.output(n, a.buffer, b.buffer);
    if (n === 0) return out;
    const k = this.kernel(K.binary(op, a.dtype, b.dtype, computeDtype, outDtype), BINARY_WG);
    const bufs = [gpu(a.buffer), gpu(b.buffer), out.block.buffer];
    if (binaryFaults(op, computeDtype)) bufs.push(this.L.status);
    this.L.rec.dispatch(k, bufs, stridedMeta(a.shape, [at(a), at(b)]), gridFor(n, BINARY_WG), out.base);
    return out;
  }

  where(cond: View, a: View, b: View, outDtype: DType): BackendBuffer {
    const n = numel(cond.shape);
    const out = this.output(n, cond.buffer, a.buffer, b.buffer);
    if (n === 0) return out;
    const k = this.kernel(K.where(cond.dtype, a.dtype, b.dtype, outDtype), WHERE_WG);
    const bufs = [gpu(cond.buffer), gpu(a.buffer), gpu(b.buffer), out.block.buffer];
    this.L.rec.dispatch(k, bufs, stridedMeta(cond.shape, [at(cond), at(a), at(b)]), gridFor(n, WHERE_WG), out.base);
    return out;
  }

  reduce(op: ReduceOp, x: View, axes: readonly number[], outDtype: DType): BackendBuffer {
    const arg = op === "argmax" || op === "argmin";
    if (axes.length === 0) return arg ? this.full(numel(x.shape), 0, outDtype) : this.copy(x, outDtype);
    const { outN, redN, meta } = reducePlan(at(x), axes);
    // An empty max, min, argmax or argmin is refused above (tensor's reducePrimitive).
    if (redN === 0) {
      return this.full(outN, op === "prod" || op === "all" ? 1 : 0, outDtype);
    }
    const out = this.output(outN, x.buffer);
    if (outN === 0) return out;
    // A workgroup per output only pays when there are too few outputs to keep the GPU busy;
    // otherwise one invocation per output folds without barriers (much faster on software GPUs).
    const tree = redN >= TREE_MIN && outN < TREE_MAX_OUTPUTS;
    const k = this.kernel(K.reduce(op, x.dtype, outDtype, tree), tree ? TREE : SEQ);
    const grid = tree ? gridFor(outN * TREE, TREE) : gridFor(outN, SEQ);
    const bufs = [gpu(x.buffer), out.block.buffer];
    if (reduceFaults(op, outDtype)) bufs.push(this.L.status);
    this.L.rec.dispatch(k, bufs, meta, grid, out.base);
    return out;
  }

  matmul(a: View, b: View, outDtype: DType): BackendBuffer {
    const nd = a.shape.length;
    const m = a.shape[nd - 2]!, k = a.shape[nd - 1]!, n = b.shape[nd - 1]!;
    const batch = numel(a.shape.slice(0, nd - 2));
    if (batch * m * n === 0 || k === 0) return this.full(batch * m * n, 0, outDtype);
    const meta = matmulMeta(at(a), at(b));
    const out = this.output(batch * m * n, a.buffer, b.buffer);
    const tiling = tileFor(m, n);
    const kern = this.kernel(K.matmul(a.dtype, b.dtype, outDtype, tiling), tiling.tx * tiling.ty);
    const grid: [number, number, number] = [Math.ceil(n / (4 * tiling.tx)), Math.ceil(m / (tiling.ty * tiling.rpt)), batch];
    this.L.rec.dispatch(kern, [gpu(a.buffer), gpu(b.buffer), out.block.buffer], meta, grid, out.base);
    return out;
  }

  copy(x: View, outDtype: DType): BackendBuffer {
    const n = numel(x.shape);
    const out = this.output(n, x.buffer);
    if (n === 0) return out;
    const dst = { strides: contiguousStrides(x.shape), offset: out.base };
    const k = this.kernel(K.copy(x.dtype, outDtype, false), COPY_WG);
    this.L.rec.dispatch(k, [gpu(x.buffer), out.block.buffer], stridedMeta(x.shape, [dst, at(x)]), gridFor(n, COPY_WG));
    return out;
  }

  assign(dst: View, src: View): void {
    const n = numel(dst.shape);
    if (n === 0) return;
    let temp: GpuBuffer | null = null;
    // Reading and writing one buffer through two windows would read overwritten values.
    if (src.buffer === dst.buffer) {
      temp = this.copy(src, src.dtype) as GpuBuffer;
      src = { buffer: temp, dtype: src.dtype, shape: src.shape, strides: contiguousStrides(src.shape), offset: 0 };
    }
    const s = gpu(src.buffer), d = gpu(dst.buffer);
    // Another block of the destination's slab: the kernel binds the slab once (copy.ts).
    const k = this.kernel(K.copy(src.dtype, dst.dtype, s === d), COPY_WG);
    this.L.rec.dispatch(k, s === d ? [d] : [s, d], stridedMeta(dst.shape, [at(dst), at(src)]), gridFor(n, COPY_WG));
    if (temp) this.free(temp);
  }

  gather(x: View, dim: number, index: View, outDtype: DType, site?: IndexSite): BackendBuffer {
    const n = numel(index.shape);
    const out = this.output(n, x.buffer, index.buffer);
    if (n === 0) return out;
    const meta = gatherMeta(at(x), dim, at(index), this.L.sites.id(site));
    const k = this.kernel(K.gather(x.dtype, outDtype), GATHER_WG);
    const L = this.L;
    L.rec.dispatch(k, [gpu(x.buffer), gpu(index.buffer), out.block.buffer, L.status], meta, gridFor(n, GATHER_WG), out.base);
    return out;
  }

  scatterAdd(shape: Shape, dim: number, index: View, src: View, outDtype: DType, site?: IndexSite): BackendBuffer {
    const outN = numel(shape);
    if (numel(index.shape) === 0 || outN === 0) return this.full(outN, 0, outDtype);
    const meta = scatterAddMeta(shape, dim, at(index), at(src), this.L.sites.id(site));
    const out = this.output(outN, index.buffer, src.buffer);
    const k = this.kernel(K.scatterAdd(src.dtype, outDtype), GATHER_WG);
    const L = this.L;
    L.rec.dispatch(k, [gpu(index.buffer), gpu(src.buffer), out.block.buffer, L.status], meta, gridFor(outN, GATHER_WG), out.base);
    return out;
  }
}
