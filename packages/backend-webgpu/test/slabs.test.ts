// Small tensors share slabs (src/slab-pool.ts): ops between blocks of one slab, in-place writes
// included, give the CPU's values, and the survivors of a collection are moved out of sparse
// slabs, values intact, so that the slabs can go.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { beforeAll, expect, it } from "vitest";
import "@flambeau/backend-cpu";
import * as torch from "flambeau";
import { init, pool_stats } from "@flambeau/backend-webgpu";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const dev = { device: "webgpu" } as const;

beforeAll(async () => {
  await init();
});

it("computes between blocks of one slab, in place too", async () => {
  const a = torch.tensor([1, 2, 3, 4], dev), b = torch.tensor([10, 20, 30, 40], dev);
  expect(Array.from(await a.mul(a).add(b).data())).toEqual([11, 24, 39, 56]);
  a.add_(b); // reads b's block and writes a's, in one slab
  b.copy_(a.index("1:3").repeat(2)); // and the other way, through strided views
  expect(Array.from(await a.data())).toEqual([11, 22, 33, 44]);
  expect(Array.from(await b.data())).toEqual([22, 33, 22, 33]);
  const ints = torch.tensor([7, 8, 9, 10], { ...dev, dtype: "int32" });
  a.copy_(ints); // a cast between blocks of one slab
  expect(Array.from(await a.data())).toEqual([7, 8, 9, 10]);
});

/** Small tensors of `i` for i < n, spread over several slabs; those with `i % 500 == 0` survive a collection. */
async function survivorsOfACollection(n: number): Promise<torch.Tensor[]> {
  const keep: torch.Tensor[] = [];
  let junk: torch.Tensor[] | null = [];
  for (let i = 0; i < n; i++) (i % 500 === 0 ? keep : junk).push(torch.full([4], i, dev));
  await keep[0]!.data();
  junk = null;
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 0));
  }
  return keep;
}

it("moves the survivors of a collection out of sparse slabs, values intact", async () => {
  const keep = await survivorsOfACollection(4000);
  const filled = pool_stats();
  await torch.zeros([1], dev).data(); // a submit returns the freed blocks, and compacts
  expect(pool_stats().buffers).toBeLessThan(filled.buffers);
  expect(pool_stats().bytes).toBeLessThan(filled.bytes);
  for (const [k, t] of keep.entries()) expect(Array.from(await t.data())).toEqual([500 * k, 500 * k, 500 * k, 500 * k]);
  expect(await keep[3]!.add(keep[7]!).sum().item()).toBe(4 * (1500 + 3500));
});

it("compacts safely when a batch fills up in the middle of a loop", async () => {
  // No submit since the collection: the first comes when the batch is full, between two ops
  // that read a survivor the compaction moves.
  const keep = await survivorsOfACollection(4000);
  let acc = torch.zeros([4], dev);
  for (let i = 0; i < 600; i++) acc = acc.add(keep[7]!);
  expect(Array.from(await acc.data())).toEqual([2_100_000, 2_100_000, 2_100_000, 2_100_000]);
});
