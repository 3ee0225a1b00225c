import { Tensor, from, stack, tensor, type TypedArray } from "@flambeau/tensor";

/**
 * The type `default_collate` makes of a batch of `T`s: tensors gain a batch dimension, numbers
 * and booleans become 1-D tensors, strings stay a list, and arrays, tuples, `Map`s and plain
 * objects are collated field by field (a tuple of tensors stays a tuple of batched tensors).
 */
export type Collated<T> = T extends Tensor | number | boolean | TypedArray
  ? Tensor
  : T extends string
    ? string[]
    : T extends readonly unknown[]
      ? { -readonly [K in keyof T]: Collated<T[K]> }
      : T extends ReadonlyMap<infer K, infer V>
        ? Map<K, Collated<V>>
        : T extends object
          ? { -readonly [K in keyof T]: Collated<T[K]> }
          : never;

const ERR = "default_collate: batch must contain tensors, typed arrays, numbers, booleans, strings, arrays, maps or objects; found";

/**
 * Merge a list of samples into a batch, as PyTorch's `default_collate` (the `DataLoader`'s
 * default `collate_fn`):
 *
 * - tensors are stacked along a new first dimension (same shape required);
 * - numbers become one tensor: `int32` when all are integers (PyTorch's `int64`, which Flambeau
 *   stores as `int32`), otherwise `float64` as PyTorch's Python floats (JavaScript cannot tell
 *   `1.0` from `1`: write integral floats into a tensor in the dataset to get float32);
 * - booleans become a `bool` tensor; typed arrays are read as tensors and stacked (NumPy arrays in PyTorch);
 * - strings are returned as the list they are;
 * - arrays and tuples are transposed and collated position by position into an array
 *   (PyTorch also returns a list for tuples), after checking they have equal lengths;
 * - `Map`s and plain objects are collated key by key, over the keys of the first sample.
 *
 * @example
 * ```ts
 * default_collate([[torch.tensor([1, 2]), 0], [torch.tensor([3, 4]), 1]]);
 * // [tensor([[1, 2], [3, 4]]), tensor([0, 1])]
 * default_collate([{ x: 0.5, name: "a" }, { x: 1.5, name: "b" }]);
 * // { x: tensor([0.5, 1.5], dtype=float64), name: ["a", "b"] }
 * ```
 */
export function default_collate<T>(batch: readonly T[]): Collated<T> {
  return collate(batch) as Collated<T>;
}

/**
 * A sample's typed array as a tensor: shared where Flambeau has its dtype (float32, float64,
 * int32). NumPy's smaller integers (a uint8 image, int8, int16, uint16) have no Flambeau dtype:
 * they become int32 with the same values (PyTorch keeps uint8, ...), not the bool tensor
 * `from` reads a `Uint8Array` as, which turned 200 into true.
 */
function sampleTensor(a: TypedArray): Tensor {
  const small = a instanceof Uint8Array || a instanceof Uint8ClampedArray || a instanceof Int8Array || a instanceof Int16Array || a instanceof Uint16Array;
  return from(small ? Int32Array.from(a as ArrayLike<number>) : a);
}

function collate(batch: readonly unknown[]): unknown {
  if (batch.length === 0) throw new RangeError("default_collate: cannot collate an empty batch");
  const elem = batch[0];
  if (elem instanceof Tensor) return stack(batch as Tensor[], 0);
  if (ArrayBuffer.isView(elem) && !(elem instanceof DataView))
    return stack(batch.map((a) => sampleTensor(a as TypedArray)), 0);
  if (typeof elem === "number") {
    const ints = batch.every((x) => Number.isInteger(x));
    return tensor(batch as number[], { dtype: ints ? "int32" : "float64" });
  }
  if (typeof elem === "boolean") return tensor(batch as boolean[], { dtype: "bool" });
  if (typeof elem === "string") return batch.slice();
  if (Array.isArray(elem)) {
    const size = elem.length;
    if (!batch.every((b) => Array.isArray(b) && b.length === size))
      throw new Error("each element in list of batch should be of equal size");
    return Array.from({ length: size }, (_, i) => collate(batch.map((b) => (b as unknown[])[i])));
  }
  if (elem instanceof Map) {
    const out = new Map<unknown, unknown>();
    for (const key of elem.keys()) out.set(key, collate(batch.map((b) => (b as Map<unknown, unknown>).get(key))));
    return out;
  }
  if (isPlainObject(elem)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(elem)) out[key] = collate(batch.map((b) => (b as Record<string, unknown>)[key]));
    return out;
  }
  throw new TypeError(`${ERR} ${describe(elem)}`);
}

/**
 * What the `DataLoader` applies to each sample when batching is off (`batch_size: null`),
 * as PyTorch's `default_convert`: typed arrays become tensors, containers are converted
 * element by element, everything else is returned as it is.
 *
 * @example
 * ```ts
 * default_convert([new Float32Array([1, 2]), 3]); // [tensor([1., 2.]), 3]
 * ```
 */
export function default_convert<T>(data: T): unknown {
  if (data instanceof Tensor) return data;
  if (ArrayBuffer.isView(data) && !(data instanceof DataView)) return sampleTensor(data as unknown as TypedArray);
  if (Array.isArray(data)) return data.map((d) => default_convert(d));
  if (data instanceof Map) return new Map([...data].map(([k, v]) => [k, default_convert(v)]));
  if (isPlainObject(data))
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, default_convert(v)]));
  return data;
}

// Only objects made by literals or Object.create(null) are collated key by key; class
// instances are not containers the collate function can rebuild.
function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== "object") return false;
  const proto = Object.getPrototypeOf(x) as object | null;
  return proto === Object.prototype || proto === null;
}

function describe(x: unknown): string {
  if (x === null) return "null";
  if (typeof x === "object") return (x as object).constructor?.name ?? "object";
  return typeof x;
}
