import type { DType, TypedArray } from "./dtype.js";
import type { Shape } from "./shape.js";
import type { IndexSite } from "./errors.js";

/** An opaque handle to memory owned by a backend (a typed array, a GPU buffer, a texture). */
export type BackendBuffer = unknown;

/**
 * A strided window on a buffer: how every primitive reads its inputs. Broadcasting is
 * expressed with zero strides, so primitives never need to know about it.
 */
export interface View {
  readonly buffer: BackendBuffer;
  readonly dtype: DType;
  readonly shape: Shape;
  readonly strides: Shape;
  readonly offset: number;
}

import type { UnaryOp } from "./tables/unary.js";
import type { BinaryOp } from "./tables/binary.js";
import type { ReduceOp } from "./tables/reduce.js";
export type { UnaryOp, BinaryOp, ReduceOp };

/**
 * What a device must implement. Every public op is composed from these few primitives in
 * `@flambeau/tensor`, once, so a new backend is this interface and nothing more.
 *
 * Conventions: inputs are strided {@link View}s (already broadcast where a primitive takes
 * several); every primitive that returns a buffer returns a fresh, contiguous one holding
 * `outDtype` elements in row-major order. Inputs are never modified except by `assign`.
 */
export interface Backend {
  /** Device type this backend serves, e.g. `"cpu"`, `"webgpu"`. */
  readonly name: string;
  /** Whether `readSync` is available (Decision 4). */
  readonly canReadSync: boolean;
  /** Whether buffers live outside the JavaScript heap and must be released with `free` (GPUs). */
  readonly needsFree?: boolean;
  /**
   * Optional, for a backend whose memory the garbage collector owns (`needsFree` unset): whether
   * this one buffer must be released with `free` all the same, so the tensor layer tracks its
   * storage as it tracks GPU memory (the CPU's large tensors in WebAssembly memory).
   */
  tracksBuffer?(buffer: BackendBuffer): boolean;
  /** Whether a dtype can be stored on this device. */
  supportsDType(dtype: DType): boolean;

  /**
   * Copy host data to a new buffer. The backend may keep `data` itself when `owned`, and must
   * when `"shared"` (the caller shares that memory with the tensor: `torch.from_numpy`).
   */
  upload(data: TypedArray, dtype: DType, owned: boolean | "shared"): BackendBuffer;
  /** A new buffer of `size` elements, every one equal to `value`. */
  full(size: number, value: number, dtype: DType): BackendBuffer;
  /** Read `size` elements starting at element 0 of a buffer back to the host. */
  read(buffer: BackendBuffer, dtype: DType, size: number): Promise<TypedArray>;
  /** Synchronous read; only when `canReadSync`. */
  readSync?(buffer: BackendBuffer, dtype: DType, size: number): TypedArray;
  /** Release a buffer now (GPU backends, tracked buffers); a no-op where the garbage collector owns memory. */
  free(buffer: BackendBuffer): void;
  /**
   * Optional: `view`, a host array on `buffer`'s own memory, was handed to user code
   * (`numpy()`), so that memory must outlive `free(buffer)` for as long as `view` is reachable.
   */
  lendHost?(buffer: BackendBuffer, view: TypedArray): void;

  /** Elementwise `op(x)` computed in `outDtype`. */
  unary(op: UnaryOp, x: View, outDtype: DType): BackendBuffer;
  /** Elementwise `op(a, b)`; `a` and `b` share `a.shape`; operands are read as `computeDtype`. */
  binary(op: BinaryOp, a: View, b: View, computeDtype: DType, outDtype: DType): BackendBuffer;
  /** `cond ? a : b` elementwise; all three share `cond.shape`. */
  where(cond: View, a: View, b: View, outDtype: DType): BackendBuffer;
  /** Reduce over `axes` (sorted); the output shape is `x.shape` without those axes. */
  reduce(op: ReduceOp, x: View, axes: readonly number[], outDtype: DType): BackendBuffer;
  /** Batched matrix product: `a` is `[...batch, m, k]`, `b` is `[...batch, k, n]` (batch broadcast). */
  matmul(a: View, b: View, outDtype: DType): BackendBuffer;
  /** A contiguous copy of a view, cast to `outDtype`. */
  copy(x: View, outDtype: DType): BackendBuffer;
  /** Write `src` (same shape, cast to `dst.dtype`) into the strided window `dst`, in place. */
  assign(dst: View, src: View): void;
  /**
   * `out[i][j] = x[i][index[i][j]]` along `dim` (torch.gather); output has `index.shape`. An
   * index out of range raises (or, on a device that reads asynchronously, is reported at the
   * next read) with `site`'s op and shapes: the user's call, not this primitive.
   */
  gather(x: View, dim: number, index: View, outDtype: DType, site?: IndexSite): BackendBuffer;
  /** Zeros of `shape`, then `out[i][index[i][j]] += src[i][j]` along `dim` (torch.scatter_add); `site` as for `gather`. */
  scatterAdd(shape: Shape, dim: number, index: View, src: View, outDtype: DType, site?: IndexSite): BackendBuffer;
  /**
   * Optional: the int32 positions that stably sort each row (last axis) of `x`, NaN largest,
   * equal values in their original order (PyTorch's `sort(stable=True)`); contiguous, of
   * `x.shape`. A backend without it gets `sort`/`topk` as a composed bitonic network of the
   * primitives above, which is parallel (GPUs) but costs many small ops (the CPU has this).
   */
  argsort?(x: View, descending: boolean): BackendBuffer;
  /**
   * Optional: `dst += alpha * src` in place, for `dst` and `src` of one shape and dtype, with the
   * values `dst.add_(src, { alpha })` computes (the product rounded to the dtype, then the sum),
   * in one pass without temporaries. Returns false, writing nothing, to decline (the caller then
   * runs `add_`). Optimizers reach it through `addScaled_`.
   */
  addScaledInPlace?(dst: View, src: View, alpha: number): boolean;
}
