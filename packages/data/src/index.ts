/**
 * `@flambeau/data`: PyTorch's `torch.utils.data` — datasets, samplers, `random_split`,
 * collation and the `DataLoader`, with PyTorch's batch order for a given seed.
 *
 * Python's `train_ds[i]` and `train_ds[0:3]` are `train_ds.getitem(i)` and
 * `train_ds.getitem("0:3")` (the slice strings of `Tensor.index`); `len(x)` is `x.length`;
 * keyword arguments go in a trailing options object.
 *
 * @example
 * ```ts
 * import { TensorDataset, DataLoader } from "@flambeau/data";
 * const train_ds = new TensorDataset(inputs, targets);
 * train_ds.getitem("0:3"); // [inputs[0:3], targets[0:3]]
 * const train_dl = new DataLoader(train_ds, 5, { shuffle: true });
 * for (const [xb, yb] of train_dl) console.log(xb.toString(), yb.toString());
 * ```
 *
 * @packageDocumentation
 */
export { Dataset, type DatasetLike, type MapDataset, type Sized } from "./dataset.js";
export { IterableDataset } from "./iterable-dataset.js";
export { TensorDataset } from "./tensor-dataset.js";
export { Subset } from "./subset.js";
export { ConcatDataset } from "./concat-dataset.js";
export { random_split, type RandomSplitOptions } from "./random-split.js";
export { Sampler } from "./samplers/sampler.js";
export { SequentialSampler } from "./samplers/sequential.js";
export { RandomSampler, type RandomSamplerOptions } from "./samplers/random.js";
export { SubsetRandomSampler } from "./samplers/subset-random.js";
export { BatchSampler } from "./samplers/batch.js";
export { default_collate, default_convert, type Collated } from "./collate.js";
export { DataLoader, type DataLoaderOptions } from "./dataloader.js";
