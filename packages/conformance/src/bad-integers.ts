/**
 * Bad-input rows: whole numbers never wrap (issue 11). On the CPU whole numbers past int32 are
 * int64 (exact to 2^53 - 1) and integer sums give PyTorch's int64; the GPUs, without int64,
 * infer float32 and refuse an int32 sum that overflows. Past 2^53, every op refuses rather than
 * rounds; gpu.js refuses what its float32 textures computed past 2^24.
 */
import { expect } from "vitest";
import * as torch from "flambeau";
import type { BadInputCase } from "./bad-input.js";
import { T, values } from "./case-kit.js";
import { hasInt64 } from "./int64.js";

/** 4097^2 and 4096^2 computed as int32 on `d`: both past 2^24, which gpu.js's float32 textures cannot hold exactly. */
const squares = (d: string) => {
  const [a, b] = [4097, 4096].map((v) => torch.full([1], v, { dtype: "int32", device: d }));
  return { a: a!.mul(a!), b: b!.mul(b!) };
};

export const BAD_INTEGER_CASES: BadInputCase[] = [
  // On the CPU whole numbers past int32 are int64 (exact to 2^53 - 1) and integer sums give
  // PyTorch's int64; the GPUs, without int64, infer float32 and refuse an int32 sum that overflows.
  {
    name: "tensor([3e9]) infers int64 on the CPU and keeps the value exactly (PyTorch: int64)",
    where: "int64",
    run: (_, d) => torch.tensor([3e9, -3], { device: d }),
    gives: async (t: torch.Tensor) => {
      expect(t.dtype).toBe("int64");
      expect(await values(t)).toEqual([3000000000, -3]);
      expect(String(t)).toBe("tensor([3000000000,         -3])");
    },
  },
  {
    name: "tensor([2787965087]) (revenue-sized) infers int64 on the CPU, exact, not a wrapped int32",
    where: "int64",
    run: (_, d) => torch.tensor([2787965087, 12], { device: d }),
    gives: async (t: torch.Tensor) => {
      expect(t.dtype).toBe("int64");
      expect(await values(t)).toEqual([2787965087, 12]);
    },
  },
  {
    name: "tensor([3e9]) on a GPU (no int64) infers float32 and keeps the value",
    where: "no int64",
    run: (_, d) => torch.tensor([3e9], { device: d }),
    gives: async (t: torch.Tensor) => {
      expect(t.dtype).toBe("float32");
      expect(await values(t)).toEqual([3e9]);
    },
  },
  {
    name: "tensor([2787965087]) (revenue-sized) on a GPU infers float32, not a wrapped int32",
    where: "no int64",
    run: (_, d) => torch.tensor([2787965087, 12], { device: d }),
    gives: async (t: torch.Tensor) => {
      expect(t.dtype).toBe("float32");
      expect(await values(t)).toEqual([Math.fround(2787965087), 12]);
    },
  },
  {
    name: "tensor([1e10]).div(1e9) is 10",
    run: (_, d) => torch.tensor([1e10], { device: d }).div(1e9),
    gives: async (t: torch.Tensor) => expect(await values(t)).toEqual([10]),
  },
  {
    name: "an int32 tensor plus a scalar beyond int32 gives int64 on the CPU, exact, not a wrapped int32",
    where: "int64",
    run: (_, d) => torch.tensor([1, 2], { device: d }).add(3e9),
    gives: async (t: torch.Tensor) => {
      expect(t.dtype).toBe("int64");
      expect(await values(t)).toEqual([3000000001, 3000000002]);
    },
  },
  {
    name: "an int32 tensor plus a scalar beyond int32 gives float32 on a GPU, not a wrapped int32",
    where: "no int64",
    run: (_, d) => torch.tensor([1, 2], { device: d }).add(3e9),
    gives: async (t: torch.Tensor) => {
      expect(t.dtype).toBe("float32");
      expect(await values(t)).toEqual([3e9, 3e9]);
    },
  },
  {
    name: "full() of a fill value beyond int32 infers int64 on the CPU",
    where: "int64",
    run: (_, d) => torch.full([2], 5e9, { device: d }),
    gives: async (t: torch.Tensor) => {
      expect(t.dtype).toBe("int64");
      expect(await values(t)).toEqual([5e9, 5e9]);
    },
  },
  {
    name: "full() of a fill value beyond int32 infers float32 on a GPU",
    where: "no int64",
    run: (_, d) => torch.full([2], 5e9, { device: d }),
    gives: async (t: torch.Tensor) => {
      expect(t.dtype).toBe("float32");
      expect(await values(t)).toEqual([5e9, 5e9]);
    },
  },
  {
    name: "tensor([1e40]), beyond float32, is refused",
    run: (_, d) => torch.tensor([1e40], { device: d }),
    error: RangeError,
    words: ["tensor()", "1e+40", "float32", "float64"],
  },
  {
    name: "tensor([3e9], int32) is refused (PyTorch: value cannot be converted without overflow)",
    run: (_, d) => torch.tensor([3e9], { dtype: "int32", device: d }),
    error: Error,
    words: ["tensor()", "3000000000", "int32", "overflow"],
  },
  {
    name: "fill_ of an int32 tensor with a value beyond int32 is refused",
    make: (d) => ({ tensors: [torch.tensor([1, 2], { device: d })] }),
    run: (s) => T(s).fill_(3e9),
    error: Error,
    words: ["fill_", "3000000000", "int32", "overflow"],
  },
  {
    name: "arange(0, 100000).sum() gives PyTorch's int64 4999950000 on the CPU",
    where: "int64",
    run: (_, d) => torch.arange(0, 100000, { device: d }).sum(),
    gives: async (t: torch.Tensor) => {
      expect(t.dtype).toBe("int64");
      expect(await t.item()).toBe(4999950000);
      expect(String(t)).toBe("tensor(4999950000)");
    },
  },
  {
    name: "arange(0, 100000).sum() on a GPU (int32, no int64) is refused naming .cpu(), not wrapped",
    where: "no int64",
    run: async (_, d) => torch.arange(0, 100000, { device: d }).sum().data(),
    error: Error,
    words: ["sum()", "does not fit int32", /on '(webgpu|gpujs)'/, "x.cpu().sum()"],
  },
  {
    name: "row sums of a [300, 3000] int32 tensor give int64 3000000000 each on the CPU",
    where: "int64",
    run: (_, d) => torch.full([300, 3000], 1000000, { dtype: "int32", device: d }).sum(1),
    gives: async (t: torch.Tensor) => {
      expect(t.dtype).toBe("int64");
      expect(await values(t)).toEqual(new Array(300).fill(3e9));
    },
  },
  {
    name: "row sums past int32 on a [300, 3000] int32 tensor on a GPU are refused, not wrapped",
    where: "no int64",
    run: async (_, d) => torch.full([300, 3000], 1000000, { dtype: "int32", device: d }).sum(1).data(),
    error: Error,
    words: ["sum()", "does not fit int32", "x.cpu().sum()"],
  },
  {
    name: "an int32 product 2^40 gives int64 on the CPU",
    where: "int64",
    run: (_, d) => torch.full([40], 2, { dtype: "int32", device: d }).prod(),
    gives: async (t: torch.Tensor) => {
      expect(t.dtype).toBe("int64");
      expect(await t.item()).toBe(2 ** 40);
    },
  },
  {
    name: "an int32 product past int32 (2^40) on a GPU is refused, not wrapped",
    where: "no int64",
    run: async (_, d) => torch.full([40], 2, { dtype: "int32", device: d }).prod().data(),
    error: Error,
    words: ["does not fit int32", ".cpu()"],
  },
  {
    name: "integer sums are exact: int64 on the CPU, int32 on a GPU (bool counts, 1..5000)",
    run: async (_, d) => [torch.arange(1, 5001, { device: d }).sum(), torch.arange(0, 5000, { device: d }).lt(1234).sum(), torch.full([8, 100], 1000, { dtype: "int32", device: d }).sum(0)],
    gives: async ([a, b, c]: torch.Tensor[]) => {
      const dtype = hasInt64(a!.device.toString()) ? "int64" : "int32";
      expect(a!.dtype).toBe(dtype);
      expect(await values(a!)).toEqual([12502500]);
      expect(b!.dtype).toBe(dtype);
      expect(await values(b!)).toEqual([1234]);
      expect(await values(c!)).toEqual(new Array(100).fill(8000));
    },
  },
  // int64 is exact to 2^53 - 1: past it, every op refuses rather than rounds.
  {
    name: "an int64 sum past 2^53 is refused, not rounded",
    where: "int64",
    run: (_, d) => torch.tensor([2 ** 53 - 1, 2], { dtype: "int64", device: d }).sum(),
    error: RangeError,
    words: ["sum()", "int64", "2^53"],
  },
  {
    name: "an int64 sum that passes 2^53 and comes back is refused (the partial sum may have rounded)",
    where: "int64",
    run: (_, d) => torch.tensor([[2 ** 53 - 1, 2, -2]], { dtype: "int64", device: d }).sum(1),
    error: RangeError,
    words: ["sum()", "int64", "2^53"],
  },
  {
    name: "an int64 product past 2^53 is refused",
    where: "int64",
    make: (d) => ({ tensors: [torch.tensor([3e9, 5], { device: d })] }),
    run: (s) => T(s).mul(T(s)),
    error: RangeError,
    words: ["mul()", "int64", "2^53"],
  },
  {
    name: "an in-place int64 add past 2^53 is refused and changes nothing",
    where: "int64",
    make: (d) => ({ tensors: [torch.tensor([2 ** 52, 1], { dtype: "int64", device: d })] }),
    run: (s) => T(s).add_(2 ** 52),
    error: RangeError,
    words: ["add_()", "int64", "2^53"],
  },
  {
    name: "an int64 matmul whose partial sum passes 2^53 is refused",
    where: "int64",
    run: (_, d) => torch.tensor([[2 ** 53 - 1, 1, -1]], { dtype: "int64", device: d }).matmul(torch.tensor([[1], [1], [1]], { dtype: "int64", device: d })),
    error: RangeError,
    words: ["matmul()", "int64", "2^53"],
  },
  {
    name: "tensor() of a value past 2^53 with dtype int64 is refused, not rounded",
    where: "int64",
    run: (_, d) => torch.tensor([2 ** 53], { dtype: "int64", device: d }),
    error: RangeError,
    words: ["tensor()", "int64", "2^53"],
  },
  {
    name: "casting 1e20 to int64 (.long()) is refused",
    where: "int64",
    make: (d) => ({ tensors: [torch.tensor([1e20, 1], { dtype: "float32", device: d })] }),
    run: (s) => T(s).long(),
    error: RangeError,
    words: ["to()", "int64", "2^53"],
  },
  {
    name: "fill_ of an int64 tensor past 2^53 is refused",
    where: "int64",
    make: (d) => ({ tensors: [torch.tensor([1, 2], { dtype: "int64", device: d })] }),
    run: (s) => T(s).fill_(2 ** 60),
    error: RangeError,
    words: ["fill_()", "int64", "2^53"],
  },
  // The GPUs have no int64: it is refused wherever a tensor is made, cast or moved there.
  {
    name: "an int64 tensor moved to a GPU is refused naming .cpu()",
    where: "no int64",
    run: (_, d) => torch.tensor([3e9, 1]).to(d),
    error: Error,
    words: ["to()", /'(webgpu|gpujs)' device does not support dtype int64/, "x.cpu()"],
  },
  {
    name: "tensor() with dtype int64 on a GPU is refused",
    where: "no int64",
    run: (_, d) => torch.tensor([1], { dtype: "int64", device: d }),
    error: Error,
    words: ["tensor()", "does not support dtype int64", "x.cpu()"],
  },
  {
    name: ".long() on a GPU is refused",
    where: "no int64",
    make: (d) => ({ tensors: [torch.tensor([1, 2], { device: d })] }),
    run: (s) => T(s).long(),
    error: Error,
    words: ["to()", "does not support dtype int64", "x.cpu()"],
  },
  {
    name: "an int32 sum past 2^24 is exact, or refused on gpujs (float32 textures round it)",
    run: (_, d) => torch.arange(1, 10001, { device: d }).sum(),
    gives: async (t: torch.Tensor) => {
      if (t.device.type === "gpujs") await expect(t.data()).rejects.toThrow(/gpujs: an (int32|integer) result .*computed .*past 2\^24/);
      else expect(await values(t)).toEqual([50005000]);
    },
  },
  // gpu.js keeps int32 in float32 textures: a value at or past 2^24 may round (2^24 + 1 gives
  // 2^24), so what is computed through one must be refused there, even when it comes back in range.
  ...(
    [
      ["a*a - b*b, the products past 2^24 (4097^2 - 4096^2)", (d: string) => squares(d).a.sub(squares(d).b), [8193]],
      ["x + 2 - 5, the sum past 2^24 (16777215 + 2 - 5)", (d: string) => torch.full([2], 16777215, { dtype: "int32", device: d }).add(2).sub(5), [16777212, 16777212]],
      ["x - (a*a - b*b), an operand computed through 2^24", (d: string) => torch.full([1], 3, { dtype: "int32", device: d }).sub(squares(d).a.sub(squares(d).b)), [-8190]],
      ["a matmul whose products pass 2^24 ([4097, -4096] @ [4097, 4096])", (d: string) => torch.tensor([[4097, -4096]], { dtype: "int32", device: d }).matmul(torch.tensor([[4097], [4096]], { dtype: "int32", device: d })), [8193]],
      ["a sum past 2^24 and back (16777215 + 2 - 16777215)", (d: string) => torch.tensor([16777215, 2, -16777215], { dtype: "int32", device: d }).sum(), [2]],
      ["a comparison of products past 2^24 (4097^2 > 4096^2)", (d: string) => squares(d).a.gt(squares(d).b), [1]],
      ["the smallest of products past 2^24 (min of -4097^2, 1)", (d: string) => torch.tensor([-4097, 1], { dtype: "int32", device: d }).mul(torch.tensor([4097, 1], { dtype: "int32", device: d })).min(), [-16785409]],
    ] as const
  ).map(([what, run, exact]): BadInputCase => ({
    name: `int32 ${what}: exact, or refused on gpujs, never rounded`,
    run: (_, d) => run(d),
    gives: async (t: torch.Tensor) => {
      if (t.device.type === "gpujs") await expect(t.data()).rejects.toThrow(/gpujs: an integer result was computed from a value at or past 2\^24/);
      else expect(await values(t)).toEqual(exact);
    },
  })),
  {
    name: "int32 cast to float32 after products past 2^24: exact, or NaN on gpujs (a float has no room for the refusal), never rounded",
    run: (_, d) => squares(d).a.sub(squares(d).b).float(),
    gives: async (t: torch.Tensor) => expect(await values(t)).toEqual(t.device.type === "gpujs" ? [NaN] : [8193]),
  },
];
