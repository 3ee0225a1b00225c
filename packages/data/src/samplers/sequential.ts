import type { Sized } from "../dataset.js";
import { Sampler } from "./sampler.js";

/**
 * `0, 1, …, len(data_source) - 1`, in order (`torch.utils.data.SequentialSampler`); what a
 * `DataLoader` without `shuffle` uses.
 *
 * @example
 * ```ts
 * [...new SequentialSampler(train_ds)]; // [0, 1, 2, 3, 4] for five samples
 * ```
 */
export class SequentialSampler extends Sampler<number> {
  constructor(readonly data_source: Sized) {
    super();
  }

  /** The number of indices an epoch gives. */
  get length(): number {
    return this.data_source.length;
  }

  *[Symbol.iterator](): Iterator<number> {
    // The length is read when iteration starts: a dataset may change size between epochs.
    const n = this.data_source.length;
    for (let i = 0; i < n; i++) yield i;
  }
}
