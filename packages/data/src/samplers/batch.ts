import { lengthOf } from "../dataset.js";
import { Sampler } from "./sampler.js";

/**
 * Groups the indices of another sampler into lists of `batch_size` (`torch.utils.data.BatchSampler`);
 * the last, shorter one is dropped when `drop_last` is true. `DataLoader` builds one from its
 * `batch_size`, `drop_last` and sampler.
 *
 * @example
 * ```ts
 * [...new BatchSampler(new SequentialSampler(range10), 3, false)]; // [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
 * [...new BatchSampler(new SequentialSampler(range10), 3, true)];  // [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
 * ```
 */
export class BatchSampler<K = number> extends Sampler<K[]> {
  constructor(
    /** The sampler (or any iterable of keys) whose keys are batched. */
    readonly sampler: Iterable<K>,
    readonly batch_size: number,
    readonly drop_last: boolean,
  ) {
    super();
    if (typeof batch_size !== "number" || !Number.isInteger(batch_size) || batch_size <= 0) {
      const message = `batch_size should be a positive integer value, but got batch_size=${shown(batch_size)}`;
      throw typeof batch_size === "number" ? new RangeError(message) : new TypeError(message);
    }
    if (typeof drop_last !== "boolean")
      throw new TypeError(`drop_last should be a boolean value, but got drop_last=${shown(drop_last)}`);
  }

  /** Batches per epoch; needs the inner sampler's length. */
  get length(): number {
    const n = lengthOf(this.sampler);
    return this.drop_last ? Math.floor(n / this.batch_size) : Math.ceil(n / this.batch_size);
  }

  *[Symbol.iterator](): Iterator<K[]> {
    let batch: K[] = [];
    for (const key of this.sampler) {
      batch.push(key);
      if (batch.length === this.batch_size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0 && !this.drop_last) yield batch;
  }
}

/** A value as an error shows it: a string in quotes, so `"2"` is not read as the number 2. */
function shown(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}
