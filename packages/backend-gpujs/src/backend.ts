import type { DType, Shape, TypedArray } from "@flambeau/tensor";
import {
  allocArray, type Backend, type BackendBuffer, type BinaryOp, type IndexSite, type ReduceOp, type UnaryOp, type View,
  freedBufferError,
} from "@flambeau/tensor/internal";
import { canReadAsync, readAsync } from "./async-read.js";
import { checkIndexRange, checkNonzeroDivisor } from "./data-checks.js";
import { GLBuffer, hostValues } from "./buffer.js";
import { binaryCode } from "./kernels/binary-ops.js";
import { assign, copy } from "./kernels/copy.js";
import { full, upload } from "./kernels/fill.js";
import { gather, scatterAdd } from "./kernels/gather.js";
import { map, knownValue } from "./kernels/map.js";
import { matmul } from "./kernels/matmul.js";
import { reduce } from "./kernels/reduce.js";
import { unaryCode } from "./kernels/unary-ops.js";
import { runtime } from "./runtime.js";
import { castValue, fromTexels } from "./values.js";

/**
 * The gpu.js backend: every primitive is a gpu.js kernel on one shared WebGL context (WebGL2
 * or WebGL in browsers, headless-gl in Node), and a buffer is a float32 texture that stays on
 * the GPU between ops. Reads are synchronous (`readPixels`), so `dataSync()` works here, and on
 * WebGL2 `await data()` reads without blocking the page.
 * Textures are deleted when their tensors are freed (`needsFree`).
 *
 * Importing the package registers one instance as device "gpujs"; use the device, not the
 * class, in programs.
 *
 * @example
 * ```ts
 * import "@flambeau/backend-gpujs";
 * const y = torch.ones([2, 3], { device: "gpujs" }).mul(2).sum(1); // kernels on the GPU
 * y.dataSync(); // Float32Array [6, 6]
 * ```
 */
export class GpujsBackend implements Backend {
  readonly name = "gpujs";
  readonly canReadSync = true;
  readonly needsFree = true;

  // The tensor layer refuses float64 and int64 here wherever a tensor is made, cast or moved, so no
  // primitive below ever receives it.
  supportsDType(dtype: DType): boolean {
    return dtype !== "float64" && dtype !== "int64";
  }

  upload(data: TypedArray, dtype: DType, _owned: boolean): BackendBuffer {
    return upload(data, dtype);
  }

  full(n: number, value: number, dtype: DType): BackendBuffer {
    return full(n, value, dtype);
  }

  read(buffer: BackendBuffer, dtype: DType, n: number): Promise<TypedArray> {
    const b = buffer as GLBuffer;
    const gl = runtime().context;
    // WebGL2 reads without blocking; the read is queued now, so later writes do not change it.
    if (n > 0 && b.value === undefined && b.data !== null && !ArrayBuffer.isView(b.data) && canReadAsync(gl))
      return readAsync(gl, b.data, n).then((values) => fromTexels(values, dtype));
    try {
      return Promise.resolve(this.readSync(buffer, dtype, n));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  readSync(buffer: BackendBuffer, dtype: DType, n: number): TypedArray {
    const b = buffer as GLBuffer;
    if (n === 0) return allocArray(dtype, 0);
    if (b.value !== undefined) return fill(allocArray(dtype, n), b.value);
    if (b.data === null) throw freedBufferError("gpujs");
    return fromTexels(hostValues(b.data, n), dtype);
  }

  free(buffer: BackendBuffer): void {
    (buffer as GLBuffer).free();
  }

  unary(op: UnaryOp, x: View, outDtype: DType): BackendBuffer {
    return map(`u:${op}`, unaryCode(op), ["x"], [{ view: x, readAs: x.dtype }], x.shape, outDtype);
  }

  binary(op: BinaryOp, a: View, b: View, computeDtype: DType, outDtype: DType): BackendBuffer {
    const integral = computeDtype === "int32" || computeDtype === "bool";
    const k = knownValue(b);
    const exponent = op === "pow" && k !== undefined ? castValue(k, computeDtype) : undefined;
    if (integral && (op === "floor_divide" || op === "remainder" || op === "fmod")) checkNonzeroDivisor(b);
    const code = binaryCode(op, integral, exponent);
    const name = `b:${op}${integral ? ":int" : ""}${exponent !== undefined && !integral ? `:^${exponent}` : ""}`;
    return map(name, code, ["x", "y"], [{ view: a, readAs: computeDtype }, { view: b, readAs: computeDtype }], a.shape, outDtype);
  }

  where(cond: View, a: View, b: View, outDtype: DType): BackendBuffer {
    const operands = [
      { view: cond, readAs: cond.dtype },
      { view: a, readAs: a.dtype },
      { view: b, readAs: b.dtype },
    ];
    return map("where", "if (c != 0) { r = a; } else { r = b; }", ["c", "a", "b"], operands, cond.shape, outDtype);
  }

  reduce(op: ReduceOp, x: View, axes: readonly number[], outDtype: DType): BackendBuffer {
    return reduce(op, x, axes, outDtype, copy, full);
  }

  matmul(a: View, b: View, outDtype: DType): BackendBuffer {
    return matmul(a, b, outDtype, full);
  }

  copy(x: View, outDtype: DType): BackendBuffer {
    return copy(x, outDtype);
  }

  assign(dst: View, src: View): void {
    assign(dst, src);
  }

  gather(x: View, dim: number, index: View, outDtype: DType, site?: IndexSite): BackendBuffer {
    checkIndexRange("gather", site, index, dim, x.shape.length === 0 ? 1 : x.shape[dim]!);
    return gather(x, dim, index, outDtype);
  }

  scatterAdd(shape: Shape, dim: number, index: View, src: View, outDtype: DType, site?: IndexSite): BackendBuffer {
    checkIndexRange("scatter_add", site, index, dim, shape.length === 0 ? 1 : shape[dim]!);
    return scatterAdd(shape, dim, index, src, outDtype);
  }
}

function fill(out: TypedArray, value: number): TypedArray {
  return value === 0 ? out : out.fill(value);
}
