import type { DType, TypedArray } from "@flambeau/tensor";
import type { Backend, BackendBuffer, BinaryOp, IndexSite, ReduceOp, UnaryOp, View } from "@flambeau/tensor/internal";
import { allocResult } from "./kernels/arrays.js";
import { binary } from "./kernels/binary.js";
import { assign, copy } from "./kernels/copy.js";
import { gather, scatterAdd } from "./kernels/gather.js";
import { matmul } from "./kernels/matmul.js";
import { argsort } from "./kernels/sort.js";
import { addScaledInPlace } from "./kernels/axpy-wasm.js";
import { reduce } from "./kernels/reduce.js";
import { unary } from "./kernels/unary.js";
import { where } from "./kernels/where.js";
import { checkInt64, toInt64, truncInt64 } from "./kernels/int64.js";
import { checkLive, freeResident, isResident, lendResident, residentFloat32 } from "./wasm/resident.js";

/**
 * The CPU backend: a buffer is the typed array itself, so reads are synchronous. Memory belongs
 * to the garbage collector, except large float32 tensors that live in the kernels' WebAssembly
 * memory (./wasm/resident.ts): the tensor layer tracks those ({@link tracksBuffer}) and frees
 * them through {@link free}. Every primitive is a kernel in `./kernels`.
 */
export class CpuBackend implements Backend {
  readonly name = "cpu";
  readonly canReadSync = true;

  supportsDType(_dtype: DType): boolean {
    return true;
  }

  upload(data: TypedArray, dtype: DType, owned: boolean | "shared"): BackendBuffer {
    const from = dtypeOf(data);
    if (owned === "shared") return data;
    // int64 arrives as a Float64Array of whole numbers; anything else in one is truncated or refused.
    if (dtype === "int64" && from === "float64") return truncInt64(owned ? (data as Float64Array) : (data.slice() as Float64Array));
    if (from === dtype && dtype === "float32") {
      const r = residentFloat32(data.length);
      if (r !== null) return (r.set(data), r);
    }
    if (from === dtype) return owned ? data : data.slice();
    // Another array type: cast through a copy (e.g. numbers to bools become 0/1).
    return copy({ buffer: data, dtype: from, shape: [data.length], strides: [1], offset: 0 }, dtype);
  }

  full(n: number, value: number, dtype: DType): BackendBuffer {
    const out = allocResult(dtype, n);
    // fill casts like a store; bool needs nonzero (NaN included) -> 1.
    if (dtype === "int64") value = toInt64(value, "full");
    return value === 0 ? out : out.fill(dtype === "bool" ? (value !== 0 ? 1 : 0) : value);
  }

  read(buffer: BackendBuffer, dtype: DType, n: number): Promise<TypedArray> {
    return Promise.resolve(this.readSync(buffer, dtype, n));
  }

  readSync(buffer: BackendBuffer, _dtype: DType, n: number): TypedArray {
    return (buffer as TypedArray).slice(0, n);
  }

  /** Whether the tensor layer must free `buffer` (a resident one), as it frees GPU memory. */
  tracksBuffer(buffer: BackendBuffer): boolean {
    return isResident(buffer as TypedArray);
  }

  free(buffer: BackendBuffer): void {
    // The garbage collector owns host memory; a resident block goes back to the heap.
    freeResident(buffer as TypedArray);
  }

  lendHost(buffer: BackendBuffer, view: TypedArray): void {
    lendResident(buffer as TypedArray, view);
  }

  unary(op: UnaryOp, x: View, outDtype: DType): BackendBuffer {
    live(op, x);
    return unary(op, x, outDtype);
  }

  binary(op: BinaryOp, a: View, b: View, computeDtype: DType, outDtype: DType): BackendBuffer {
    live(op, a);
    live(op, b);
    return binary(op, a, b, computeDtype, outDtype);
  }

  where(cond: View, a: View, b: View, outDtype: DType): BackendBuffer {
    live("where", cond);
    live("where", a);
    live("where", b);
    return where(cond, a, b, outDtype);
  }

  reduce(op: ReduceOp, x: View, axes: readonly number[], outDtype: DType): BackendBuffer {
    live(op, x);
    return reduce(op, x, axes, outDtype);
  }

  matmul(a: View, b: View, outDtype: DType): BackendBuffer {
    live("matmul", a);
    live("matmul", b);
    return matmul(a, b, outDtype);
  }

  copy(x: View, outDtype: DType): BackendBuffer {
    live("copy", x);
    return copy(x, outDtype, true);
  }

  assign(dst: View, src: View): void {
    live("copy_", dst);
    live("copy_", src);
    assign(dst, src);
  }

  gather(x: View, dim: number, index: View, outDtype: DType, site?: IndexSite): BackendBuffer {
    live("gather", x);
    live("gather", index);
    return gather(x, dim, index, outDtype, site);
  }

  scatterAdd(shape: readonly number[], dim: number, index: View, src: View, outDtype: DType, site?: IndexSite): BackendBuffer {
    live("scatter_add", index);
    live("scatter_add", src);
    const out = scatterAdd(shape, dim, index, src, outDtype, site);
    if (outDtype === "int64") checkInt64("scatter_add", out);
    return out;
  }

  argsort(x: View, descending: boolean): BackendBuffer {
    live("argsort", x);
    return argsort(x, descending);
  }

  addScaledInPlace(dst: View, src: View, alpha: number): boolean {
    live("add_", dst);
    live("add_", src);
    return addScaledInPlace(dst, src, alpha);
  }
}

/** Refuse operands whose resident memory was freed (a use after dispose, never a silent read). */
function live(op: string, v: View): void {
  checkLive(v.buffer as TypedArray, op);
}

/** The dtype a host array stores. */
function dtypeOf(a: TypedArray): DType {
  if (a instanceof Float32Array) return "float32";
  if (a instanceof Float64Array) return "float64";
  return a instanceof Int32Array ? "int32" : "bool";
}
