import { allocArray, isFloating, scalarTypeName, type DType } from "../dtype.js";
import { default_generator, type Generator } from "../random/index.js";
import { fmtShape } from "../shape.js";
import type { Tensor } from "../tensor.js";
import { checkTensor } from "./checks.js";
import { checkOptions, optionKeys } from "../keywords.js";
import { checkKind, KIND } from "../kinds.js";
import { fromHost } from "./creation.js";
import { toDType } from "./convert.js";
import { cumsum } from "./cumulative.js";
import { binary } from "./elementwise.js";
import { cat } from "./join.js";
import { argmax, sum } from "./reduce.js";
import { topk } from "./sort.js";
import { full } from "./creation.js";
import { narrow, reshape, unsqueeze } from "./view.js";

/** Keyword arguments of `torch.multinomial`. */
export interface MultinomialOptions {
  /** Draw with replacement (default false: each category at most once per row). */
  replacement?: boolean;
  generator?: Generator;
}

const MULTINOMIAL_KEYS = optionKeys("multinomial", ["replacement", "generator"]);

/** PyTorch's checks of the probabilities, where the device can read them at once. */
function checkProbabilities(p: Tensor): void {
  if (!p._storage.backend.canReadSync) return;
  const valid = binary("logical_and", binary("lt", p, Infinity), binary("ge", p, 0)).all().itemSync();
  if (!valid) throw new Error("multinomial: probability tensor contains either `inf`, `nan` or element < 0");
  if (binary("le", sum(p, 1), 0).any().itemSync()) throw new Error("multinomial: invalid multinomial distribution (sum of probabilities <= 0)");
}

/**
 * `torch.multinomial(input, num_samples, replacement=False)`: for each row of probabilities
 * (1-D or 2-D, need not sum to one), `num_samples` category indices (int32). For a seed it
 * draws what PyTorch's CPU draws: without replacement (or for one sample) the largest
 * `p / q` for exponential `q`; with replacement, a search of the cumulative distribution for
 * each uniform sample. Invalid probabilities (negative, infinite, NaN, a zero row) raise on
 * devices that read synchronously; on WebGPU they are not detected.
 *
 * @example
 * ```ts
 * torch.manual_seed(0);
 * torch.multinomial(torch.tensor([0.1, 0.2, 0.3, 0.4]), 2); // tensor([2, 1]), as PyTorch
 * probs.multinomial(1); // next-token sampling, one index per row
 * torch.multinomial(weights, 10, { replacement: true });
 * ```
 */
export function multinomial(input: Tensor, num_samples: number, replacement: boolean | MultinomialOptions = false, options: MultinomialOptions = {}): Tensor {
  if (typeof replacement === "object") checkOptions("multinomial", replacement, MULTINOMIAL_KEYS);
  checkOptions("multinomial", options, MULTINOMIAL_KEYS);
  const o = typeof replacement === "object" ? { ...replacement, ...options } : { replacement, ...options };
  checkTensor("multinomial", "input", input);
  checkKind("multinomial", "num_samples", KIND.int, num_samples);
  checkKind("multinomial", "replacement", KIND.bool, o.replacement);
  checkKind("multinomial", "generator", KIND.Generator, o.generator);
  const withReplacement = o.replacement ?? false;
  if (!isFloating(input.dtype)) throw new Error(`multinomial only supports floating-point dtypes for input, got: ${scalarTypeName(input.dtype)}`);
  if (input.ndim !== 1 && input.ndim !== 2) throw new Error(`multinomial: prob_dist must be 1 or 2 dim (got shape ${fmtShape(input.shape)})`);
  if (!Number.isInteger(num_samples) || num_samples <= 0) throw new Error(`multinomial: cannot sample n_sample <= 0 samples (got ${num_samples})`);
  const n = input.shape[input.ndim - 1]!;
  if (!withReplacement && num_samples > n)
    throw new Error(`multinomial: cannot sample n_sample > prob_dist.size(-1) samples without replacement (${num_samples} > ${n})`);
  if (n > 2 ** 24) throw new Error("multinomial: number of categories cannot exceed 2^24");
  const rows = input.ndim === 1 ? 1 : input.shape[0]!;
  const p = reshape(input.detach(), [rows, n]);
  if (rows === 0) return full(input.ndim === 1 ? [num_samples] : [0, num_samples], 0, { dtype: "int32", device: input.device });
  checkProbabilities(p);
  const gen = o.generator ?? default_generator;
  const backend = input._storage.backend;
  let idx: Tensor;
  if (!withReplacement || num_samples === 1) {
    // The Gumbel trick, as PyTorch: argmax / topk of p / q with q ~ Exp(1), drawn row-major.
    const q = gen.exponentialFill(allocArray(input.dtype, rows * n) as Float32Array | Float64Array);
    const ratio = binary("div", p, fromHost(q, input.dtype, [rows, n], { device: input.device }, true));
    idx = num_samples === 1 ? argmax(ratio, 1, true) : topk(ratio, num_samples, 1).indices;
  } else {
    // The cumulative distribution (its last entry set to 1) against double-precision uniforms
    // where the device holds float64: the index is the number of entries below the sample.
    const wide: DType = backend.supportsDType("float64") ? "float64" : input.dtype;
    const c = cumsum(p, 1);
    const normalized = binary("div", narrow(c, 1, 0, n - 1), narrow(c, 1, n - 1, 1));
    const cdf = toDType(cat([toDType(normalized, wide), full([rows, 1], 1, { dtype: wide, device: input.device })], 1), wide);
    const u = gen.uniformFill(new Float64Array(rows * num_samples));
    const uT = fromHost(wide === "float64" ? u : Float32Array.from(u), wide, [rows, num_samples], { device: input.device }, true);
    // Indices are int32 on every device (the count sums to int64 on the CPU).
    idx = toDType(sum(binary("lt", unsqueeze(cdf, 1), unsqueeze(uT, 2)), 2), "int32");
  }
  return input.ndim === 1 ? reshape(idx, [num_samples]) : idx;
}
