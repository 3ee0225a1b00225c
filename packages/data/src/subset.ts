import { Dataset, fetchItem, type DatasetLike } from "./dataset.js";

/**
 * The samples of `dataset` at the given indices, in that order (`torch.utils.data.Subset`);
 * what {@link random_split} returns.
 *
 * @example
 * ```ts
 * const first = new Subset(train_ds, [0, 1, 2]);
 * first.length;     // 3
 * first.getitem(-1); // train_ds.getitem(2)
 * ```
 */
export class Subset<T> extends Dataset<T> {
  constructor(
    /** The whole dataset. */
    readonly dataset: DatasetLike<T>,
    /** Positions in `dataset` that make up the subset. */
    readonly indices: readonly number[],
  ) {
    super();
  }

  get length(): number {
    return this.indices.length;
  }

  /** The sample at `indices[index]`; a negative index counts from the end, as Python's list does. */
  getitem(index: number): T {
    const n = this.indices.length;
    if (!Number.isInteger(index) || index < -n || index >= n)
      throw new RangeError(`Subset: index ${index} is out of range for a subset of length ${n}`);
    return fetchItem(this.dataset, this.indices[index < 0 ? index + n : index]!);
  }
}
