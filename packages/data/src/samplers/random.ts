import { Generator, default_generator } from "@flambeau/tensor";
import type { Sized } from "../dataset.js";
import { drawSeed } from "../seed.js";
import { Sampler } from "./sampler.js";

/** Keyword arguments of {@link RandomSampler}. */
export interface RandomSamplerOptions {
  /** Draw indices independently (with repeats) instead of permuting. Default false. */
  replacement?: boolean;
  /** How many indices an epoch yields; default `len(data_source)`. */
  num_samples?: number | null;
  /** The generator to draw from; by default a fresh one per epoch, seeded from the default generator. */
  generator?: Generator | null;
}

// PyTorch draws indices with replacement in chunks of this many (see __iter__ below).
const CHUNK = 32;

/**
 * Indices in random order (`torch.utils.data.RandomSampler`); what `DataLoader({ shuffle: true })`
 * uses. It draws exactly what PyTorch draws, so a seed gives PyTorch's order:
 *
 * - without a `generator`, each epoch takes one int64 from the default generator
 *   (`torch.manual_seed` seeds it) and permutes with a new `Generator` seeded with it;
 * - with a `generator`, it permutes with `randperm(n, generator)` directly;
 * - `num_samples` beyond `n` concatenates whole permutations, and the remainder is the head of one more;
 * - with `replacement`, indices come from `randint(0, n)` in chunks of 32.
 *
 * @example
 * ```ts
 * const g = new Generator().manual_seed(0);
 * [...new RandomSampler(train_ds, { generator: g })]; // torch.randperm(len(train_ds), generator=g)
 * ```
 */
export class RandomSampler extends Sampler<number> {
  readonly data_source: Sized;
  readonly replacement: boolean;
  readonly generator: Generator | null;
  private readonly _num_samples: number | null;

  constructor(data_source: Sized, options: RandomSamplerOptions = {}) {
    super();
    this.data_source = data_source;
    this.replacement = options.replacement ?? false;
    this._num_samples = options.num_samples ?? null;
    this.generator = options.generator ?? null;
    if (typeof this.replacement !== "boolean")
      throw new TypeError(`replacement should be a boolean value, but got replacement=${String(this.replacement)}`);
    const n = this.num_samples;
    if (!Number.isInteger(n) || n <= 0)
      throw new RangeError(`num_samples should be a positive integer value, but got num_samples=${n}`);
  }

  /** Indices per epoch: `num_samples` if given, else the dataset's current length. */
  get num_samples(): number {
    return this._num_samples ?? this.data_source.length;
  }

  /** The number of indices an epoch gives. */
  get length(): number {
    return this.num_samples;
  }

  *[Symbol.iterator](): Iterator<number> {
    // A generator function: nothing is drawn until the first index is asked for, as in Python.
    const n = this.data_source.length;
    const generator = this.generator ?? new Generator(drawSeed(default_generator));
    const total = this.num_samples;
    if (this.replacement) {
      for (let i = 0; i < Math.floor(total / CHUNK); i++) yield* randint(generator, n, CHUNK);
      yield* randint(generator, n, total % CHUNK);
    } else {
      for (let i = 0; i < Math.floor(total / n); i++) yield* generator.randperm(n);
      // PyTorch draws a whole permutation even when it keeps none of it.
      yield* generator.randperm(n).subarray(0, total % n);
    }
  }
}

// torch.randint(high=n, size=(count,), dtype=torch.int64, generator=g).tolist()
function randint(generator: Generator, n: number, count: number): Float64Array {
  return generator.randintFill(new Float64Array(count), 0, n);
}
