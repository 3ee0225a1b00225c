import { Generator, default_generator } from "@flambeau/tensor";
import type { DatasetLike } from "./dataset.js";
import { Subset } from "./subset.js";

/** The `generator` keyword of {@link random_split}. */
export interface RandomSplitOptions {
  generator?: Generator | null;
}

/**
 * Split a dataset at random into non-overlapping subsets of the given lengths
 * (`torch.utils.data.random_split`). Fractions summing to 1 are turned into lengths as PyTorch
 * does: `floor(fraction * len(dataset))` each, then the remainder handed out one by one,
 * round-robin from the first. The subsets cut one `randperm(len(dataset), generator)` in order,
 * so a seeded generator (or `torch.manual_seed` for the default one) gives PyTorch's subsets.
 *
 * @example
 * ```ts
 * const [train, valid] = random_split(ds, [0.8, 0.2], { generator: new Generator().manual_seed(42) });
 * random_split(ds, [3, 7], new Generator().manual_seed(42)); // the generator may also come positionally
 * ```
 */
export function random_split<T>(
  dataset: DatasetLike<T>,
  lengths: readonly number[],
  generator: Generator | RandomSplitOptions | null = {},
): Subset<T>[] {
  const g = (generator instanceof Generator ? generator : generator?.generator) ?? default_generator;
  const n = dataset.length;
  const sizes = isFractions(lengths) ? fractionLengths(lengths, n) : lengths.slice();
  if (!sizes.every((s) => Number.isInteger(s) && s >= 0))
    throw new RangeError(`random_split: lengths must be non-negative integers, or fractions that sum to 1; got [${lengths.join(", ")}]`);
  if (sum(sizes) !== n) throw new RangeError("Sum of input lengths does not equal the length of the input dataset!");
  const indices = Array.from(g.randperm(n));
  let offset = 0;
  return sizes.map((size) => new Subset(dataset, indices.slice(offset, (offset += size))));
}

// Python's math.isclose(total, 1) with its default rel_tol=1e-9, and total <= 1, as PyTorch tests.
function isFractions(lengths: readonly number[]): boolean {
  const total = sum(lengths);
  return Math.abs(total - 1) <= 1e-9 * Math.max(Math.abs(total), 1) && total <= 1;
}

function fractionLengths(fractions: readonly number[], n: number): number[] {
  const sizes = fractions.map((frac, i) => {
    if (frac < 0 || frac > 1) throw new RangeError(`Fraction at index ${i} is not between 0 and 1`);
    return Math.floor(n * frac);
  });
  const remainder = n - sum(sizes);
  for (let i = 0; i < remainder; i++) sizes[i % sizes.length]! += 1;
  sizes.forEach((size, i) => {
    if (size === 0) console.warn(`Length of split at index ${i} is 0. This might result in an empty dataset.`);
  });
  return sizes;
}

// Left to right, as Python's sum(), so fractions round the same way.
function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
