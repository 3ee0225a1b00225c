import type { BackendBuffer, Backend } from "../backend.js";
import { castScalar, scalarDType, type DType } from "../dtype.js";
import { Storage } from "../storage.js";
import { Tensor } from "../tensor.js";
import type { Device } from "../device.js";
import { getBackend } from "../device.js";
import { checkOperand } from "./checks.js";

/** Wrap a fresh contiguous buffer as a tensor. */
export function wrap(backend: Backend, buffer: BackendBuffer, dtype: DType, shape: readonly number[]): Tensor {
  let size = 1;
  for (let i = 0; i < shape.length; i++) size *= shape[i]!;
  return new Tensor(new Storage(backend, buffer, dtype, size), shape);
}

/** A view sharing `base`'s storage, with autograd's view bookkeeping. */
export function viewOf(base: Tensor, shape: readonly number[], strides: readonly number[], offset: number): Tensor {
  const t = new Tensor(base._storage, shape, strides, offset);
  t._base = base._base ?? base;
  return t;
}

// Constants such as learning rates recur every step; caching their 0-d buffers per device and
// dtype keeps the per-op overhead of `x.mul(0.01)` down to a map lookup.
const constants = new Map<Backend, Record<DType, Map<number, Tensor>>>();
const MAX_CONSTANTS = 256;

/** A 0-d constant tensor on `backend`; shared, so callers must never write to it. */
export function constant(backend: Backend, value: number, dtype: DType): Tensor {
  let perBackend = constants.get(backend);
  if (perBackend === undefined) {
    perBackend = { float32: new Map(), float64: new Map(), int32: new Map(), int64: new Map(), bool: new Map() };
    constants.set(backend, perBackend);
  }
  const cache = perBackend[dtype];
  // Map keys treat -0 as 0; negative zero is rare enough to skip the cache.
  if (Object.is(value, -0)) return wrap(backend, backend.full(1, -0, dtype), dtype, []);
  let t = cache.get(value);
  if (t === undefined) {
    t = wrap(backend, backend.full(1, castScalar(value, dtype), dtype), dtype, []);
    // A full cache stops growing rather than starting over: cached constants outlive memory
    // scopes, so dropped ones would wait for the garbage collector (scope.ts). Uncached ones
    // are freed with the scope that made them.
    if (cache.size < MAX_CONSTANTS) {
      t._storage._kept = true;
      cache.set(value, t);
    }
  }
  return t;
}

/**
 * An operand of an op as a tensor: a Tensor as it is, a number or boolean as a constant of
 * `dtype` on `backend`. Anything else (`undefined`, an array, a string) is a TypeError naming
 * the op and the argument: every op that accepts scalars converts them here, so none can turn
 * a bad operand into NaN.
 */
export function operand(op: string, name: string, v: unknown, backend: Backend, dtype: DType): Tensor {
  if (v instanceof Tensor) return v;
  checkOperand(op, name, v);
  return constant(backend, typeof v === "boolean" ? +v : (v as number), dtype);
}

/** A JavaScript scalar as a constant on `like`'s device with the dtype PyTorch infers for it. */
export function scalarOn(like: Tensor, v: number | boolean, dtype: DType = scalarDType(v)): Tensor {
  return constant(like._storage.backend, typeof v === "boolean" ? (v ? 1 : 0) : v, dtype);
}

export function backendOf(device: Device | string): Backend {
  return getBackend(device);
}
