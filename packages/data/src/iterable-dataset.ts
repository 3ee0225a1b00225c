/**
 * An iterable-style dataset (`torch.utils.data.IterableDataset`): a stream of samples, for data
 * that cannot be indexed (generated, read from a socket, …).
 *
 * The `DataLoader` iterates it once per epoch and batches consecutive samples; it accepts no
 * `shuffle`, `sampler` or `batch_sampler` for it, as in PyTorch. A subclass may define a
 * `length` (a getter or a field) when the stream has a known size, as PyTorch's optional
 * `__len__`; `DataLoader.length` then reports it in batches.
 *
 * Unlike in Python this class does not extend {@link Dataset}: it has no `getitem`.
 *
 * @example
 * ```ts
 * class Range extends IterableDataset<number> {
 *   constructor(readonly start: number, readonly end: number) { super(); }
 *   *[Symbol.iterator]() { for (let i = this.start; i < this.end; i++) yield i; }
 * }
 * for (const b of new DataLoader(new Range(3, 7), 2)) console.log(b.toString()); // tensor([3, 4]), tensor([5, 6])
 * ```
 */
export abstract class IterableDataset<T> implements Iterable<T> {
  /** The stream of samples (Python's `__iter__`). */
  abstract [Symbol.iterator](): Iterator<T>;
}
