/**
 * The data conformance suite (Decision 7): every expectation comes from real PyTorch
 * (fixtures/data.json, written by scripts/fixtures/data.py) and runs on any registered device.
 */
import { describe, expect, it } from "vitest";
import { Generator, Tensor, arange, manual_seed, default_generator, randint, tensor, type DType } from "@flambeau/tensor";
import {
  BatchSampler,
  ConcatDataset,
  DataLoader,
  RandomSampler,
  SequentialSampler,
  SubsetRandomSampler,
  TensorDataset,
  default_collate,
  random_split,
} from "@flambeau/data";
import { readFixture } from "../fixtures.js";

interface Encoded { shape: number[]; dtype: string; data: (number | boolean)[] }
type Mode = "manual_seed" | "generator";
interface LoaderCase {
  n: number; batch_size: number; drop_last: boolean; seed: number; mode: Mode;
  breaks: boolean[]; length: number; epochs: number[][][]; after: number[];
}
interface SplitCase { n: number; lengths: number[]; seed: number; mode: Mode; subsets: number[][]; after: number[] }
interface SamplerCase {
  n: number; replacement: boolean; num_samples: number | null; seed: number; mode: Mode;
  length: number; epochs: number[][]; after: number[];
}
interface SubsetRandomCase { indices: number[]; seed: number; mode: Mode; epochs: number[][]; after: number[] }
type Structure = { tensor: Encoded } | { list: Structure[] } | { dict: Record<string, Structure> } | { value: unknown };
interface Fixture {
  torch: string;
  loaders: LoaderCase[];
  sequential: { n: number; batch_size: number; epochs: number[][][] };
  splits: SplitCase[];
  random_samplers: SamplerCase[];
  subset_random: SubsetRandomCase[];
  batch_samplers: { n: number; batch_size: number; drop_last: boolean; batches: number[][]; length: number }[];
  collate: Record<string, { output: Structure }>;
  tensor_dataset: Record<"item_1" | "slice_0_3" | "slice_-2_" | "list_4_0", Encoded[]> & {
    inputs: Encoded; targets: Encoded; length: number;
  };
  concat_dataset: { sizes: number[]; cumulative_sizes: number[]; items: number[]; negative: Record<string, number> };
  errors: Record<string, string>;
}

const fx = readFixture<Fixture>("data.json");

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const dtypeOf = (e: Encoded): DType => (e.dtype === "int64" ? "int32" : (e.dtype as DType));

async function values(t: Tensor): Promise<number[]> {
  return Array.from(await t.data(), Number);
}

async function expectTensor(t: Tensor, e: Encoded): Promise<void> {
  expect(t.shape).toEqual(e.shape);
  expect(t.dtype).toBe(dtypeOf(e));
  const got = await values(t);
  e.data.forEach((v, i) => expect(got[i]).toBeCloseTo(Number(v), 6));
  expect(got.length).toBe(e.data.length);
}

/** Compare a collated structure with PyTorch's, tensors by value. */
async function expectStructure(actual: unknown, expected: Structure): Promise<void> {
  if ("tensor" in expected) {
    expect(actual).toBeInstanceOf(Tensor);
    await expectTensor(actual as Tensor, expected.tensor);
  } else if ("list" in expected) {
    expect(Array.isArray(actual)).toBe(true);
    const items = actual as unknown[];
    expect(items.length).toBe(expected.list.length);
    for (let i = 0; i < items.length; i++) await expectStructure(items[i], expected.list[i]!);
  } else if ("dict" in expected) {
    const obj = actual as Record<string, unknown>;
    expect(Object.keys(obj).sort()).toEqual(Object.keys(expected.dict).sort());
    for (const [k, v] of Object.entries(expected.dict)) await expectStructure(obj[k], v);
  } else {
    expect(actual).toEqual(expected.value);
  }
}

/** The generator a case draws from: its own, or the default one seeded as the script did. */
function generatorFor(mode: Mode, seed: number): Generator | undefined {
  if (mode === "generator") {
    manual_seed(seed + 1000); // must not matter: the script seeds the default generator too
    return new Generator().manual_seed(seed);
  }
  manual_seed(seed);
  return undefined;
}

/** What the script draws after the epochs: `torch.randint(0, 1000, (4,), generator=g)`. */
async function after(generator: Generator | undefined): Promise<number[]> {
  return values(randint(0, 1000, [4], { generator: generator ?? default_generator }));
}

function name(c: { mode: Mode; seed: number }, rest: string): string {
  return `${rest}, ${c.mode === "generator" ? "explicit generator" : "torch.manual_seed"} ${c.seed}`;
}

/** Run the data conformance suite with every tensor created on `device`. */
export function runDataConformance(device: string): void {
  describe(`data conformance on ${device} (PyTorch ${fx.torch})`, () => {
    describe("DataLoader batch order with shuffle", () => {
      for (const c of fx.loaders) {
        const label = name(c, `n=${c.n} batch_size=${c.batch_size} drop_last=${c.drop_last}${c.breaks[0] ? " (first epoch stops after one batch)" : ""}`);
        it(label, async () => {
          const generator = generatorFor(c.mode, c.seed);
          const ds = new TensorDataset(arange(c.n, { device }));
          const dl = new DataLoader(ds, c.batch_size, { shuffle: true, drop_last: c.drop_last, generator });
          expect(dl.length).toBe(c.length);
          const epochs: number[][][] = [];
          for (const stop of c.breaks) {
            const batches: number[][] = [];
            for (const [xb] of dl) {
              expect(xb.device.toString()).toBe(ds.tensors[0].device.toString());
              batches.push(await values(xb));
              if (stop) break;
            }
            epochs.push(batches);
          }
          expect(epochs).toEqual(c.epochs);
          expect(await after(generator)).toEqual(c.after);
        });
      }

      it("for await … of gives the same batches", async () => {
        const c = fx.loaders.find((l) => l.mode === "manual_seed" && !l.breaks[0])!;
        generatorFor(c.mode, c.seed);
        const dl = new DataLoader(new TensorDataset(arange(c.n, { device })), c.batch_size, { shuffle: true, drop_last: c.drop_last });
        const epochs: number[][][] = [];
        for (let e = 0; e < 2; e++) {
          const batches: number[][] = [];
          for await (const [xb] of dl) batches.push(await values(xb));
          epochs.push(batches);
        }
        expect(epochs).toEqual(c.epochs);
        expect(await after(undefined)).toEqual(c.after);
      });

      it("without shuffle, in order", async () => {
        const s = fx.sequential;
        const dl = new DataLoader(new TensorDataset(arange(s.n, { device })), s.batch_size);
        const batches: number[][] = [];
        for (const [xb] of dl) batches.push(await values(xb));
        expect([batches]).toEqual(s.epochs);
      });
    });

    describe("random_split", () => {
      for (const c of fx.splits) {
        it(name(c, `n=${c.n} lengths=[${c.lengths.join(", ")}]`), async () => {
          const generator = generatorFor(c.mode, c.seed);
          const parts = random_split(range(c.n), c.lengths, { generator });
          expect(parts.map((p) => p.indices)).toEqual(c.subsets);
          expect(parts.map((p) => [...p])).toEqual(c.subsets); // a Subset of range(n) yields its indices
          expect(await after(generator)).toEqual(c.after);
        });
      }
    });

    describe("RandomSampler", () => {
      for (const c of fx.random_samplers) {
        it(name(c, `n=${c.n} replacement=${c.replacement} num_samples=${c.num_samples}`), async () => {
          const generator = generatorFor(c.mode, c.seed);
          const s = new RandomSampler(range(c.n), { replacement: c.replacement, num_samples: c.num_samples, generator });
          expect(s.length).toBe(c.length);
          expect([[...s], [...s]]).toEqual(c.epochs);
          expect(await after(generator)).toEqual(c.after);
        });
      }
    });

    describe("SubsetRandomSampler", () => {
      for (const c of fx.subset_random) {
        it(name(c, `indices=[${c.indices.join(", ")}]`), async () => {
          const generator = generatorFor(c.mode, c.seed);
          const s = new SubsetRandomSampler(c.indices, { generator });
          expect([[...s], [...s]]).toEqual(c.epochs);
          expect(await after(generator)).toEqual(c.after);
        });
      }
    });

    it("BatchSampler", () => {
      for (const c of fx.batch_samplers) {
        const s = new BatchSampler(new SequentialSampler(range(c.n)), c.batch_size, c.drop_last);
        expect([...s]).toEqual(c.batches);
        expect(s.length).toBe(c.length);
      }
    });

    describe("default_collate", () => {
      const f32 = (data: number[]) => tensor(data, { dtype: "float32", device });
      const batches: Record<string, () => unknown[]> = {
        tuples: () => [[f32([1, 2]), 3, 0.5], [f32([3, 4]), 4, 1.5], [f32([5, 6]), 5, 2.25]],
        dicts: () => [
          { x: tensor([[1, 2], [3, 4]], { device }), y: 0.25, name: "a" },
          { x: tensor([[5, 6], [7, 8]], { device }), y: 0.75, name: "b" },
        ],
        nested: () => [
          { pair: [1, tensor(2.5, { device })], flags: [true, 7] },
          { pair: [3, tensor(4.5, { device })], flags: [false, 8] },
        ],
        ints: () => [0, 1, 2, 3],
        bools: () => [true, false, true],
      };
      for (const [key, make] of Object.entries(batches)) {
        it(key, async () => expectStructure(default_collate(make()), fx.collate[key]!.output));
      }
    });

    describe("TensorDataset", () => {
      const t = fx.tensor_dataset;
      const make = () => {
        const inputs = tensor(t.inputs.data as number[], { dtype: "float32", device }).reshape(t.inputs.shape);
        const targets = tensor(t.targets.data as number[], { dtype: "float32", device }).reshape(t.targets.shape);
        return new TensorDataset(inputs, targets);
      };
      const cases: [keyof typeof t & string, Parameters<TensorDataset["getitem"]>[0]][] = [
        ["item_1", 1],
        ["slice_0_3", "0:3"],
        ["slice_-2_", "-2:"],
        ["list_4_0", [4, 0]],
      ];
      for (const [key, index] of cases) {
        it(`train_ds[${JSON.stringify(index)}]`, async () => {
          const ds = make();
          expect(ds.length).toBe(t.length);
          const got = ds.getitem(index);
          const want = t[key] as Encoded[];
          expect(got.length).toBe(want.length);
          for (let i = 0; i < got.length; i++) await expectTensor(got[i]!, want[i]!);
        });
      }
    });

    it("ConcatDataset", () => {
      const c = fx.concat_dataset;
      const ds = new ConcatDataset([range(3), [10, 11, 12, 13, 14], [20, 21]]);
      expect(ds.cumulative_sizes).toEqual(c.cumulative_sizes);
      expect([...ds]).toEqual(c.items);
      expect(ds.getitem(-1)).toBe(c.negative["-1"]);
      expect(ds.getitem(-10)).toBe(c.negative["-10"]);
    });

    describe("errors speak PyTorch", () => {
      const e = fx.errors;
      it("TensorDataset with different first dimensions", () => {
        expect(() => new TensorDataset(tensor([[1, 2], [3, 4]], { device }), tensor([1, 2, 3], { device }))).toThrow(e.size_mismatch);
      });
      it("batch_size 0", () => {
        expect(() => new DataLoader(range(5), 0)).toThrow(e.batch_size_0);
        expect(() => new DataLoader(range(5), { batch_size: 0 })).toThrow(e.batch_size_0);
      });
      it("split lengths that do not add up", () => {
        expect(() => random_split(range(10), [3, 5])).toThrow(e.split_sum);
      });
      it("exclusive DataLoader options", () => {
        expect(() => new DataLoader(range(5), { sampler: new SequentialSampler(range(5)), shuffle: true })).toThrow(e.sampler_and_shuffle);
        expect(() => new DataLoader(range(5), 2, { batch_sampler: [[0, 1]] })).toThrow(e.batch_sampler_exclusive);
      });
      it("RandomSampler num_samples 0", () => {
        expect(() => new RandomSampler(range(3), { num_samples: 0 })).toThrow(e.num_samples_0);
      });
      it("ragged lists in a batch", () => {
        expect(() => default_collate([[1, 2], [3]])).toThrow(e.collate_ragged);
      });
      it("ConcatDataset index beyond its length", () => {
        expect(() => new ConcatDataset([range(3), range(5), range(2)]).getitem(-11)).toThrow(e.concat_negative);
      });
    });
  });
}
