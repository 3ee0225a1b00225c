/**
 * The base of every sampler (`torch.utils.data.Sampler`): an iterable of dataset keys, usually
 * indices, remade on each iteration. A sampler may define `length` (Python's `__len__`);
 * `DataLoader.length` needs it.
 *
 * Any `Iterable<number>` (an array of indices, a generator object) works where a sampler is
 * expected; this class exists for `instanceof` checks and for subclassing, as in PyTorch.
 *
 * @example
 * ```ts
 * class EvenSampler extends Sampler {
 *   constructor(readonly n: number) { super(); }
 *   get length() { return Math.ceil(this.n / 2); }
 *   *[Symbol.iterator]() { for (let i = 0; i < this.n; i += 2) yield i; }
 * }
 * ```
 */
export abstract class Sampler<T = number> implements Iterable<T> {
  /** The indices (or keys) to fetch, in order (Python's `__iter__`). */
  abstract [Symbol.iterator](): Iterator<T>;
}
