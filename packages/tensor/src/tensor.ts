import type { BackendBuffer, View } from "./backend.js";
import { ITEM_SIZE, type DType, type TypedArray } from "./dtype.js";
import type { Device } from "./device.js";
import { AccumulateGrad, backwardEngine, type Node } from "./graph.js";
import { contiguousStrides, isContiguous, normalizeDim, numel, type Shape } from "./shape.js";
import { letFinalizersRun, Storage } from "./storage.js";
import { formatTensor } from "./format.js";
import { contiguousBuffer } from "./ops/materialize.js";
import { checkGradAssignment } from "./ops/checks.js";
import { asyncReadRequired } from "./errors.js";

/** Keyword arguments of `backward()`. */
export interface BackwardOptions {
  /** Keep saved tensors so backward can run again through the same graph. */
  retain_graph?: boolean;
  /** Record the backward computation itself, for higher-order derivatives. */
  create_graph?: boolean;
  /** Accumulate gradients into these tensors only. */
  inputs?: Tensor[];
}

declare global {
  // `using t = …` frees a tensor at the end of its block (TypeScript 5.2, `Symbol.dispose`).
  // Declared here as `@types/node` and lib.esnext.disposable declare it, so the published types
  // compile in a project whose `lib` predates it (ES2022) as well as in one that has it.
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}
import { checkOptions, isOptions, optionKeys } from "./keywords.js";
import { checkKind, KIND } from "./kinds.js";

/**
 * @internal While `internal` is positive, reads of `.grad` are the library's own (an optimizer
 * step, `zero_grad`) and do not hand the gradient to user code, so it stays free-able.
 */
export const gradReads = { internal: 0 };

/** @internal Run `fn` with `.grad` reads counted as the library's own (see {@link gradReads}). */
export function readingGradsInternally<T>(fn: () => T): T {
  gradReads.internal++;
  try {
    return fn();
  } finally {
    gradReads.internal--;
  }
}

/** Nested arrays as returned by `tolist()`. */
export type NestedArray = number | boolean | NestedArray[];

// The strides of every contiguous 0-d and 1-d tensor, shared: most tensors of a small model's
// loop are one of these, and strides are never written (a View's strides are read-only).
const NO_STRIDES: readonly number[] = [];
const UNIT_STRIDES: readonly number[] = [1];

/**
 * An n-dimensional array on a device, with PyTorch's semantics: a strided view on a
 * `Storage`, a dtype, and the autograd state (`requires_grad`, `grad`, `grad_fn`).
 *
 * @example
 * ```ts
 * const x = torch.tensor([[1, 2], [3, 4]], { requires_grad: true });
 * const y = x.mul(x).sum();
 * y.backward();
 * x.grad.toString(); // tensor([[2., 4.], [6., 8.]])
 * ```
 */
export class Tensor implements View {
  readonly _storage: Storage;
  readonly buffer: BackendBuffer;
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  /** Whether operations on this tensor are recorded for differentiation. */
  requires_grad = false;
  /** @internal The gradient, read without handing it to user code (see {@link gradReads}). */
  _grad: Tensor | null = null;
  /** The node that produced this tensor in the autograd graph; null for leaves. */
  grad_fn: Node | null = null;
  /** The tensor whose memory this one views, when it is a view (PyTorch's `._base`). */
  _base: Tensor | null = null;
  private _acc: AccumulateGrad | null = null;

  constructor(storage: Storage, shape: readonly number[], strides?: readonly number[], offset = 0) {
    this._storage = storage;
    this.buffer = storage.buffer;
    this.dtype = storage.dtype;
    this.shape = shape;
    this.strides = strides ?? (shape.length > 1 ? contiguousStrides(shape) : shape.length === 1 ? UNIT_STRIDES : NO_STRIDES);
    this.offset = offset;
  }

  // ---- metadata -------------------------------------------------------------------------

  /** The device holding this tensor's memory. */
  get device(): Device {
    return this._storage.device;
  }
  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }
  /** Number of dimensions (`x.dim()`). */
  dim(): number {
    return this.shape.length;
  }
  /** Number of elements. */
  numel(): number {
    return numel(this.shape);
  }
  /** `x.size()` gives the shape; `x.size(d)` the size of dimension `d` (negative counts from the end). */
  size(): number[];
  size(dim: number): number;
  size(dim?: number): number[] | number {
    if (dim === undefined) return this.shape.slice();
    return this.shape[normalizeDim(dim, this.ndim, "size")]!;
  }
  /** `x.stride()` or `x.stride(d)`, in elements. */
  stride(): number[];
  stride(dim: number): number;
  stride(dim?: number): number[] | number {
    if (dim === undefined) return this.strides.slice();
    return this.strides[normalizeDim(dim, this.ndim, "stride")]!;
  }
  /** Whether the elements are laid out row-major without gaps. */
  is_contiguous(): boolean {
    return isContiguous(this.shape, this.strides);
  }
  /** Bytes per element. */
  element_size(): number {
    return ITEM_SIZE[this.dtype];
  }
  /** How many in-place writes the underlying memory has seen. */
  get _version(): number {
    return this._storage.version;
  }
  /** True for tensors not produced by a recorded op (user-created, or not requiring grad). */
  get is_leaf(): boolean {
    return this.grad_fn === null;
  }
  /** Whether this non-leaf keeps its `.grad` after backward. */
  get retains_grad(): boolean {
    return this.grad_fn !== null && this.grad_fn.retained === this;
  }

  // ---- autograd -------------------------------------------------------------------------

  /**
   * Gradient accumulated by `backward()` (leaves, or non-leaves after `retain_grad()`).
   * Assigning checks it as PyTorch does: `null`, or a tensor of this one's shape, dtype and device.
   * Replacing a gradient that user code never read (`optimizer.zero_grad()` sets it to null)
   * frees its memory at once; one that was read stays valid, as in PyTorch.
   */
  get grad(): Tensor | null {
    const g = this._grad;
    if (g !== null && gradReads.internal === 0) g._storage._gradSlotOnly = false;
    return g;
  }
  /** Sets the gradient (`x.grad = null` drops it), checked as the getter says. */
  set grad(g: Tensor | null) {
    checkGradAssignment(this, g);
    const old = this._grad;
    this._grad = g ?? null;
    if (old !== null && old._storage._gradSlotOnly && old._storage !== g?._storage) old._storage.dispose();
  }

  /** Set `requires_grad` in place; only leaves can change it. Returns `this`. */
  requires_grad_(requires_grad = true): this {
    checkKind("requires_grad_", "requires_grad", KIND.bool, requires_grad);
    if (!this.is_leaf && !requires_grad)
      throw new Error(
        "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
      );
    if (requires_grad && this.dtype !== "float32" && this.dtype !== "float64")
      throw new Error(
        `only Tensors of floating point dtype can require gradients (got ${this.dtype}). JavaScript cannot tell 1.0 from 1: pass { dtype: "float32" } when creating it.`,
      );
    this.requires_grad = requires_grad;
    return this;
  }
  /** Keep `.grad` on this non-leaf tensor during backward. */
  retain_grad(): void {
    if (!this.requires_grad) throw new Error("can't retain_grad on Tensor that has requires_grad=False");
    if (this.grad_fn) this.grad_fn.retained = this;
  }
  /** @internal The gradient accumulator node of a leaf that requires grad. */
  _accumulator(): AccumulateGrad {
    return (this._acc ??= new AccumulateGrad(this));
  }
  /**
   * Compute gradients of this tensor with respect to graph leaves (PyTorch's `backward`).
   * A non-scalar needs an explicit `gradient` of its shape; a scalar's may be left out, the
   * options coming first: `loss.backward({ retain_graph: true })`.
   */
  backward(options?: BackwardOptions): void;
  backward(gradient?: Tensor | null, options?: BackwardOptions): void;
  backward(gradient?: Tensor | null | BackwardOptions, options?: BackwardOptions): void {
    // A misspelt keyword (`retain_grahp`) must fail, not silently skip retaining the graph.
    checkOptions("backward", isOptions(gradient) ? gradient : options, BACKWARD_KEYS);
    backwardEngine().backward(this, gradient, options);
  }
  /** A new tensor sharing memory but cut from the graph. */
  detach(): Tensor {
    // Shares memory, but is not a differentiable view: writes to it are not tracked.
    return new Tensor(this._storage, this.shape, this.strides, this.offset);
  }
  /** Cut this tensor from the graph, in place. */
  detach_(): this {
    this.grad_fn = null;
    this.requires_grad = false;
    return this;
  }

  // ---- reading --------------------------------------------------------------------------

  /** The elements in row-major order, on the host (every backend). */
  async data(): Promise<TypedArray> {
    const buf = contiguousBuffer(this);
    const data = await this._storage.backend.read(buf.buffer, this.dtype, this.numel());
    buf.release();
    if (this._storage.backend.needsFree) await letFinalizersRun();
    return data;
  }
  /** The elements in row-major order, read synchronously (CPU and backends that can). */
  dataSync(): TypedArray {
    return this._readSync("dataSync()", "await tensor.data()");
  }
  /** A synchronous read; `method` and its awaited form name the call in the error where reads are asynchronous. */
  private _readSync(method: string, awaited: string): TypedArray {
    const backend = this._storage.backend;
    if (!backend.canReadSync || !backend.readSync) throw asyncReadRequired(method, this.device, `use '${awaited}' instead`);
    const buf = contiguousBuffer(this);
    const data = backend.readSync(buf.buffer, this.dtype, this.numel());
    buf.release();
    return data;
  }
  /** The value of a one-element tensor. */
  async item(): Promise<number> {
    checkItem(this);
    return (await this.data())[0]!;
  }
  /** The value of a one-element tensor, synchronously. */
  itemSync(): number {
    checkItem(this);
    return this._readSync("itemSync()", "await tensor.item()")[0]!;
  }
  /** The elements as nested arrays (booleans for `bool`). */
  async tolist(): Promise<NestedArray> {
    return nest(await this.data(), this.shape, this.dtype === "bool");
  }
  /** The elements as nested arrays, synchronously. */
  tolistSync(): NestedArray {
    return nest(this._readSync("tolistSync()", "await tensor.tolist()"), this.shape, this.dtype === "bool");
  }
  /**
   * The elements as a typed array sharing this tensor's memory, like PyTorch's `.numpy()` on the
   * CPU: writes through either show in the other. As in PyTorch it refuses a tensor that
   * requires grad (so a graph is never exported by accident) and a tensor on another device
   * (`x.cpu().numpy()`, or `await x.data()` for a copy). A typed array has no strides, so a
   * non-contiguous view (a transpose, a strided slice) is refused too: `x.contiguous().numpy()`
   * gives a copy.
   *
   * The array's type is the dtype's storage: `Float32Array` (`float32`), `Float64Array`
   * (`float64`, and `int64`), `Int32Array` (`int32`), `Uint8Array` (`bool`). NumPy's `int64`
   * would be a `BigInt64Array` in JavaScript, but an `int64` tensor holds its values as doubles
   * (exact to 2^53 − 1), and only a `Float64Array` can share that memory: so read the dtype
   * from `x.dtype`, not from the array's type, write only whole numbers within ±(2^53 − 1)
   * through it, and make a `BigInt64Array` copy where one is needed:
   * `BigInt64Array.from(x.numpy(), BigInt)`.
   *
   * @example
   * ```ts
   * const x = torch.zeros(3);
   * x.numpy()[0] = 5; // x is now tensor([5., 0., 0.])
   * torch.tensor([5e9], { dtype: "int64" }).numpy(); // Float64Array [5000000000], shared
   * ```
   */
  numpy(): TypedArray {
    if (this.requires_grad)
      throw new Error("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
    const host = this._storage.buffer;
    if (this.device.type !== "cpu" || !ArrayBuffer.isView(host))
      throw new TypeError(
        `can't convert ${this.device.type} device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first (or 'await tensor.data()' for a copy).`,
      );
    if (!this.is_contiguous())
      throw new Error("numpy(): this tensor is a non-contiguous view and a typed array cannot share its memory; use tensor.contiguous().numpy() for a copy");
    const view = (host as TypedArray).subarray(this.offset, this.offset + this.numel());
    this._storage.backend.lendHost?.(host, view);
    return view;
  }
  /** PyTorch's printed form, e.g. `tensor([1., 2.], requires_grad=True)`; CPU-readable tensors only. */
  toString(): string {
    return formatTensor(this);
  }
  /**
   * Node's `console.log(t)` and `util.inspect(t)` print what PyTorch's `print(t)` does, not the
   * object's internals. A symbol rather than `node:util`, so browsers load this file unchanged.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  // ---- memory ---------------------------------------------------------------------------

  /** Free this tensor's device memory now (GPU backends); the tensor and its views become unusable. */
  dispose(): void {
    this._storage.dispose();
  }
  /** `using t = torch.randn([1024, 1024], { device: "webgpu" })` frees `t` when its block ends. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}

const BACKWARD_KEYS = optionKeys("backward", ["retain_graph", "create_graph", "inputs"]);

function checkItem(t: Tensor): void {
  const n = t.numel();
  if (n !== 1) throw new Error(`a Tensor with ${n} elements cannot be converted to Scalar`);
}

function nest(data: TypedArray, shape: Shape, bool: boolean): NestedArray {
  const conv = (v: number): number | boolean => (bool ? v !== 0 : v);
  if (shape.length === 0) return conv(data[0]!);
  const build = (dim: number, offset: number): NestedArray[] => {
    const n = shape[dim]!;
    const out: NestedArray[] = new Array(n);
    if (dim === shape.length - 1) {
      for (let i = 0; i < n; i++) out[i] = conv(data[offset + i]!);
    } else {
      let step = 1;
      for (let d = dim + 1; d < shape.length; d++) step *= shape[d]!;
      for (let i = 0; i < n; i++) out[i] = build(dim + 1, offset + i * step);
    }
    return out;
  };
  return build(0, 0);
}
