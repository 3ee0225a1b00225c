import { Generator, default_generator } from "@flambeau/tensor";
import { fetchItem, lengthOf, type DatasetLike } from "./dataset.js";
import { IterableDataset } from "./iterable-dataset.js";
import { default_collate, default_convert, type Collated } from "./collate.js";
import { drawSeed } from "./seed.js";
import { BatchSampler } from "./samplers/batch.js";
import { RandomSampler } from "./samplers/random.js";
import { SequentialSampler } from "./samplers/sequential.js";

/** Keyword arguments of {@link DataLoader}, with PyTorch's names and defaults. */
export interface DataLoaderOptions<T, B> {
  /** Samples per batch (default 1); `null` turns batching off and yields one converted sample at a time. */
  batch_size?: number | null;
  /** Reshuffle the samples at every epoch (a {@link RandomSampler}). Default false. */
  shuffle?: boolean;
  /** The order of the keys to load; excludes `shuffle`. */
  sampler?: Iterable<number> | null;
  /** Yields whole batches of keys; excludes `batch_size`, `shuffle`, `sampler` and `drop_last`. */
  batch_sampler?: Iterable<number[]> | null;
  /** Merges a list of samples into a batch; default {@link default_collate}. */
  collate_fn?: ((batch: T[]) => B) | null;
  /** Drop the last batch when it is smaller than `batch_size`. Default false. */
  drop_last?: boolean;
  /** The generator for shuffling (and the per-epoch base seed); default the global one. */
  generator?: Generator | null;
  /** Accepted for ported code; loading always runs in the calling thread, giving the same batches. */
  num_workers?: number;
  /** Accepted for ported code; has no effect. */
  pin_memory?: boolean;
}

/**
 * Batches of a dataset, epoch after epoch (`torch.utils.data.DataLoader`). Iterate it with
 * `for … of` (or `for await … of`); each loop is one epoch, and with `shuffle` each epoch has a
 * new order. A seeded generator gives PyTorch's order: the same random draws are made, in the
 * same order (a base seed per epoch, then the sampler's draws when the first batch is asked for).
 *
 * `batch_size` may be given positionally, as in `DataLoader(train_ds, batch_size, shuffle=True)`.
 *
 * @example
 * ```ts
 * const train_dl = new DataLoader(train_ds, 5, { shuffle: true });
 * for (const [xb, yb] of train_dl) {
 *   const loss = F.mse_loss(model(xb), yb);
 * }
 * train_dl.length; // len(train_dl): the number of batches
 * ```
 */
export class DataLoader<T, B = Collated<T>> implements Iterable<B>, AsyncIterable<B> {
  readonly dataset: DatasetLike<T> | IterableDataset<T>;
  /** `null` when batches come from a `batch_sampler` or batching is off. */
  readonly batch_size: number | null;
  readonly drop_last: boolean;
  /** The key order: the given sampler, or a Random- or SequentialSampler (null for an IterableDataset). */
  readonly sampler: Iterable<number> | null;
  readonly batch_sampler: Iterable<number[]> | null;
  readonly generator: Generator | null;
  /** Makes a batch of samples (by default, stacks tensors and numbers: `default_collate`). */
  readonly collate_fn: (batch: T[]) => B;
  readonly num_workers: number;
  readonly pin_memory: boolean;

  constructor(dataset: DatasetLike<T> | IterableDataset<T>, options?: DataLoaderOptions<T, B>);
  constructor(dataset: DatasetLike<T> | IterableDataset<T>, batch_size: number | null, options?: DataLoaderOptions<T, B>);
  constructor(
    dataset: DatasetLike<T> | IterableDataset<T>,
    batchSizeOrOptions?: number | null | DataLoaderOptions<T, B>,
    maybeOptions: DataLoaderOptions<T, B> = {},
  ) {
    const positional = typeof batchSizeOrOptions === "number" || batchSizeOrOptions === null;
    const options = positional ? { ...maybeOptions, batch_size: batchSizeOrOptions } : (batchSizeOrOptions ?? {});
    let batch_size = options.batch_size === undefined ? 1 : options.batch_size;
    let drop_last = options.drop_last ?? false;
    let sampler = options.sampler ?? null;
    let batch_sampler = options.batch_sampler ?? null;
    const shuffle = options.shuffle ?? false;
    this.num_workers = options.num_workers ?? 0;
    if (!Number.isInteger(this.num_workers) || this.num_workers < 0)
      throw new RangeError("num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.");
    this.pin_memory = options.pin_memory ?? false;

    if (dataset instanceof IterableDataset) {
      if (shuffle) throw new Error(`DataLoader with IterableDataset: expected unspecified shuffle option, but got shuffle=${shuffle}`);
      if (sampler) throw new Error("DataLoader with IterableDataset: expected unspecified sampler option, but got a sampler");
      if (batch_sampler)
        throw new Error("DataLoader with IterableDataset: expected unspecified batch_sampler option, but got a batch_sampler");
    }
    if (sampler && shuffle) throw new Error("sampler option is mutually exclusive with shuffle");
    if (batch_sampler) {
      if (batch_size !== 1 || shuffle || sampler || drop_last)
        throw new Error("batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last");
      batch_size = null;
      drop_last = false;
    } else if (batch_size === null && drop_last) {
      throw new Error("batch_size=None option disables auto-batching and is mutually exclusive with drop_last");
    }
    if (!(dataset instanceof IterableDataset) && !sampler) {
      sampler = shuffle
        ? new RandomSampler(dataset, { generator: options.generator ?? null })
        : new SequentialSampler(dataset);
    }
    if (batch_size !== null && !batch_sampler) {
      // An IterableDataset is batched by counting samples: an endless sampler of placeholder keys.
      batch_sampler = new BatchSampler(sampler ?? endless(), batch_size, drop_last);
    }

    this.dataset = dataset;
    this.batch_size = batch_size;
    this.drop_last = drop_last;
    this.sampler = sampler;
    this.batch_sampler = batch_sampler;
    this.generator = options.generator ?? null;
    this.collate_fn =
      options.collate_fn ?? ((batch_sampler ? default_collate : default_convert) as unknown as (batch: T[]) => B);
  }

  /** `len(dataloader)`: batches per epoch (for an IterableDataset, from its `length`). */
  get length(): number {
    if (this.dataset instanceof IterableDataset) {
      const n = lengthOf(this.dataset);
      if (this.batch_size === null) return n;
      return this.drop_last ? Math.floor(n / this.batch_size) : Math.ceil(n / this.batch_size);
    }
    return lengthOf(this.batch_sampler ?? this.sampler);
  }

  /** One epoch of batches. */
  [Symbol.iterator](): Iterator<B> {
    // PyTorch's iterator draws its workers' base seed when it is created, before the sampler
    // draws anything; taking the same draw keeps the generator's stream, and so the next
    // epoch's order, identical to PyTorch's.
    drawSeed(this.generator ?? default_generator);
    if (this.dataset instanceof IterableDataset) return this.streamBatches(this.dataset[Symbol.iterator]());
    return this.mapBatches(this.dataset);
  }

  /** One epoch of batches, for `for await … of`. */
  [Symbol.asyncIterator](): AsyncIterator<B> {
    const epoch = this[Symbol.iterator](); // created now, so the seed is drawn now, as above
    return (async function* () {
      yield* { [Symbol.iterator]: () => epoch };
    })();
  }

  private *mapBatches(dataset: DatasetLike<T>): IterableIterator<B> {
    if (this.batch_sampler) {
      for (const keys of this.batch_sampler) {
        if (!Array.isArray(keys)) throw new TypeError("DataLoader: a batch_sampler must yield arrays of indices");
        yield this.collate_fn(keys.map((k) => fetchItem(dataset, k)));
      }
    } else {
      for (const key of this.sampler!) yield this.collate_fn(fetchItem(dataset, key) as unknown as T[]);
    }
  }

  private *streamBatches(samples: Iterator<T>): IterableIterator<B> {
    if (!this.batch_sampler) {
      for (let s = samples.next(); !s.done; s = samples.next()) yield this.collate_fn(s.value as unknown as T[]);
      return;
    }
    for (const keys of this.batch_sampler) {
      const batch: T[] = [];
      let ended = false;
      while (batch.length < keys.length) {
        const s = samples.next();
        if (s.done) {
          ended = true;
          break;
        }
        batch.push(s.value);
      }
      if (batch.length === 0 || (this.drop_last && batch.length < keys.length)) return;
      yield this.collate_fn(batch);
      if (ended) return;
    }
  }
}

// PyTorch's _InfiniteConstantSampler: keys that only count samples of an iterable dataset.
function* endless(): Iterable<number> {
  for (;;) yield 0;
}
