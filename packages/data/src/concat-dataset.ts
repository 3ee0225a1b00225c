import { Dataset, datasetIndexError, fetchItem, type DatasetLike } from "./dataset.js";
import { IterableDataset } from "./iterable-dataset.js";

/**
 * Several map-style datasets end to end (`torch.utils.data.ConcatDataset`).
 *
 * @example
 * ```ts
 * const both = new ConcatDataset([train_ds, extra_ds]);
 * both.length === train_ds.length + extra_ds.length; // true
 * both.getitem(train_ds.length);                     // extra_ds.getitem(0)
 * ```
 */
export class ConcatDataset<T> extends Dataset<T> {
  /** The datasets, in order. */
  readonly datasets: readonly DatasetLike<T>[];
  /** Running totals of the lengths: where each dataset ends. */
  readonly cumulative_sizes: readonly number[];

  constructor(datasets: Iterable<DatasetLike<T>>) {
    super();
    this.datasets = [...datasets];
    if (this.datasets.length === 0) throw new Error("datasets should not be an empty iterable");
    if (this.datasets.some((d) => (d as unknown) instanceof IterableDataset))
      throw new Error("ConcatDataset does not support IterableDataset");
    let total = 0;
    this.cumulative_sizes = this.datasets.map((d) => (total += d.length));
  }

  get length(): number {
    return this.cumulative_sizes[this.cumulative_sizes.length - 1]!;
  }

  getitem(index: number): T {
    if (index < 0) {
      if (-index > this.length) throw new RangeError("absolute value of index should not exceed dataset length");
      index += this.length;
    }
    const which = bisectRight(this.cumulative_sizes, index);
    if (which === this.datasets.length)
      throw datasetIndexError(index, this.length);
    const start = which === 0 ? 0 : this.cumulative_sizes[which - 1]!;
    return fetchItem(this.datasets[which]!, index - start);
  }
}

// Python's bisect.bisect_right: the first position whose value exceeds x.
function bisectRight(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < sorted[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
