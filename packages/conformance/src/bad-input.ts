/**
 * The bad-input catalogue (DESIGN.md, Decision 6): one table of inputs PyTorch refuses or
 * treats specially, each with the error class and words it must raise, or the result it must
 * give. After a refused input, every tensor, module and optimizer the case built is checked
 * unchanged: values, layout, version, autograd state, gradients and optimizer state.
 */
import { expect, it } from "vitest";
import * as torch from "flambeau";
import { snapshot } from "./errors.js";
import { hasInt64 } from "./int64.js";

/** What a case builds on the device under test; everything listed must survive a refusal. */
export interface Involved {
  tensors?: torch.Tensor[];
  modules?: torch.nn.Module[];
  optimizers?: torch.optim.Optimizer[];
}

/** Devices a case runs on: those with int64 (the CPU), those without (the GPUs), or all. */
type Where = "int64" | "no int64";

interface Refused {
  name: string;
  where?: Where;
  make?: (device: string) => Involved;
  run: (state: Involved, device: string) => unknown;
  /** The exact error class: `TypeError` for a wrong kind of argument, `Error` for a bad value. */
  error: typeof Error;
  /**
   * The class on a device that reads asynchronously (WebGPU), where a kernel finds the bad
   * value and another op's words report it, when that differs from `error`.
   */
  errorWhenAsync?: typeof Error;
  /** Every fragment must occur in the message. */
  words: (string | RegExp)[];
}

interface Accepted {
  name: string;
  where?: Where;
  make?: (device: string) => Involved;
  run: (state: Involved, device: string) => unknown;
  /** Checks the result against PyTorch's (values from PyTorch 1.13, noted beside each case). */
  gives: (result: any, state: Involved) => unknown;
}

export type BadInputCase = Refused | Accepted;

const f32 = (d: string, data: number[]) => torch.tensor(data, { dtype: "float32", device: d });
const leaf = (d: string, data: number[]) => f32(d, data).requires_grad_(true);
const T = (state: Involved, i = 0) => state.tensors![i]!;
/** 4097^2 and 4096^2 computed as int32 on `d`: both past 2^24, which gpu.js's float32 textures cannot hold exactly. */
const squares = (d: string) => {
  const [a, b] = [4097, 4096].map((v) => torch.full([1], v, { dtype: "int32", device: d }));
  return { a: a!.mul(a!), b: b!.mul(b!) };
};

async function values(t: torch.Tensor): Promise<number[]> {
  return Array.from(await t.data());
}

export const BAD_INPUT_CASES: BadInputCase[] = [
  // ---- whole numbers never wrap ---------------------------------------------------------
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
    words: ["add()", "int64", "2^53"],
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
  // ---- operands of the wrong kind ---------------------------------------------------------
  {
    name: "add(undefined)",
    make: (d) => ({ tensors: [leaf(d, [1, 2])] }),
    run: (s) => T(s).add(undefined as never),
    error: TypeError,
    words: ["add()", "other", "undefined"],
  },
  {
    name: "add([1, 2]) (an array, not a tensor)",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => T(s).add([1, 2] as never),
    error: TypeError,
    words: ["add()", "other", "array", "torch.tensor"],
  },
  {
    name: "mul(null)",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => T(s).mul(null as never),
    error: TypeError,
    words: ["mul()", "null"],
  },
  {
    name: "add_(\"1\") in place",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => T(s).add_("1" as never),
    error: TypeError,
    words: ["add", "string \"1\""],
  },
  {
    name: "setIndex([\":\", 0], \"a\")",
    make: (d) => ({ tensors: [torch.zeros([2, 2], { device: d })] }),
    run: (s) => T(s).setIndex([":", 0], "a" as never),
    error: TypeError,
    words: ["setitem()", "value", "string \"a\""],
  },
  {
    name: "where() with an undefined operand",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => torch.where(T(s).gt(1), undefined as never, T(s)),
    error: TypeError,
    words: ["where()", "input", "undefined"],
  },
  {
    name: "masked_fill with an object value",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => T(s).masked_fill(T(s).gt(1), {} as never),
    error: TypeError,
    words: ["masked_fill()", "value", "object"],
  },
  {
    name: "copy_(3) (a number, not a tensor)",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => T(s).copy_(3 as never),
    error: TypeError,
    words: ["copy_()", "src", "number 3"],
  },
  {
    name: "matmul(undefined)",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => T(s).matmul(undefined as never),
    error: TypeError,
    words: ["matmul()", "other", "undefined"],
  },
  {
    name: "mm with an array",
    make: (d) => ({ tensors: [f32(d, [1, 2]).reshape([1, 2])] }),
    run: (s) => T(s).mm([[1], [2]] as never),
    error: TypeError,
    words: ["mm()", "must be Tensor", "array"],
  },
  {
    name: "cat([x, undefined])",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => torch.cat([T(s), undefined as never]),
    error: TypeError,
    words: ["cat()", "tensors[1]", "undefined"],
  },
  {
    name: "x.to(\"float16\") (a dtype Flambeau lacks)",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => T(s).to("float16" as never),
    error: TypeError,
    words: ["to()", "float16", "float32"],
  },
  // ---- creation functions ----------------------------------------------------------------
  {
    name: "zeros with dtype float16",
    run: (_, d) => torch.zeros([2], { dtype: "float16" as never, device: d }),
    error: TypeError,
    words: ["zeros()", "float16", "float32, float64"],
  },
  {
    name: "tensor() with dtype uint8",
    run: (_, d) => torch.tensor([1], { dtype: "uint8" as never, device: d }),
    error: TypeError,
    words: ["tensor()", "uint8", "int32, int64"],
  },
  {
    name: "randn with dtype float16",
    run: (_, d) => torch.randn([2], { dtype: "float16" as never, device: d }),
    error: TypeError,
    words: ["randn()", "float16", "float32"],
  },
  {
    name: "eye(-1)",
    run: (_, d) => torch.eye(-1, { device: d }),
    error: Error,
    words: ["eye()", "n must be greater or equal to 0, got -1"],
  },
  {
    name: "eye(2.5)",
    run: (_, d) => torch.eye(2.5, { device: d }),
    error: TypeError,
    words: ["eye()", "'n'", "2.5"],
  },
  {
    name: "arange(0, NaN)",
    run: (_, d) => torch.arange(0, NaN, { device: d }),
    error: Error,
    words: ["arange()", "unsupported range", "NaN"],
  },
  {
    name: "arange(0, Infinity)",
    run: (_, d) => torch.arange(0, Infinity, { device: d }),
    error: Error,
    words: ["arange()", "unsupported range", "Infinity"],
  },
  {
    name: "zeros([-1])",
    run: (_, d) => torch.zeros([-1], { device: d }),
    error: Error,
    words: ["zeros()", "negative dimension -1", "[-1]"],
  },
  {
    name: "ones([2.5])",
    run: (_, d) => torch.ones([2.5], { device: d }),
    error: TypeError,
    words: ["ones()", "whole numbers", "2.5"],
  },
  {
    name: "full([NaN], 1)",
    run: (_, d) => torch.full([NaN], 1, { device: d }),
    error: TypeError,
    words: ["full()", "NaN"],
  },
  {
    name: "rand(2, -3)",
    run: (_, d) => torch.rand(2, -3, { device: d }),
    error: Error,
    words: ["rand()", "negative dimension -3", "[2, -3]"],
  },
  {
    name: "linspace(0, 1, 2.5)",
    run: (_, d) => torch.linspace(0, 1, 2.5, { device: d }),
    error: TypeError,
    words: ["linspace()", "steps", "2.5"],
  },
  // ---- autograd entry points -------------------------------------------------------------
  {
    name: "y.backward({ retain_graph: true }) on a scalar (gradient left out), twice",
    make: (d) => ({ tensors: [leaf(d, [1, 2])] }),
    run: (s) => {
      const y = T(s).mul(T(s)).sum();
      y.backward({ retain_graph: true });
      y.backward({ retain_graph: true });
      return T(s).grad;
    },
    gives: async (g: torch.Tensor) => expect(await values(g)).toEqual([4, 8]), // 2 * 2x
  },
  {
    name: "y.backward(null, { retain_graph: true }), twice",
    make: (d) => ({ tensors: [leaf(d, [1, 2])] }),
    run: (s) => {
      const y = T(s).mul(3).sum();
      y.backward(null, { retain_graph: true });
      y.backward(null);
      return T(s).grad;
    },
    gives: async (g: torch.Tensor) => expect(await values(g)).toEqual([6, 6]),
  },
  {
    name: "y.backward(\"ones\") (a string gradient)",
    make: (d) => ({ tensors: [leaf(d, [1, 2])] }),
    run: (s) => T(s).sum().backward("ones" as never),
    error: TypeError,
    words: ["backward()", "gradient", "string \"ones\""],
  },
  {
    name: "x.grad = a gradient of another size",
    make: (d) => ({ modules: [new torch.nn.Linear(2, 1).to(d)] }),
    run: (s, d) => {
      (s.modules![0] as torch.nn.Linear).bias!.grad = torch.ones([3], { device: d });
    },
    error: Error,
    words: ["assigned grad has data of a different size", "[3]", "[1]"],
  },
  {
    name: "x.grad = a gradient of another dtype",
    make: (d) => ({ tensors: [leaf(d, [1, 2])] }),
    run: (s, d) => {
      T(s).grad = torch.ones([2], { dtype: "int32", device: d });
    },
    error: Error,
    words: ["assigned grad has data of a different type", "int32", "float32"],
  },
  {
    name: "x.grad = [1, 1] (not a tensor)",
    make: (d) => ({ tensors: [leaf(d, [1, 2])] }),
    run: (s) => {
      T(s).grad = [1, 1] as never;
    },
    error: TypeError,
    words: ["assigned grad expected to be a Tensor", "array"],
  },
  {
    name: "opt.step() with a bad learning rate in its second group changes no parameter or state",
    make: (d) => {
      const model = new torch.nn.Linear(2, 2).to(d);
      const opt = new torch.optim.SGD([{ params: [model.weight] }, { params: [model.bias!] }], { lr: 0.1, momentum: 0.9 });
      const step = () => {
        opt.zero_grad();
        model(torch.ones([3, 2], { device: d })).sum().backward();
        opt.step();
      };
      step(); // momentum buffers exist
      model(torch.ones([3, 2], { device: d })).sum().backward();
      (opt.param_groups[1] as { lr: unknown }).lr = "0.1";
      return { modules: [model], optimizers: [opt] };
    },
    run: (s) => s.optimizers![0]!.step(),
    error: TypeError,
    words: ["SGD.step()", "param_groups[1].lr", "\"0.1\"", "no parameter was updated"],
  },
  {
    name: "w.index(0).mul_(3) on a leaf that requires grad",
    make: (d) => ({ tensors: [leaf(d, [1, 2])] }),
    run: (s) => T(s).index(0).mul_(3),
    error: Error,
    words: ["mul_", "a view of a leaf Variable that requires grad is being used in an in-place operation"],
  },
  // The in-place forms derived from the op tables make PyTorch's checks before they write.
  {
    name: "fmod_ on a leaf that requires grad",
    make: (d) => ({ tensors: [leaf(d, [5, -7])] }),
    run: (s) => T(s).fmod_(2),
    error: Error,
    words: ["fmod_", "a leaf Variable that requires grad is being used in an in-place operation"],
  },
  {
    // PyTorch: "result type Float can't be cast to the desired output type Int"
    name: "sqrt_ of an int32 tensor (its float result cannot be written back)",
    make: (d) => ({ tensors: [torch.tensor([4, 9], { dtype: "int32", device: d })] }),
    run: (s) => T(s).sqrt_(),
    error: Error,
    words: ["sqrt_", "result type Float can't be cast to the desired output type Int"],
  },
  {
    // PyTorch: "output with shape [3] doesn't match the broadcast shape [2, 3]"
    name: "eq_ whose broadcast shape is larger than the tensor written into",
    make: (d) => ({ tensors: [f32(d, [1, 2, 3]), torch.ones([2, 3], { device: d })] }),
    run: (s) => T(s).eq_(T(s, 1)),
    error: Error,
    words: ["eq_", "output with shape [3] doesn't match the broadcast shape [2, 3]"],
  },
  {
    // PyTorch: "result type Float can't be cast to the desired output type Int"
    name: "atan2_ of an int32 tensor",
    make: (d) => ({ tensors: [torch.tensor([1, 2], { dtype: "int32", device: d }), f32(d, [1, 1])] }),
    run: (s) => T(s).atan2_(T(s, 1)),
    error: Error,
    words: ["atan2_", "result type Float can't be cast to the desired output type Int"],
  },
  // ---- refused above the backends, once (docs/design.md, "Errors") ---------------------------
  {
    name: "float64 where the device lacks it is refused when made, cast or moved, with the same words (the CPU has it)",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => s,
    gives: async (s: Involved) => {
      const t = T(s);
      const d = t.device.type;
      const attempts: [string, () => torch.Tensor][] = [
        ["tensor(): the", () => torch.tensor([1.5], { dtype: "float64", device: d })],
        ["zeros(): the", () => torch.zeros([2], { dtype: "float64", device: d })],
        ["full(): the", () => torch.full([2], 0.5, { dtype: "float64", device: d })],
        ["to(): the", () => t.to("float64")],
        ["to(): the", () => t.double()],
        ["to(): the", () => torch.tensor([1.5], { dtype: "float64" }).to(d)],
      ];
      for (const [prefix, make] of attempts) {
        if (d === "cpu") {
          expect(make().dtype).toBe("float64");
          continue;
        }
        let error: unknown = null;
        try {
          make();
        } catch (e) {
          error = e;
        }
        expect((error as Error).constructor.name).toBe("Error");
        expect((error as Error).message).toBe(`${prefix} '${d}' device does not support dtype float64; use float32, or the CPU for float64`);
      }
      expect(await values(t)).toEqual([1, 2]);
      expect(t.dtype).toBe("float32");
    },
  },
  {
    name: "synchronous reads name the awaited form where the device reads asynchronously (webgpu), and work elsewhere",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => s,
    gives: async (s: Involved) => {
      const t = T(s);
      const d = t.device.type;
      const reads: [string, () => unknown, string][] = [
        ["dataSync()", () => t.dataSync(), "use 'await tensor.data()' instead"],
        ["itemSync()", () => t.index(0).itemSync(), "use 'await tensor.item()' instead"],
        ["tolistSync()", () => t.tolistSync(), "use 'await tensor.tolist()' instead"],
        ['to("cpu")', () => t.to("cpu"), "use 'await tensor.toAsync(\"cpu\")' instead"],
        ["allclose() returns a boolean at once, so it", () => torch.allclose(t, t), "torch.isclose(input, other).all().item()"],
        ["equal() returns a boolean at once, so it", () => torch.equal(t, t), "torch.eq(input, other).all().item()"],
        ["index() with a boolean mask", () => t.index(t.gt(1)), 'x.index(await mask.toAsync("cpu"))'],
        ["one_hot() with num_classes=-1", () => torch.nn.functional.one_hot(torch.tensor([0, 2], { device: d })), "pass num_classes"],
      ];
      for (const [what, read, instead] of reads) {
        let error: unknown = null;
        try {
          read();
        } catch (e) {
          error = e;
        }
        if (d !== "webgpu") {
          expect(error).toBe(null);
          continue;
        }
        expect((error as Error).constructor.name).toBe("Error");
        expect((error as Error).message).toContain(`${what} reads synchronously, which device '${d}' cannot do (its reads are asynchronous); `);
        expect((error as Error).message).toContain(instead);
      }
    },
  },
  {
    // PyTorch: "equal(): argument 'other' (position 2) must be Tensor, not list"
    name: "equal(t, [1, 2]) (an array, not a tensor)",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => torch.equal(T(s), [1, 2] as never),
    error: TypeError,
    words: ["equal()", "argument 'other' must be Tensor", "array"],
  },
  {
    name: "neg() of a bool tensor",
    make: (d) => ({ tensors: [torch.tensor([true, false], { device: d })] }),
    run: (s) => T(s).neg(),
    error: Error,
    words: ["Negation, the `-` operator, on a bool tensor is not supported", "logical_not()"],
  },
  {
    name: "amax over an empty dim",
    make: (d) => ({ tensors: [torch.zeros([2, 0], { device: d })] }),
    run: (s) => T(s).amax(1),
    error: Error,
    words: ["max(): Expected reduction dim 1 to have non-zero size."],
  },
  {
    name: "argmin over all dims of an empty tensor",
    make: (d) => ({ tensors: [torch.zeros([0, 3], { device: d })] }),
    run: (s) => T(s).argmin(0),
    error: Error,
    words: ["argmin(): Expected reduction dim 0 to have non-zero size."],
  },
  {
    name: "matmul of batches that do not broadcast ([2, 1, 3] and [3, 3, 2])",
    make: (d) => ({ tensors: [torch.zeros([2, 1, 3], { device: d }), torch.zeros([3, 3, 2], { device: d })] }),
    run: (s) => T(s, 0).matmul(T(s, 1)),
    error: Error,
    words: ["matmul: The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0 (shapes [2] and [3])"],
  },
  {
    name: "normal_(0, -1) (the generator checks std before it draws or writes)",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => T(s).normal_(0, -1),
    error: Error,
    words: ["normal expects std >= 0.0, but found std -1"],
  },
  {
    name: "randint(5, 3, [2]) (low not below high)",
    run: (_, d) => torch.randint(5, 3, [2], { device: d }),
    error: Error,
    words: ["random_ expects 'from' to be less than 'to', but got from=5 >= to=3"],
  },
  // ---- lesser ones -------------------------------------------------------------------------
  {
    name: "x.index(true) adds a dimension, x.index(false) an empty one (Python's x[True], x[False])",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => [T(s).index(true), T(s).index(false), T(s).index(":", null)],
    gives: async ([t, f, n]: torch.Tensor[]) => {
      expect(t!.shape).toEqual([1, 2]);
      expect(await values(t!)).toEqual([1, 2]);
      expect(f!.shape).toEqual([0, 2]);
      expect(n!.shape).toEqual([2, 1]);
    },
  },
  {
    name: "t.numpy() shares memory on the CPU and is refused elsewhere, as in PyTorch",
    make: (d) => ({ tensors: [f32(d, [1, 2, 3, 4])] }),
    run: (s) => s,
    gives: async (s: Involved) => {
      const t = T(s);
      if (t.device.type !== "cpu") {
        expect(() => t.numpy()).toThrow(TypeError);
        expect(() => t.numpy()).toThrow(`can't convert ${t.device.type} device type tensor to numpy`);
        return;
      }
      const a = t.numpy();
      a[0] = 5;
      t.index(1).fill_(7);
      expect(Array.from(a)).toEqual([5, 7, 3, 4]);
      expect(await values(t)).toEqual([5, 7, 3, 4]);
      const slice = t.index("2:").numpy();
      slice[0] = 9;
      expect(await values(t)).toEqual([5, 7, 9, 4]);
      expect(() => t.reshape([2, 2]).t().numpy()).toThrow("contiguous");
    },
  },
  {
    name: "x.index({}) (not an index)",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => T(s).index({} as never),
    error: TypeError,
    words: ["index()", "object"],
  },
  {
    name: "Sequential(...)[-1] and .at(-1) are the last layer",
    make: (d) => ({ modules: [new torch.nn.Sequential(new torch.nn.Linear(2, 3), new torch.nn.ReLU()).to(d)] }),
    run: (s) => s.modules![0] as torch.nn.Sequential,
    gives: (m: torch.nn.Sequential) => {
      expect(m[-1]).toBe(m[1]);
      expect(m.at(-1)).toBe(m[1]);
      expect(m[-2]).toBe(m[0]);
      expect(m[-1]).toBeInstanceOf(torch.nn.ReLU);
    },
  },
  {
    name: "Sequential(...)[-3] past the start",
    make: (d) => ({ modules: [new torch.nn.Sequential(new torch.nn.Linear(2, 3), new torch.nn.ReLU()).to(d)] }),
    run: (s) => (s.modules![0] as torch.nn.Sequential)[-3],
    error: RangeError,
    words: ["index -3 is out of range"],
  },
  {
    name: "torch.save({ __metadata__: t }) (a key safetensors reserves)",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => torch.saveToBytes({ __metadata__: T(s) }),
    error: Error,
    words: ["save", "'__metadata__' is reserved", "safetensors"],
  },
  {
    name: "Linear(0, 2) has an empty weight and a zero bias, as in PyTorch",
    run: (_, d) => new torch.nn.Linear(0, 2).to(d),
    gives: async (m: torch.nn.Linear) => {
      expect(m.weight.shape).toEqual([2, 0]);
      expect(await values(m.bias!)).toEqual([0, 0]);
      expect(await values(m(torch.zeros([3, 0], { device: m.weight.device })))).toEqual([0, 0, 0, 0, 0, 0]);
    },
  },
  {
    name: "load_state_dict(null)",
    make: (d) => ({ modules: [new torch.nn.Linear(2, 1).to(d)] }),
    run: (s) => s.modules![0]!.load_state_dict(null as never),
    error: TypeError,
    words: ["Expected state_dict to be dict-like", "null"],
  },
  {
    name: "model() with no input",
    make: (d) => ({ modules: [new torch.nn.Sequential(new torch.nn.Linear(2, 1)).to(d)] }),
    run: (s) => (s.modules![0] as torch.nn.Sequential)(),
    error: TypeError,
    words: ["Sequential.forward() missing 1 required positional argument: 'input'"],
  },
  // ---- sorting, scans, closeness, einsum, scatter, sampling, recurrent layers ----------------
  {
    name: "isclose(t, 1.0) (a number, not a tensor: PyTorch refuses it too)",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => torch.isclose(T(s), 1.0 as never),
    error: TypeError,
    words: ["isclose()", "argument 'other' must be Tensor", "number 1"],
  },
  {
    name: "scatter_ with an array index",
    make: (d) => ({ tensors: [f32(d, [1, 2, 3])] }),
    run: (s) => T(s).scatter_(0, [0, 1] as never, 5),
    error: TypeError,
    words: ["scatter()", "argument 'index' must be Tensor", "array"],
  },
  {
    name: "einsum with an operand that is an array",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => torch.einsum("i,i->", T(s), [1, 2] as never),
    error: TypeError,
    words: ["einsum()", "operands[1]", "must be Tensor", "array"],
  },
  {
    name: "topk(1.5) (k not a whole number)",
    make: (d) => ({ tensors: [leaf(d, [3, 1, 2])] }),
    run: (s) => T(s).topk(1.5),
    error: TypeError,
    words: ["topk()", "argument 'k' must be int", "number 1.5"],
  },
  {
    name: "cumsum of a string",
    run: () => torch.cumsum("abc" as never, 0),
    error: TypeError,
    words: ["cumsum()", "argument 'input' must be Tensor", "string \"abc\""],
  },
  {
    name: "multinomial of zero samples",
    make: (d) => ({ tensors: [f32(d, [0.5, 0.5])] }),
    run: (s) => T(s).multinomial(0),
    error: Error,
    words: ["multinomial", "n_sample <= 0"],
  },
  {
    name: "LSTM given an input of the wrong width changes no parameter",
    make: (d) => ({ modules: [new torch.nn.LSTM(3, 2).to(d)] }),
    run: (s, d) => (s.modules![0] as torch.nn.LSTM)(torch.zeros([4, 1, 5], { device: d })),
    error: Error,
    words: ["LSTM: input.size(-1) must be equal to input_size. Expected 3, got 5"],
  },
  // ---- convolution and pooling: PyTorch's words, the op and the shapes named -------------
  {
    name: "Conv2d given an input with the wrong channel count changes no parameter",
    make: (d) => ({ modules: [new torch.nn.Conv2d(1, 4, 3).to(d)] }),
    run: (s, d) => (s.modules![0] as torch.nn.Conv2d)(torch.zeros([2, 3, 8, 8], { device: d })),
    error: Error,
    words: ["conv2d", "Given groups=1, weight of size [4, 1, 3, 3], expected input[2, 3, 8, 8] to have 1 channels, but got 3 channels instead"],
  },
  {
    name: "conv2d with a kernel larger than the padded input",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 2, 2], { device: d }), torch.zeros([1, 1, 3, 3], { device: d })] }),
    run: (s) => torch.nn.functional.conv2d(T(s), T(s, 1)),
    error: Error,
    words: ["conv2d", "Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size"],
  },
  {
    name: "conv2d whose weight's out channels are not divisible by groups",
    make: (d) => ({ tensors: [torch.zeros([1, 4, 5, 5], { device: d }), torch.zeros([3, 2, 3, 3], { device: d })] }),
    run: (s) => torch.nn.functional.conv2d(T(s), T(s, 1), null, 1, 0, 1, 2),
    error: Error,
    words: ["conv2d", "Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [3, 2, 3, 3] instead"],
  },
  {
    name: "nn.Conv2d with in_channels not divisible by groups",
    run: () => new torch.nn.Conv2d(3, 4, 3, { groups: 2 }),
    error: Error,
    words: ["in_channels must be divisible by groups"],
  },
  {
    name: "conv2d with a bias of the wrong length",
    make: (d) => ({ tensors: [torch.zeros([1, 3, 5, 5], { device: d }), torch.zeros([4, 3, 3, 3], { device: d }), torch.zeros([3], { device: d })] }),
    run: (s) => torch.nn.functional.conv2d(T(s), T(s, 1), T(s, 2)),
    error: Error,
    words: ["conv2d", "Given weight of size [4, 3, 3, 3], expected bias to be 1-dimensional with 4 elements, but got bias of size [3] instead"],
  },
  {
    name: "conv2d of a 2-D input",
    make: (d) => ({ tensors: [torch.zeros([2, 3], { device: d }), torch.zeros([4, 3, 3, 3], { device: d })] }),
    run: (s) => torch.nn.functional.conv2d(T(s), T(s, 1)),
    error: Error,
    words: ["conv2d", "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [2, 3]"],
  },
  {
    name: "conv1d with padding='same' and a stride",
    make: (d) => ({ tensors: [torch.zeros([1, 2, 8], { device: d }), torch.zeros([2, 2, 3], { device: d })] }),
    run: (s) => torch.nn.functional.conv1d(T(s), T(s, 1), null, 2, "same"),
    error: Error,
    words: ["conv1d", "padding='same' is not supported for strided convolutions"],
  },
  {
    name: "conv_transpose2d with output_padding not smaller than stride or dilation",
    make: (d) => ({ tensors: [torch.zeros([1, 2, 3, 3], { device: d }), torch.zeros([2, 1, 3, 3], { device: d })] }),
    run: (s) => torch.nn.functional.conv_transpose2d(T(s), T(s, 1), null, 2, 0, 2),
    error: Error,
    words: ["conv_transpose2d", "output padding must be smaller than either stride or dilation"],
  },
  {
    name: "max_pool2d with padding over half the kernel",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 5, 5], { device: d })] }),
    run: (s) => torch.nn.functional.max_pool2d(T(s), 3, 1, 2),
    error: Error,
    words: ["max_pool2d", "pad should be at most half of kernel size, but got pad=2 and kernel_size=3"],
  },
  {
    name: "MaxPool2d whose window is larger than the input",
    make: (d) => ({ tensors: [torch.zeros([1, 3, 5, 5], { device: d })] }),
    run: (s) => new torch.nn.MaxPool2d(7)(T(s)),
    error: Error,
    words: ["max_pool2d", "Given input size: (3x5x5). Calculated output size: (3x0x0). Output size is too small"],
  },
  {
    name: "avg_pool2d of a 2-D input",
    make: (d) => ({ tensors: [torch.zeros([5, 5], { device: d })] }),
    run: (s) => torch.nn.functional.avg_pool2d(T(s), 2),
    error: Error,
    words: ["avg_pool2d", "Expected 3D or 4D (batch mode) tensor", "[5, 5]"],
  },
  {
    name: "fold with a block count that does not match output_size",
    make: (d) => ({ tensors: [torch.zeros([2, 12, 9], { device: d })] }),
    run: (s) => torch.nn.functional.fold(T(s), [5, 5], 2),
    error: Error,
    words: ["fold", "expected size of input's dimension 2 to match the calculated number of sliding blocks 4 * 4 = 16, but got input.size(2)=9"],
  },
  // Convolution and pooling arguments of the wrong kind (TypeError, as PyTorch's) or value
  // (PyTorch's RuntimeError: "negative padding is not supported", "pad must be non-negative").
  {
    name: "conv2d with a string weight",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 5, 5], { device: d })] }),
    run: (s) => torch.nn.functional.conv2d(T(s), "w" as never),
    error: TypeError,
    words: ["conv2d()", "argument 'weight' must be Tensor, not string \"w\""],
  },
  {
    name: "conv2d with a fractional stride",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 5, 5], { device: d }), torch.zeros([1, 1, 3, 3], { device: d })] }),
    run: (s) => torch.nn.functional.conv2d(T(s), T(s, 1), { stride: 1.5 }),
    error: TypeError,
    words: ["conv2d()", "argument 'stride' must be int or array of ints, not number 1.5"],
  },
  {
    name: "conv2d with a stride array holding a string",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 5, 5], { device: d }), torch.zeros([1, 1, 3, 3], { device: d })] }),
    run: (s) => torch.nn.functional.conv2d(T(s), T(s, 1), null, [1, "1"] as never),
    error: TypeError,
    words: ["conv2d()", "argument 'stride' must be int or array of ints, not array"],
  },
  {
    name: "conv2d with negative padding",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 5, 5], { device: d }), torch.zeros([1, 1, 3, 3], { device: d })] }),
    run: (s) => torch.nn.functional.conv2d(T(s), T(s, 1), { padding: -1 }),
    error: Error,
    words: ["conv2d()", "negative padding is not supported"],
  },
  {
    name: "max_pool2d with a string kernel_size",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 4, 4], { device: d })] }),
    run: (s) => torch.nn.functional.max_pool2d(T(s), { kernel_size: "3" } as never),
    error: TypeError,
    words: ["max_pool2d()", "argument 'kernel_size' must be int or array of ints, not string \"3\""],
  },
  {
    name: "max_pool2d with a string ceil_mode (accepted before)",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 4, 4], { device: d })] }),
    run: (s) => torch.nn.functional.max_pool2d(T(s), 2, { ceil_mode: "yes" } as never),
    error: TypeError,
    words: ["max_pool2d()", "argument 'ceil_mode' must be bool, not string \"yes\""],
  },
  {
    name: "max_pool2d with negative padding",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 4, 4], { device: d })] }),
    run: (s) => torch.nn.functional.max_pool2d(T(s), 2, { padding: -1 }),
    error: Error,
    words: ["max_pool2d()", "padding must be a non-negative integer", "-1"],
  },
  {
    name: "avg_pool2d with a fractional divisor_override",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 4, 4], { device: d })] }),
    run: (s) => torch.nn.functional.avg_pool2d(T(s), 2, { divisor_override: 1.5 }),
    error: TypeError,
    words: ["avg_pool2d()", "argument 'divisor_override' must be int or null, not number 1.5"],
  },
  {
    name: "adaptive_avg_pool2d with a fractional output_size",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 4, 4], { device: d })] }),
    run: (s) => torch.nn.functional.adaptive_avg_pool2d(T(s), 1.5),
    error: TypeError,
    words: ["adaptive_avg_pool2d()", "argument 'output_size' must be int or array of ints or nulls, not number 1.5"],
  },
  {
    name: "interpolate with a string align_corners (accepted before)",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 4, 4], { device: d })] }),
    run: (s) => torch.nn.functional.interpolate(T(s), { scale_factor: 2, mode: "bilinear", align_corners: "no" as never }),
    error: TypeError,
    words: ["interpolate()", "argument 'align_corners' must be bool or null, not string \"no\""],
  },
  {
    name: "unfold with a zero stride",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 4, 4], { device: d })] }),
    run: (s) => torch.nn.functional.unfold(T(s), 2, { stride: 0 }),
    error: Error,
    words: ["unfold()", "stride should be greater than zero, but got stride_height: 0 stride_width: 0"],
  },
  {
    name: "nn.Conv2d with a string in_channels (accepted before)",
    run: () => new torch.nn.Conv2d("1" as never, 2, 3),
    error: TypeError,
    words: ["nn.Conv2d()", "argument 'in_channels' must be int, not string \"1\""],
  },
  {
    name: "nn.MaxPool2d with a fractional kernel_size (accepted before)",
    run: () => new torch.nn.MaxPool2d(1.5),
    error: TypeError,
    words: ["nn.MaxPool2d()", "argument 'kernel_size' must be int or array of ints, not number 1.5"],
  },
  {
    name: "interpolate given both size and scale_factor",
    make: (d) => ({ tensors: [torch.zeros([1, 1, 4, 4], { device: d })] }),
    run: (s) => torch.nn.functional.interpolate(T(s), { size: 8, scale_factor: 2 }),
    error: Error,
    words: ["interpolate", "only one of size or scale_factor should be defined"],
  },
  {
    name: "BatchNorm2d given a 3-D input changes no statistic",
    make: (d) => ({ modules: [new torch.nn.BatchNorm2d(3).to(d)] }),
    run: (s, d) => (s.modules![0] as torch.nn.BatchNorm2d)(torch.zeros([2, 3, 4], { device: d })),
    error: Error,
    words: ["expected 4D input (got 3D input)"],
  },
];

async function snapshotAll(state: Involved): Promise<unknown> {
  const tensors = await Promise.all((state.tensors ?? []).map(async (t) => [await snapshot(t), t.grad && (await snapshot(t.grad))]));
  const modules = await Promise.all(
    (state.modules ?? []).map(async (m) => ({
      params: await Promise.all(m.named_parameters().map(async ([n, p]) => [n, await snapshot(p), p.grad && (await snapshot(p.grad))])),
      buffers: await Promise.all(m.named_buffers().map(async ([n, b]) => [n, await snapshot(b)])),
      training: m.training,
    })),
  );
  const optimizers = await Promise.all(
    (state.optimizers ?? []).map(async (o) => {
      const sd = o.state_dict();
      const state = await Promise.all(
        Object.entries(sd.state).map(async ([k, s]) => [
          k,
          await Promise.all(Object.entries(s).map(async ([n, v]) => [n, v instanceof torch.Tensor ? await snapshot(v) : v])),
        ]),
      );
      return { groups: JSON.stringify(sd.param_groups), state, steps: o._step_count };
    }),
  );
  // Values compare by value: a grad_fn by its name, a gradient by its own snapshot above.
  const plain = (k: string, v: unknown) => (k === "grad_fn" ? (v === null ? null : (v as { name?: string }).name ?? "node") : v instanceof torch.Tensor ? "tensor" : v);
  return JSON.parse(JSON.stringify({ tensors, modules, optimizers }, plain));
}

/** Register one `it` per catalogue case on `device`. */
export function registerBadInputTests(device: string, cases: readonly BadInputCase[] = BAD_INPUT_CASES): void {
  for (const c of cases) {
    if (c.where !== undefined && (c.where === "int64") !== hasInt64(device)) continue;
    if ("gives" in c) {
      it(`${c.name}`, async () => {
        const state = c.make?.(device) ?? {};
        await c.gives(await c.run(state, device), state);
      });
      continue;
    }
    it(`refuses ${c.name} with a ${c.error.name} and changes nothing`, async () => {
      const state = c.make?.(device) ?? {};
      const before = await snapshotAll(state);
      let error: unknown = null;
      try {
        await c.run(state, device);
      } catch (e) {
        error = e;
      }
      expect(error, "it should throw").toBeInstanceOf(Error);
      const expected = c.errorWhenAsync && !torch.can_read_sync(torch.zeros([1], { device })) ? c.errorWhenAsync : c.error;
      expect((error as Error).constructor.name, `error class (message: ${(error as Error).message})`).toBe(expected.name);
      const message = (error as Error).message;
      for (const w of c.words) {
        if (typeof w === "string") expect(message).toContain(w);
        else expect(message).toMatch(w);
      }
      expect(await snapshotAll(state), "everything the case built is unchanged").toEqual(before);
    });
  }
}
