import { Generator, default_generator } from "@flambeau/tensor";
import { Sampler } from "./sampler.js";

/**
 * The given indices in random order, without replacement (`torch.utils.data.SubsetRandomSampler`):
 * each epoch is `indices[randperm(len(indices), generator)]`, drawn from the default generator
 * when none is given, as in PyTorch.
 *
 * @example
 * ```ts
 * const valid = new SubsetRandomSampler([0, 2, 4, 6, 8], { generator: new Generator().manual_seed(1) });
 * const dl = new DataLoader(ds, 2, { sampler: valid });
 * ```
 */
export class SubsetRandomSampler extends Sampler<number> {
  readonly generator: Generator | null;

  constructor(
    readonly indices: readonly number[],
    options: { generator?: Generator | null } = {},
  ) {
    super();
    this.generator = options.generator ?? null;
  }

  /** The number of indices an epoch gives. */
  get length(): number {
    return this.indices.length;
  }

  *[Symbol.iterator](): Iterator<number> {
    for (const i of (this.generator ?? default_generator).randperm(this.indices.length)) yield this.indices[i]!;
  }
}
