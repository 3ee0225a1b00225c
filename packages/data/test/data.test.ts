import { describe, expect, it, vi } from "vitest";
import "@flambeau/backend-cpu";
import { Generator, Tensor, arange, manual_seed, tensor } from "@flambeau/tensor";
import {
  ConcatDataset,
  DataLoader,
  Dataset,
  IterableDataset,
  RandomSampler,
  SequentialSampler,
  Subset,
  TensorDataset,
  default_collate,
  default_convert,
  random_split,
} from "@flambeau/data";
import { runDataConformance } from "@flambeau/test-kit";

runDataConformance("cpu");

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

class Stream extends IterableDataset<number> {
  constructor(readonly start: number, readonly end: number) { super(); }
  get length(): number { return this.end - this.start; }
  *[Symbol.iterator](): Iterator<number> { for (let i = this.start; i < this.end; i++) yield i; }
}

class Squares extends Dataset<[number, number]> {
  get length(): number { return 4; }
  getitem(i: number): [number, number] { return [i, i * i]; }
}

describe("the lesson's TensorDataset and DataLoader", () => {
  const inputs = tensor(range(45).map((i) => (i * 7) % 100), { dtype: "float32" }).reshape(15, 3);
  const targets = tensor(range(30).map((i) => (i * 3) % 50), { dtype: "float32" }).reshape(15, 2);

  it("train_ds[0:3] is a tuple of the first three rows", () => {
    const train_ds = new TensorDataset(inputs, targets);
    const [xb, yb] = train_ds.getitem("0:3");
    expect(xb.shape).toEqual([3, 3]);
    expect(yb.shape).toEqual([3, 2]);
    expect(xb.tolistSync()).toEqual(inputs.index("0:3").tolistSync());
  });

  it("DataLoader(train_ds, 5, shuffle=True) covers every row once per epoch", () => {
    const train_dl = new DataLoader(new TensorDataset(inputs, targets, arange(15)), 5, { shuffle: true });
    expect(train_dl.length).toBe(3);
    const seen: number[] = [];
    for (const [xb, yb, ib] of train_dl) {
      expect(xb.shape).toEqual([5, 3]);
      expect(yb.shape).toEqual([5, 2]);
      seen.push(...(ib.tolistSync() as number[]));
    }
    expect(seen.sort((a, b) => a - b)).toEqual(range(15));
  });
});

describe("datasets", () => {
  it("a Dataset subclass is indexed, sized and iterable", () => {
    const ds = new Squares();
    expect(ds.getitem(3)).toEqual([3, 9]);
    expect([...ds]).toEqual([[0, 0], [1, 1], [2, 4], [3, 9]]);
    const [xb, yb] = new DataLoader(ds, 4)[Symbol.iterator]().next().value as Tensor[];
    expect(xb!.tolistSync()).toEqual([0, 1, 2, 3]);
    expect(yb!.tolistSync()).toEqual([0, 1, 4, 9]);
  });

  it("Subset counts negative indices from the end and rejects others", () => {
    const s = new Subset(new Squares(), [3, 1]);
    expect(s.getitem(-1)).toEqual([1, 1]);
    expect(() => s.getitem(2)).toThrow(/out of range/);
  });

  it("ConcatDataset refuses an IterableDataset and an empty list", () => {
    expect(() => new ConcatDataset([new Stream(0, 3) as unknown as number[]])).toThrow("ConcatDataset does not support IterableDataset");
    expect(() => new ConcatDataset([])).toThrow("datasets should not be an empty iterable");
  });

  it("TensorDataset needs at least one tensor", () => {
    expect(() => new TensorDataset()).toThrow(/at least one tensor/);
  });
});

describe("random_split", () => {
  it("takes the generator positionally too", () => {
    const a = random_split(range(10), [3, 7], new Generator().manual_seed(42)).map((s) => s.indices);
    const b = random_split(range(10), [3, 7], { generator: new Generator().manual_seed(42) }).map((s) => s.indices);
    expect(a).toEqual(b);
  });

  it("rejects bad fractions and non-integer lengths; warns on empty splits", () => {
    expect(() => random_split(range(10), [1.5, -0.5])).toThrow("Fraction at index 0 is not between 0 and 1");
    expect(() => random_split(range(5), [2.5, 2.5])).toThrow(/non-negative integers/);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(random_split(range(2), [0.9, 0.1]).map((s) => s.length)).toEqual([2, 0]);
    expect(warn).toHaveBeenCalledWith("Length of split at index 1 is 0. This might result in an empty dataset.");
    warn.mockRestore();
  });
});

describe("DataLoader options", () => {
  it("an IterableDataset is batched in stream order, with length from its length", () => {
    const dl = new DataLoader(new Stream(3, 10), 3);
    expect(dl.length).toBe(3);
    expect([...dl].map((b) => b.tolistSync())).toEqual([[3, 4, 5], [6, 7, 8], [9]]);
    const dropped = new DataLoader(new Stream(3, 10), 3, { drop_last: true });
    expect(dropped.length).toBe(2);
    expect([...dropped].map((b) => b.tolistSync())).toEqual([[3, 4, 5], [6, 7, 8]]);
  });

  it("an IterableDataset takes no shuffle, sampler or batch_sampler", () => {
    expect(() => new DataLoader(new Stream(0, 3), { shuffle: true })).toThrow(
      "DataLoader with IterableDataset: expected unspecified shuffle option, but got shuffle=true",
    );
    expect(() => new DataLoader(new Stream(0, 3), { sampler: [0, 1] })).toThrow(/expected unspecified sampler/);
    expect(() => new DataLoader(new Stream(0, 3), { batch_sampler: [[0]] })).toThrow(/expected unspecified batch_sampler/);
  });

  it("refuses a batch_size that is not a positive integer, showing a string as one", () => {
    expect(() => new DataLoader(range(6), 0)).toThrow(new RangeError("batch_size should be a positive integer value, but got batch_size=0"));
    expect(() => new DataLoader(range(6), 1.5)).toThrow(RangeError);
    expect(() => new DataLoader(range(6), { batch_size: "2" as never })).toThrow(
      new TypeError('batch_size should be a positive integer value, but got batch_size="2"'),
    );
    expect(() => new DataLoader(range(6), 2, { drop_last: "yes" as never })).toThrow(
      new TypeError('drop_last should be a boolean value, but got drop_last="yes"'),
    );
  });

  it("batch_size null yields converted samples one by one", () => {
    const dl = new DataLoader<[number, number], [number, number]>(new Squares(), null);
    expect([...dl]).toEqual([[0, 0], [1, 1], [2, 4], [3, 9]]);
    expect(dl.length).toBe(4);
    expect(() => new DataLoader(new Squares(), null, { drop_last: true })).toThrow(/mutually exclusive with drop_last/);
  });

  it("sampler, batch_sampler and collate_fn are used as given", () => {
    const bySampler = new DataLoader(range(6), 2, { sampler: [5, 4, 3, 2, 1, 0] });
    expect([...bySampler].map((b) => b.tolistSync())).toEqual([[5, 4], [3, 2], [1, 0]]);
    expect(bySampler.length).toBe(3); // an array sampler has a length, as a Python list has
    function* keys() { yield* [1, 0]; }
    expect(() => new DataLoader(range(6), 2, { sampler: keys() }).length).toThrow(/has no len\(\)/);
    const byBatches = new DataLoader(range(6), { batch_sampler: [[0, 5], [2]] });
    expect(byBatches.batch_size).toBeNull();
    expect([...byBatches].map((b) => b.tolistSync())).toEqual([[0, 5], [2]]);
    const summed = new DataLoader(range(6), 4, { collate_fn: (batch: number[]) => batch.reduce((a, b) => a + b, 0) });
    expect([...summed]).toEqual([6, 9]);
  });

  it("a plain array dataset, and a DataLoader over it with a RandomSampler", () => {
    manual_seed(0);
    const shuffled = [...new DataLoader(range(10), 10, { shuffle: true })][0]!.tolistSync();
    manual_seed(0);
    const explicit = [...new DataLoader(range(10), 10, { sampler: new RandomSampler(range(10)) })][0]!.tolistSync();
    expect(shuffled).toEqual(explicit);
  });
});

describe("collation", () => {
  it("Maps, typed arrays and strings", () => {
    const out = default_collate([new Map([["a", new Float32Array([1, 2])]]), new Map([["a", new Float32Array([3, 4])]])]);
    expect(out.get("a")!.dtype).toBe("float32");
    expect(out.get("a")!.tolistSync()).toEqual([[1, 2], [3, 4]]);
    expect(default_collate(["x", "y"])).toEqual(["x", "y"]);
  });

  it("fails clearly on what it cannot collate", () => {
    expect(() => default_collate([null])).toThrow(/default_collate: batch must contain .*; found null/);
    expect(() => default_collate([new Date()])).toThrow(/found Date/);
    expect(() => default_collate([])).toThrow(/empty batch/);
  });

  it("default_convert turns typed arrays into tensors and keeps the rest", () => {
    const [t, n] = default_convert([new Float32Array([1, 2]), 3]) as [Tensor, number];
    expect(t).toBeInstanceOf(Tensor);
    expect(n).toBe(3);
  });
});

it("SequentialSampler reads the length when an epoch starts", () => {
  const data = [1, 2];
  const s = new SequentialSampler(data);
  data.push(3);
  expect([...s]).toEqual([0, 1, 2]);
});
