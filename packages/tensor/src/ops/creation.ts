import { allocArray, fitsInt32, fitsInt64, scalarDType, type DType, type TypedArray } from "../dtype.js";
import { defaultDevice, getBackend, toDevice, type DeviceLike } from "../device.js";
import { numel } from "../shape.js";
import { checkOptions, isOptions, optionKeys } from "../keywords.js";
import { Tensor } from "../tensor.js";
import { checkDType, checkIntegerValue, checkSize, describeValue } from "./checks.js";
import { wrap } from "./make.js";
import { dtypeNotSupported } from "../errors.js";

/** Keyword arguments of the factory functions (`torch.zeros(2, 3, { dtype: "float64" })`). */
export interface TensorOptions {
  dtype?: DType;
  device?: DeviceLike;
  requires_grad?: boolean;
}

/** A nested array of numbers or booleans, as `torch.tensor` accepts. */
export type NestedData = number | boolean | readonly NestedData[] | TypedArray;

/** Upload host data as a new tensor on the requested device; `op` names the creator in errors. */
export function fromHost(data: TypedArray, dtype: DType, shape: readonly number[], options: TensorOptions, owned: boolean | "shared", op: string | null = null): Tensor {
  const device = options.device !== undefined ? toDevice(options.device) : defaultDevice();
  const backend = getBackend(device);
  if (!backend.supportsDType(dtype)) throw dtypeNotSupported(op, device, dtype);
  const t = wrap(backend, backend.upload(data, dtype, owned), dtype, shape);
  if (options.requires_grad) t.requires_grad_(true);
  return t;
}

function dtypeOfArray(a: TypedArray): DType {
  if (a instanceof Float32Array) return "float32";
  if (a instanceof Float64Array) return "float64";
  return "int32";
}

/**
 * Refuse what `from`/`from_numpy` cannot wrap: anything but a typed array, and NumPy's `int64`
 * in JavaScript (`BigInt64Array`), whose bits an `int64` tensor (held as doubles, exact to
 * 2^53 − 1) cannot share; the message says how to make the copy instead.
 */
function checkHostArray(op: string, data: unknown): void {
  if (data instanceof BigInt64Array || data instanceof BigUint64Array)
    throw new TypeError(
      `${op}(): a ${data.constructor.name} cannot share memory with a tensor (int64 tensors hold their values as doubles, exact to 2^53 - 1); ` +
        `copy it instead: torch.tensor(Array.from(array, Number), { dtype: "int64" })`,
    );
  if (!ArrayBuffer.isView(data) || data instanceof DataView)
    throw new TypeError(`${op}(): expected a typed array (Float32Array, Float64Array, Int32Array, Uint8Array, ...), but got ${describeValue(data)}`);
}

/** Whether the device that `options` names (or the default one) holds `int64`: the CPU does. */
function hasInt64(options: TensorOptions): boolean {
  return getBackend(options.device !== undefined ? toDevice(options.device) : defaultDevice()).supportsDType("int64");
}

/** Host values as `dtype` stores them: `int64` (a double) truncates as an integer store does. */
function hostArray(dtype: DType, n: number, value: (i: number) => number): TypedArray {
  const host = allocArray(dtype, n);
  if (dtype === "int64") for (let i = 0; i < n; i++) host[i] = Math.trunc(value(i));
  else for (let i = 0; i < n; i++) host[i] = value(i);
  return host;
}

/**
 * `torch.tensor(data)`: a new tensor copying `data` (a number, boolean, nested array or typed
 * array). Whole numbers give `int32` when they all fit it, else `int64` up to 2^53 - 1 on the
 * CPU (PyTorch gives `int64` for every whole number; see docs/design.md), else `float32`, as
 * any fraction does (and whole numbers with `requires_grad`); booleans give `bool`. An explicit
 * integer dtype refuses values it cannot hold exactly.
 *
 * @example
 * ```ts
 * const x = torch.tensor([[73, 67, 43], [91, 88, 64]], { dtype: "float32" });
 * torch.tensor([3e9]); // tensor([3000000000]), int64
 * ```
 */
export function tensor(data: NestedData, options: TensorOptions = {}): Tensor {
  if (options.dtype !== undefined) checkDType("tensor", options.dtype);
  if (data instanceof Tensor) return data.detach().clone().requires_grad_(options.requires_grad ?? false);
  if (ArrayBuffer.isView(data)) {
    const dtype = options.dtype ?? dtypeOfArray(data);
    if ((dtype === "int32" && !(data instanceof Int32Array)) || dtype === "int64") for (const v of data) checkIntegerValue("tensor", v, dtype);
    const copy = dtype === "int64" ? hostArray(dtype, data.length, (i) => data[i]!) : allocArray(dtype, data.length);
    if (dtype !== "int64") copy.set(data as ArrayLike<number>);
    return fromHost(copy, dtype, [data.length], options, true, "tensor");
  }
  const shape: number[] = [];
  let probe: NestedData = data;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0] as NestedData;
  }
  const flat: (number | boolean)[] = [];
  let kind = 0; // 0 bool, 1 int32, 2 int64 (whole, past int32), 3 float
  let sawValue = false;
  const walk = (v: NestedData, dim: number): void => {
    if (dim === shape.length) {
      if (Array.isArray(v)) throw new Error(`tensor(): too many dimensions at depth ${dim}`);
      if (typeof v === "boolean") sawValue = true;
      else if (typeof v === "number") {
        kind = Math.max(kind, fitsInt32(v) ? 1 : fitsInt64(v) ? 2 : 3);
        sawValue = true;
      } else throw new TypeError(`tensor(): could not infer dtype of ${describeValue(v)}`);
      flat.push(v as number | boolean);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[dim])
      throw new Error(`expected sequence of length ${shape[dim]} at dim ${dim} (got ${Array.isArray(v) ? v.length : "a scalar"})`);
    for (const e of v) walk(e, dim + 1);
  };
  walk(data, 0);
  // JavaScript has no 1.0 distinct from 1: whole numbers give an integer dtype as in PyTorch,
  // unless the tensor is to require grad, which only floating tensors can. They give int32
  // when they fit it (fast, and what the GPUs hold), int64 past it where the device has it.
  if (kind === 2 && !hasInt64(options)) kind = 3;
  const inferred: DType =
    !sawValue || kind === 3 || (kind > 0 && options.requires_grad) ? "float32" : kind === 2 ? "int64" : kind === 1 ? "int32" : "bool";
  if (kind > 0 && flat.some((v) => typeof v === "boolean"))
    for (let i = 0; i < flat.length; i++) flat[i] = +flat[i]!;
  const dtype = options.dtype ?? inferred;
  if (dtype === "int32" || dtype === "int64") for (const v of flat) checkIntegerValue("tensor", +v, dtype);
  if (options.dtype === undefined && dtype === "float32") checkFloat32Range(flat);
  return fromHost(hostArray(dtype, flat.length, (i) => +flat[i]!), dtype, shape, options, true, "tensor");
}

// A literal float32 can only hold as infinity (`tensor([1e40])`, which PyTorch reads as an
// int64 it cannot hold either) would be lost silently: refuse it and name the wider dtype.
function checkFloat32Range(flat: readonly (number | boolean)[]): void {
  for (const v of flat)
    if (typeof v === "number" && Number.isFinite(v) && !Number.isFinite(Math.fround(v)))
      throw new RangeError(`tensor(): value ${v} is out of range for float32, the dtype inferred; pass { dtype: "float64" } on a device that has it`);
}

/**
 * A tensor over an existing typed array, without a copy on the CPU (`torch.from_numpy`).
 * Writes through the tensor show in the array and the other way round. A `Float32Array`,
 * `Float64Array` or `Int32Array` keeps its type; a `Uint8Array` is read as bool (nonzero is
 * true: Flambeau's bool storage); other integer arrays are copied to int32, and a `Uint32Array`
 * value past int32 is refused rather than wrapped.
 *
 * @example
 * ```ts
 * torch.from(new Float32Array([1, 2, 3, 4]), [2, 2]); // shares the array
 * ```
 */
export function from(data: TypedArray, shape: readonly number[] = [data?.length], options: Omit<TensorOptions, "dtype"> = {}): Tensor {
  checkHostArray("from", data);
  if (numel(shape) !== data.length)
    throw new Error(`from(): shape [${shape.join(", ")}] is invalid for an array of ${data.length} elements`);
  const view: ArrayBufferView = data; // JavaScript callers may pass any typed array
  if (view instanceof Uint32Array)
    for (const v of view)
      if (v > 0x7fffffff)
        throw new RangeError(`from(): a Uint32Array value ${v} does not fit int32, the dtype it becomes; copy it instead: torch.tensor(Array.from(array), { dtype: "int64" }) on the CPU`);
  const dtype = data instanceof Uint8Array ? "bool" : dtypeOfArray(data);
  const host = dtype === "int32" && !(data instanceof Int32Array) ? Int32Array.from(data as ArrayLike<number>) : data;
  return fromHost(host, dtype, shape, options, host === data ? "shared" : true);
}

/**
 * `torch.from_numpy(array)`: a tensor sharing memory with a typed array, shaped by the array's
 * `shape` when it has one (as the arrays of `torch.np.random` do), else 1-D. A `Float32Array`
 * gives float32, a `Float64Array` float64 (as in PyTorch) and an `Int32Array` int32; writes
 * through either side show in the other.
 *
 * Other typed arrays are refused, as none can be shared: NumPy's uint8, int8 and int16 have no
 * Flambeau dtype (a `Uint8Array` is not read as bool, which would turn 2 into true), an int32
 * copy would break the sharing, and PyTorch refuses uint16 and uint32 too. Copy them instead:
 * `torch.tensor(Array.from(array))`.
 *
 * @example
 * ```ts
 * const inputs = new Float32Array([73, 67, 43, 91, 88, 64]);
 * torch.from_numpy(inputs).reshape(2, 3);
 * torch.tensor(Array.from(new Uint8Array([0, 2, 255]))); // int32 [0, 2, 255], a copy
 * ```
 */
export function from_numpy(array: (Float32Array | Float64Array | Int32Array) & { readonly shape?: readonly number[] }): Tensor {
  checkHostArray("from_numpy", array);
  if (!(array instanceof Float32Array || array instanceof Float64Array || array instanceof Int32Array)) {
    const kind = (array as ArrayBufferView).constructor.name;
    throw new TypeError(
      `from_numpy(): ${/^I/.test(kind) ? "an" : "a"} ${kind} cannot share memory with a tensor (Flambeau's dtypes are float32, float64, int32, int64 and bool, ` +
        `and shares Float32Array, Float64Array and Int32Array); copy it instead: torch.tensor(Array.from(array)) for int32 values, ` +
        `or torch.tensor(Array.from(array, Boolean)) for a mask`,
    );
  }
  return from(array, array.shape ?? [array.length]);
}

/** The keywords of the size-taking factories (`zeros`, `ones`, `empty`); `rand`/`randn` add `generator`. */
export const FACTORY_KEYS = ["size", "dtype", "device", "requires_grad"] as const;
for (const op of ["zeros", "ones", "empty"]) optionKeys(op, FACTORY_KEYS);

/**
 * Split PyTorch-style variadic sizes (`zeros(2, 3)`, `zeros([2, 3])` or `zeros({ size: [2, 3] })`)
 * from a trailing options object, whose keys are checked against `accepted`.
 */
export function parseSize<O extends object>(op: string, args: readonly unknown[], accepted: readonly string[] = FACTORY_KEYS): [number[], O] {
  let options = {} as O;
  let parts = args;
  const last = args[args.length - 1];
  if (isOptions(last)) {
    checkOptions(op, last, accepted);
    options = last as O;
    parts = args.slice(0, -1);
    if (last.size !== undefined) {
      if (parts.length > 0) throw new TypeError(`${op}() got multiple values for argument 'size' (by position and in the options object)`);
      parts = [last.size];
    }
  }
  const shape = parts.length === 1 && Array.isArray(parts[0]) ? (parts[0] as readonly number[]).slice() : (parts as number[]).slice();
  checkSize(op, shape);
  return [shape, options];
}

/** The ways a creation op takes its size, as PyTorch's: `zeros(2, 3)`, `zeros([2, 3])`, `zeros([2, 3], { dtype })`, `zeros(2, 3, { dtype })` or `zeros({ size: [2, 3] })`. */
export type SizeArgs = [readonly number[], TensorOptions?] | number[] | [...number[], TensorOptions] | [TensorOptions & { size: readonly number[] }];

/** `torch.full(size, fill_value)`; the dtype follows the fill value unless given. */
export function full(size: readonly number[], fill_value: number | boolean, options: TensorOptions = {}, op = "full"): Tensor {
  if (!Array.isArray(size)) throw new TypeError(`${op}(): argument 'size' must be an array of sizes, not ${describeValue(size)}`);
  checkSize(op, size);
  if (typeof fill_value !== "number" && typeof fill_value !== "boolean")
    throw new TypeError(`${op}(): argument 'fill_value' must be a number or boolean, not ${describeValue(fill_value)}`);
  if (options.dtype !== undefined) checkDType(op, options.dtype);
  const device = options.device !== undefined ? toDevice(options.device) : defaultDevice();
  const backend = getBackend(device);
  const dtype = options.dtype ?? scalarDType(fill_value, backend.supportsDType("int64"));
  checkIntegerValue(op, +fill_value, dtype);
  if (!backend.supportsDType(dtype)) throw dtypeNotSupported(op, device, dtype);
  const t = wrap(backend, backend.full(numel(size), +fill_value, dtype), dtype, size.slice());
  if (options.requires_grad) t.requires_grad_(true);
  return t;
}

/**
 * `torch.zeros`: a tensor of zeros.
 *
 * @example
 * ```ts
 * torch.zeros(2, 3);
 * torch.zeros([2, 3], { dtype: "int32" });
 * ```
 */
export function zeros(...args: SizeArgs): Tensor {
  const [shape, options] = parseSize<TensorOptions>("zeros", args);
  return full(shape, 0, { ...options, dtype: options.dtype ?? "float32" }, "zeros");
}

/** `torch.ones`: a tensor of ones. */
export function ones(...args: SizeArgs): Tensor {
  const [shape, options] = parseSize<TensorOptions>("ones", args);
  return full(shape, 1, { ...options, dtype: options.dtype ?? "float32" }, "ones");
}

/** `torch.empty`: an uninitialised tensor (zeros here: typed arrays are always initialised). */
export function empty(...args: SizeArgs): Tensor {
  const [shape, options] = parseSize<TensorOptions>("empty", args);
  return full(shape, 0, { ...options, dtype: options.dtype ?? "float32" }, "empty");
}

/** `torch.eye(n, m?)`: ones on the diagonal. */
export function eye(n: number, m?: number | null | TensorOptions, options: TensorOptions = {}): Tensor {
  if (typeof m === "object" && m !== null) return eye(n, n, m); // internal callers' `eye(n, { device })`
  const cols = m ?? n;
  for (const [name, v] of [["n", n], ["m", cols]] as const) {
    if (typeof v !== "number" || !Number.isInteger(v)) throw new TypeError(`eye(): argument '${name}' must be a whole number, not ${describeValue(v)}`);
    if (v < 0) throw new Error(`eye(): ${name} must be greater or equal to 0, got ${v}`);
  }
  if (options.dtype !== undefined) checkDType("eye", options.dtype);
  const dtype = options.dtype ?? "float32";
  const host = allocArray(dtype, n * cols); // zeros and ones: exact in every dtype
  for (let i = 0; i < Math.min(n, cols); i++) host[i * cols + i] = 1;
  return fromHost(host, dtype, [n, cols], options, true, "eye");
}

/**
 * `torch.arange(start, end, step)` (or `arange(end)`): values from `start` up to, not
 * including, `end`. Integer arguments give `int32`, or `int64` on the CPU when a value does not
 * fit `int32` (PyTorch: `int64` always), otherwise `float32`.
 */
export function arange(start?: number, end?: number | null | TensorOptions, step?: number, options: TensorOptions = {}): Tensor {
  if (typeof end === "object" && end !== null) return arange(0, start, step, end); // internal callers' `arange(n, { device })`
  // `arange(end)`: a single number is the end (the signature binds it to `start`).
  let s = start ?? 0, e = end ?? undefined;
  if (e === undefined) {
    if (start === undefined) throw new TypeError("arange() missing required argument 'end'");
    [s, e] = [0, start];
  }
  const st = step ?? 1;
  for (const v of [s, e, st])
    if (typeof v !== "number") throw new TypeError(`arange(): start, end and step must be numbers, got ${describeValue(v)}`);
  if (![s, e, st].every(Number.isFinite)) throw new Error(`arange(): unsupported range: ${s} -> ${e} (step ${st})`);
  if (st === 0) throw new Error("arange(): step must be nonzero");
  if ((e - s) / st < 0) throw new Error("arange(): upper bound and larger bound inconsistent with step sign");
  const n = Math.ceil((e - s) / st);
  if (options.dtype !== undefined) checkDType("arange", options.dtype);
  // Whole-number bounds give an integer dtype as in PyTorch: int32 when every value fits it,
  // else int64 where the device has it.
  const last = s + Math.max(n - 1, 0) * st;
  const dtype = options.dtype ??
    ([s, e, st, last].every(fitsInt32) ? "int32" : [s, e, st, last].every(fitsInt64) && hasInt64(options) ? "int64" : "float32");
  if (n > 0) checkIntegerValue("arange", last, dtype);
  return fromHost(hostArray(dtype, n, (i) => s + i * st), dtype, [n], options, true, "arange");
}

/** `torch.linspace(start, end, steps)`: `steps` evenly spaced values, both ends included. */
export function linspace(start: number, end: number, steps: number, options: TensorOptions = {}): Tensor {
  if (typeof steps !== "number" || !Number.isInteger(steps)) throw new TypeError(`linspace(): argument 'steps' must be a whole number, not ${describeValue(steps)}`);
  if (steps < 0) throw new Error("linspace(): number of steps must be non-negative");
  if (options.dtype !== undefined) checkDType("linspace", options.dtype);
  const dtype = options.dtype ?? "float32";
  const step = steps > 1 ? (end - start) / (steps - 1) : 0;
  // PyTorch fills the second half backwards from `end` so both ends are exact.
  const half = Math.floor(steps / 2);
  return fromHost(hostArray(dtype, steps, (i) => (i < half ? start + step * i : end - step * (steps - i - 1))), dtype, [steps], options, true, "linspace");
}

/** Options of the `*_like` factories: dtype and device default to those of the model tensor. */
function likeOptions(x: Tensor, options: TensorOptions): TensorOptions {
  return { dtype: x.dtype, device: x.device, ...options };
}

/** `torch.zeros_like`. */
export function zeros_like(x: Tensor, options: TensorOptions = {}): Tensor {
  return full(x.shape, 0, likeOptions(x, options));
}
/** `torch.ones_like`. */
export function ones_like(x: Tensor, options: TensorOptions = {}): Tensor {
  return full(x.shape, 1, likeOptions(x, options));
}
/** `torch.empty_like`. */
export function empty_like(x: Tensor, options: TensorOptions = {}): Tensor {
  return zeros_like(x, options);
}
/** `torch.full_like`. */
export function full_like(x: Tensor, fill_value: number | boolean, options: TensorOptions = {}): Tensor {
  return full(x.shape, fill_value, likeOptions(x, options));
}
