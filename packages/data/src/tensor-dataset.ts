import type { IndexSpec, Tensor } from "@flambeau/tensor";
import { Dataset } from "./dataset.js";

/**
 * A dataset of tensors indexed together along their first dimension
 * (`torch.utils.data.TensorDataset`). A sample is a tuple (array) with one row of each tensor.
 *
 * `getitem` takes whatever `Tensor.index` takes, as Python's `train_ds[...]` does: a number for
 * one sample, a slice string for a batch (`train_ds[0:3]` is `train_ds.getitem("0:3")`), or an
 * array / integer tensor of indices. Slices are views of the tensors, as in PyTorch.
 *
 * @example
 * ```ts
 * const train_ds = new TensorDataset(inputs, targets);
 * const [x0, y0] = train_ds.getitem(0);    // train_ds[0]
 * const [xb, yb] = train_ds.getitem("0:3"); // train_ds[0:3]: the first three rows of each
 * train_ds.length;                         // len(train_ds)
 * ```
 */
export class TensorDataset<T extends Tensor[] = Tensor[]> extends Dataset<T> {
  /** The tensors, as given (PyTorch's `.tensors`). */
  readonly tensors: Readonly<T>;

  constructor(...tensors: T) {
    super();
    if (tensors.length === 0) throw new Error("TensorDataset: expected at least one tensor");
    const n = tensors[0]!.size(0);
    const bad = tensors.findIndex((t) => t.size(0) !== n);
    if (bad >= 0) {
      const sizes = tensors.map((t) => t.size(0)).join(", ");
      throw new Error(`Size mismatch between tensors: TensorDataset needs equal first dimensions, got sizes ${sizes}`);
    }
    this.tensors = tensors;
  }

  get length(): number {
    return this.tensors[0]!.size(0);
  }

  /** `ds[index]`: the same index applied to every tensor. */
  getitem(index: IndexSpec): T {
    return this.tensors.map((t) => t.index(index)) as T;
  }
}
