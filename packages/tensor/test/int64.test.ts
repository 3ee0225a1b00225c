/**
 * int64 on the CPU (docs/design.md, "Whole numbers and dtypes"): the names, exact reads, casts,
 * and int64 wherever PyTorch code passes `torch.long` tensors. Values past int32 are PyTorch
 * 1.13's; the op results themselves are checked against fixtures by the conformance suite.
 */
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";

const MAX = Number.MAX_SAFE_INTEGER;

describe("int64 is a dtype of its own on the CPU", () => {
  it("torch.int64 and torch.long name it; .long() and .to('int64') make it", () => {
    expect([torch.int64, torch.long]).toEqual(["int64", "int64"]);
    const x = torch.tensor([1.7, -2.5, 3]);
    expect(x.long().dtype).toBe("int64");
    expect(x.to("int64").tolistSync()).toEqual([1, -2, 3]); // truncated toward zero, as PyTorch
    expect(x.long().element_size()).toBe(8);
    expect(torch.tensor([5], { dtype: "int64" }).float().dtype).toBe("float32");
  });

  it("reads back exactly up to 2^53 - 1: item, tolist, data", async () => {
    const t = torch.tensor([MAX, -MAX, 3000000000]);
    expect(t.dtype).toBe("int64");
    expect(t.tolistSync()).toEqual([MAX, -MAX, 3000000000]);
    expect(await t.index(0).item()).toBe(MAX);
    expect(Array.from(await t.data())).toEqual([MAX, -MAX, 3000000000]);
  });

  it("whole numbers past int32 infer int64 in tensor, full and arange; those within int32 stay int32", () => {
    expect(torch.tensor([1, 2]).dtype).toBe("int32");
    expect(torch.arange(0, 3e9, 1e9).dtype).toBe("int64");
    expect(torch.arange(0, 3e9, 1e9).tolistSync()).toEqual([0, 1e9, 2e9]);
    expect(torch.full([1], -5e9).tolistSync()).toEqual([-5e9]);
    // Past 2^53 a JavaScript number may already have rounded: float32, as a fraction would be.
    expect(torch.tensor([2 ** 60]).dtype).toBe("float32");
  });

  it("an int64 value becomes -0 nowhere: 0 * -3 and -(0) are 0", () => {
    const z = torch.tensor([0, 5], { dtype: "int64" });
    expect(Object.is(z.mul(-3).dataSync()[0], 0)).toBe(true);
    expect(Object.is(z.neg().dataSync()[0], 0)).toBe(true);
  });

  it("an int32 tensor refuses an int64 result it cannot hold, in place and through copy_", () => {
    const x = torch.tensor([1, 2]);
    expect(() => x.add_(3e9)).toThrow(/add_.*3000000001.*int32/);
    expect(() => x.copy_(torch.tensor([3e9, 1]))).toThrow(/copy_.*3000000000.*int32/);
    expect(x.tolistSync()).toEqual([1, 2]);
    x.add_(torch.tensor([10, 20], { dtype: "int64" }));
    expect([x.dtype, ...x.dataSync()]).toEqual(["int32", 11, 22]);
  });
});

describe("int64 (torch.long) tensors work as indices", () => {
  const x = torch.tensor([[10, 20, 30], [40, 50, 60]]);
  const long = (v: number[] | number[][]) => torch.tensor(v, { dtype: torch.long });

  it("gather, index_select, scatter_add and tensor indexing take them", () => {
    expect(x.gather(1, long([[2, 0], [1, 1]])).tolistSync()).toEqual([[30, 10], [50, 50]]);
    expect(x.index_select(1, long([2, 0])).tolistSync()).toEqual([[30, 10], [60, 40]]);
    expect(x.index(long([1, -2])).tolistSync()).toEqual([[40, 50, 60], [10, 20, 30]]);
    expect(torch.zeros([3], { dtype: "int32" }).scatter_add(0, long([0, 2, 0]), torch.tensor([1, 2, 3], { dtype: "int32" })).tolistSync()).toEqual([4, 0, 2]);
  });

  it("cross_entropy targets, embedding and one_hot indices may be int64, giving what int32 ones give", () => {
    const F = torch.nn.functional;
    const logits = torch.tensor([[1.5, -0.5, 0.25], [0.1, 2, -1]], { dtype: "float32" });
    const byLong = F.cross_entropy(logits, long([2, 1])).itemSync();
    expect(byLong).toBe(F.cross_entropy(logits, torch.tensor([2, 1])).itemSync());
    const w = torch.tensor([[1, 2], [3, 4], [5, 6]], { dtype: "float32" });
    expect(F.embedding(long([[2, 0]]), w).tolistSync()).toEqual([[[5, 6], [1, 2]]]);
    const hot = F.one_hot(long([2, 0]), 3);
    expect([hot.dtype, hot.tolistSync()]).toEqual(["int32", [[0, 0, 1], [1, 0, 0]]]);
  });

  it("an int64 index past int32 is out of bounds, not wrapped to a valid one", () => {
    expect(() => x.index_select(1, long([2 ** 32]))).toThrow(/index_select.*4294967296.*out of bounds/);
  });
});
