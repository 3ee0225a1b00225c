/**
 * The map-style dataset protocol: an indexed collection of samples with a length, as PyTorch's
 * `torch.utils.data.Dataset` (`__getitem__` + `__len__`, here `getitem(i)` + `length`).
 */

/**
 * Anything a sampler can count: a dataset, an array, a sampler with a known length.
 * (`len(x)` in PyTorch is `x.length` here.)
 */
export interface Sized {
  readonly length: number;
}

/** What the data utilities need of a map-style dataset: `getitem(i)` for `0 <= i < length`. */
export interface MapDataset<T> extends Sized {
  /** The sample at `index` (Python's `ds[index]`). */
  getitem(index: number): T;
}

/**
 * A map-style dataset or a plain array, which PyTorch's `DataLoader` and `random_split` also
 * accept (`DataLoader([...])`, `random_split(range(10), [3, 7])`).
 */
export type DatasetLike<T> = MapDataset<T> | readonly T[];

/**
 * An abstract map-style dataset (`torch.utils.data.Dataset`): subclasses implement
 * `getitem(index)` (Python's `ds[index]`) and `length` (Python's `len(ds)`). Datasets are
 * iterable, sample by sample, as Python's sequence protocol makes them.
 *
 * @example
 * ```ts
 * class Squares extends Dataset<[number, number]> {
 *   get length() { return 10; }
 *   getitem(i: number): [number, number] { return [i, i * i]; }
 * }
 * const ds = new Squares();
 * ds.getitem(3); // [3, 9]
 * ```
 */
export abstract class Dataset<T> implements MapDataset<T>, Iterable<T> {
  /** The sample at `index` (Python's `ds[index]`). */
  abstract getitem(index: number): T;

  /** The number of samples (Python's `len(ds)`). */
  abstract readonly length: number;

  /** The samples in order: `for (const [x, y] of ds)`. */
  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.getitem(i);
  }
}

/** Python's `IndexError` for a position past a dataset's end (arrays, `ConcatDataset`). */
export function datasetIndexError(index: number, length: number): RangeError {
  return new RangeError(`index ${index} is out of range for a dataset of length ${length}`);
}

/** `ds[index]` for a dataset or an array. */
export function fetchItem<T>(dataset: DatasetLike<T>, index: number): T {
  if (isArray(dataset)) {
    if (!Number.isInteger(index) || index < 0 || index >= dataset.length)
      throw datasetIndexError(index, dataset.length);
    return dataset[index]!;
  }
  return dataset.getitem(index);
}

/**
 * `len(x)`: the length of a dataset or sampler, or PyTorch's TypeError when it has none
 * (samplers and iterable datasets need not define one).
 */
export function lengthOf(x: unknown): number {
  const n = (x as Partial<Sized> | null)?.length;
  if (typeof n !== "number") {
    const name = (x as object | null)?.constructor?.name ?? typeof x;
    throw new TypeError(`object of type '${name}' has no len()`);
  }
  return n;
}

// Array.isArray does not narrow `readonly T[]` out of a union; this does.
function isArray<T>(x: DatasetLike<T>): x is readonly T[] {
  return Array.isArray(x);
}
