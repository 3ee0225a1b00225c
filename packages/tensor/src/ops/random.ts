import { allocArray, isFloating, type DType } from "../dtype.js";
import { Generator, default_generator } from "../random/index.js";
import { Tensor } from "../tensor.js";
import { checkDType, checkSize } from "./checks.js";
import { FACTORY_KEYS, fromHost, parseSize, type TensorOptions } from "./creation.js";
import { checkInPlace } from "./inplace.js";
import { optionKeys } from "../keywords.js";

/** The `generator` keyword of the random functions. */
export interface GeneratorOption {
  generator?: Generator;
}
/** A random creation op's options: `dtype`, `device`, `requires_grad` and a seeded `generator`. */
export type RandomOptions = TensorOptions & GeneratorOption;

// Random numbers are drawn on the host by the MT19937 generator, so every device sees the
// same stream as PyTorch's CPU for a given seed (Decision 8), then uploaded. The generator
// checks the distribution's parameters (bounds, std, p, n) before it draws or anything is written.
function floatOptions(op: string, options: RandomOptions): DType {
  const dtype = options.dtype ?? "float32";
  checkDType(op, dtype);
  if (!isFloating(dtype)) throw new Error(`${op}: expected a floating point dtype, got ${dtype}`);
  return dtype;
}

type SizeArgs = [readonly number[], RandomOptions?] | number[] | [...number[], RandomOptions] | [RandomOptions & { size: readonly number[] }];
const RANDOM_KEYS = [...FACTORY_KEYS, "generator"];
for (const op of ["rand", "randn"]) optionKeys(op, RANDOM_KEYS);

/**
 * `torch.rand`: uniform samples in `[0, 1)`, the same stream as PyTorch for the same seed.
 *
 * @example
 * ```ts
 * torch.manual_seed(0);
 * torch.rand(3); // the values torch.rand(3) gives after torch.manual_seed(0)
 * ```
 */
export function rand(...args: SizeArgs): Tensor {
  const [shape, options] = parseSize<RandomOptions>("rand", args, RANDOM_KEYS);
  const dtype = floatOptions("rand", options);
  const host = allocArray(dtype, shape.reduce((a, b) => a * b, 1)) as Float32Array | Float64Array;
  (options.generator ?? default_generator).uniformFill(host, 0, 1);
  return fromHost(host, dtype, shape, options, true);
}

/** `torch.randn`: standard normal samples, the same stream as PyTorch for the same seed. */
export function randn(...args: SizeArgs): Tensor {
  const [shape, options] = parseSize<RandomOptions>("randn", args, RANDOM_KEYS);
  const dtype = floatOptions("randn", options);
  const host = allocArray(dtype, shape.reduce((a, b) => a * b, 1)) as Float32Array | Float64Array;
  (options.generator ?? default_generator).normalFill(host, 0, 1);
  return fromHost(host, dtype, shape, options, true);
}

/** `torch.randint(low, high, size)` or `torch.randint(high, size)`: integers in `[low, high)`. */
export function randint(low: number | undefined, high: number | readonly number[], size?: readonly number[], options: RandomOptions = {}): Tensor {
  // `randint(high, size)`: the signature binds the two to `low` and `high`.
  if (Array.isArray(high)) return randint(0, low!, high, options);
  if (low === undefined) low = 0;
  const shape = (size as number[]) ?? [];
  checkSize("randint", shape);
  const hi = high as number;
  if (options.dtype !== undefined) checkDType("randint", options.dtype);
  const dtype = options.dtype ?? "int32";
  const host = allocArray(dtype, shape.reduce((a, b) => a * b, 1));
  (options.generator ?? default_generator).randintFill(host, low, hi);
  return fromHost(host, dtype, shape, options, true);
}

/** `torch.randperm(n)`: a random permutation of `0..n-1`. */
export function randperm(n: number, options: RandomOptions = {}): Tensor {
  const perm = (options.generator ?? default_generator).randperm(n);
  if (options.dtype !== undefined) checkDType("randperm", options.dtype);
  const dtype = options.dtype ?? "int32";
  const host = dtype === "int32" ? perm : allocArray(dtype, n);
  if (host !== perm) host.set(perm);
  return fromHost(host, dtype, [n], options, true);
}

/** `torch.rand_like`. */
export function rand_like(x: Tensor, options: RandomOptions = {}): Tensor {
  return rand(x.shape.slice(), { dtype: x.dtype, device: x.device, ...options });
}
/** `torch.randn_like`. */
export function randn_like(x: Tensor, options: RandomOptions = {}): Tensor {
  return randn(x.shape.slice(), { dtype: x.dtype, device: x.device, ...options });
}

function fillInPlace(op: string, x: Tensor, fill: (host: Float32Array | Float64Array) => void): Tensor {
  checkInPlace(op, x);
  if (!isFloating(x.dtype)) throw new Error(`${op} expects a floating point tensor, got ${x.dtype}`);
  const host = allocArray(x.dtype, x.numel()) as Float32Array | Float64Array;
  fill(host);
  const src = fromHost(host, x.dtype, x.shape, { device: x.device }, true);
  x._storage.backend.assign(x, src);
  x._storage.version++;
  return x;
}

/** `Tensor.normal_(mean, std)`: fill in place with normal samples. */
export function normal_(x: Tensor, mean = 0, std = 1, options: GeneratorOption = {}): Tensor {
  return fillInPlace("normal_", x, (h) => (options.generator ?? default_generator).normalFill(h, mean, std));
}

/** `Tensor.uniform_(from, to)`: fill in place with uniform samples in `[from, to)`. */
export function uniform_(x: Tensor, from = 0, to = 1, options: GeneratorOption = {}): Tensor {
  return fillInPlace("uniform_", x, (h) => (options.generator ?? default_generator).uniformFill(h, from, to));
}

/** `Tensor.bernoulli_(p)`: fill in place with 1 (probability `p`) or 0. */
export function bernoulli_(x: Tensor, p = 0.5, options: GeneratorOption = {}): Tensor {
  return fillInPlace("bernoulli_", x, (h) => (options.generator ?? default_generator).bernoulliFill(h, p));
}

export { Generator };
