/**
 * Bad values found in the data rather than in the arguments: an index out of range, an
 * integer division by zero. Only a kernel sees them, and none may give a silent result: the
 * CPU raises at the op, gpu.js reads the deciding operand first and raises at the op, WebGPU
 * reports through its status buffer at the next read (docs/design.md, "Values found in the
 * data"). So every case reads its result, and the words are PyTorch's on every backend.
 * PyTorch 1.13's messages are noted beside each case.
 */
import { expect } from "vitest";
import * as torch from "flambeau";
import type { BadInputCase } from "./bad-input.js";
// `read`: the result read back, so a fault a backend reports at the next read is raised here.
import { T, values as read, vector } from "./case-kit.js";

const F = torch.nn.functional;
const int = (d: string, data: number[]) => torch.tensor(data, { dtype: "int32", device: d });
const dividend = (d: string) => ({ tensors: [int(d, [5, -7, 3])] });
const zeroDivision = { error: Error, words: ["ZeroDivisionError"] };

export const BAD_VALUE_CASES: BadInputCase[] = [
  // "index 5 is out of bounds for dimension 0 with size 3"
  {
    name: "gather with an index past the end",
    make: vector,
    run: (s, d) => read(T(s).gather(0, int(d, [0, 5]))),
    error: RangeError,
    words: ["gather(): index 5 is out of bounds for dimension 0 with size 3 (input of shape [3], index of shape [2])"],
  },
  {
    name: "gather with a negative index",
    make: vector,
    run: (s, d) => read(torch.gather(T(s), 0, int(d, [-1]))),
    error: RangeError,
    words: ["gather(): index -1 is out of bounds for dimension 0 with size 3 (input of shape [3], index of shape [1])"],
  },
  {
    name: "gather along dim 1 with an index past the end, through an expanded index",
    make: (d) => ({ tensors: [torch.ones([2, 3], { device: d })] }),
    run: (s, d) => read(T(s).gather(1, int(d, [0, 3]).reshape([1, 2]).expand([2, 2]))),
    error: RangeError,
    words: ["gather(): index 3 is out of bounds for dimension 1 with size 3 (input of shape [2, 3], index of shape [2, 2])"],
  },
  {
    // gpu.js remembers the range of an index it has read; an in-place write must not reuse it.
    name: "gather with an index written out of range in place after a gather it passed",
    make: vector,
    run: async (s, d) => {
      const index = int(d, [0, 2]);
      expect(await read(T(s).gather(0, index))).toEqual([1, 3]);
      index.fill_(5);
      return read(T(s).gather(0, index));
    },
    error: RangeError,
    words: ["gather(): index 5 is out of bounds for dimension 0 with size 3"],
  },
  {
    name: "scatter_add with an index past the end",
    make: vector,
    run: (s, d) => read(T(s).scatter_add(0, int(d, [1, 5]), torch.ones([2], { device: d }))),
    error: RangeError,
    words: ["scatter_add(): index 5 is out of bounds for dimension 0 with size 3 (input of shape [3], index of shape [2], src of shape [2])"],
  },
  {
    name: "scatter with an index past the end",
    make: vector,
    run: (s, d) => read(T(s).scatter(0, int(d, [5]), 7)),
    error: RangeError,
    words: ["scatter(): index 5 is out of bounds for dimension 0 with size 3 (input of shape [3], index of shape [1])"],
  },
  // The in-place forms name themselves, also where the kernel finds the index at the next read (WebGPU).
  {
    name: "scatter_ with an index past the end",
    make: vector,
    run: (s, d) => read(T(s).scatter_(0, int(d, [5]), 7)),
    error: RangeError,
    committedWhenAsync: true,
    words: ["scatter_(): index 5 is out of bounds for dimension 0 with size 3 (input of shape [3], index of shape [1])"],
  },
  {
    name: "scatter_add_ with an index past the end",
    make: vector,
    run: (s, d) => read(T(s).scatter_add_(0, int(d, [5]), torch.ones([1], { device: d }))),
    error: RangeError,
    committedWhenAsync: true,
    words: ["scatter_add_(): index 5 is out of bounds for dimension 0 with size 3 (input of shape [3], index of shape [1], src of shape [1])"],
  },
  // It is computed as scatter_add, whose name it gave ("scatter_add(): index 5 is out of bounds").
  {
    name: "scatter with reduce: \"add\" and an index past the end names scatter",
    make: vector,
    run: (s, d) => read(T(s).scatter(0, int(d, [1, 5]), torch.ones([2], { device: d }), { reduce: "add" })),
    error: RangeError,
    words: ["scatter(): index 5 is out of bounds for dimension 0 with size 3 (input of shape [3], index of shape [2], src of shape [2])"],
  },
  {
    name: "scatter of a scalar with reduce: \"add\" and a negative index names scatter",
    make: vector,
    run: (s, d) => read(torch.scatter(T(s), 0, int(d, [-1]), 2, { reduce: "add" })),
    error: RangeError,
    words: ["scatter(): index -1 is out of bounds for dimension 0 with size 3"],
  },
  // Ops built on gather or scatter name the op the user called, with its operands' shapes, on
  // every backend: where the index is read first (CPU, gpu.js) and where the kernel reports it
  // at the next read (WebGPU). PyTorch's words differ by op and are noted beside each.
  {
    // PyTorch: "index out of range in self"
    name: "index_select with an index past the end",
    make: vector,
    run: (s, d) => read(T(s).index_select(0, int(d, [5]))),
    error: RangeError,
    words: ["index_select(): index 5 is out of bounds for dimension 0 with size 3 (input of shape [3], index of shape [1])"],
  },
  {
    name: "index_select along dim 1 with a negative index",
    make: (d) => ({ tensors: [torch.ones([2, 3], { device: d })] }),
    run: (s, d) => read(torch.index_select(T(s), 1, int(d, [0, -1]))),
    error: RangeError,
    words: ["index_select(): index -1 is out of bounds for dimension 1 with size 3 (input of shape [2, 3], index of shape [2])"],
  },
  {
    // PyTorch: "index 5 is out of bounds for dimension 0 with size 3"
    name: "a tensor index past the end",
    make: vector,
    run: (s, d) => read(T(s).index(int(d, [2, 5]))),
    error: RangeError,
    words: ["index(): index 5 is out of bounds for dimension 0 with size 3 (self of shape [3], index of shape [2])"],
  },
  {
    // PyTorch: "index -5 is out of bounds for dimension 0 with size 3" (not the wrapped -2)
    name: "a negative tensor index past the start names the index as given",
    make: vector,
    run: (s, d) => read(T(s).index(int(d, [-1, -5]))),
    error: RangeError,
    words: ["index(): index -5 is out of bounds for dimension 0 with size 3 (self of shape [3], index of shape [2])"],
  },
  {
    // PyTorch: "index 3 is out of bounds for dimension 1 with size 3"
    name: "a tensor index past the end on the second dimension",
    make: (d) => ({ tensors: [torch.ones([2, 3], { device: d })] }),
    run: (s, d) => read(T(s).index(":", torch.tensor([[0], [3]], { dtype: "int32", device: d }))),
    error: RangeError,
    words: ["index(): index 3 is out of bounds for dimension 1 with size 3 (self of shape [2, 3], index of shape [2, 1])"],
  },
  {
    // PyTorch: "index out of range in self" (CUDA: a device assert).
    name: "embedding of an index past the last row",
    make: (d) => ({ tensors: [torch.ones([3, 2], { device: d })] }),
    run: (s, d) => read(F.embedding(int(d, [1, 5]), T(s))),
    error: RangeError,
    words: ["embedding(): index out of range in self (index 5 is out of bounds for dimension 0 with size 3; input of shape [2], weight of shape [3, 2])"],
  },
  {
    name: "nn.Embedding called with a negative index",
    make: (d) => ({ modules: [new torch.nn.Embedding(4, 2).to(d)] }),
    run: (s, d) => read((s.modules![0] as torch.nn.Embedding).forward(torch.tensor([[0, -1]], { dtype: "int32", device: d }))),
    error: RangeError,
    words: ["embedding(): index out of range in self (index -1 is out of bounds for dimension 0 with size 4; input of shape [1, 2], weight of shape [4, 2])"],
  },
  {
    // PyTorch's CPU: "Class values must be smaller than num_classes."; CUDA leaves it to scatter's assert.
    name: "one_hot of a class past num_classes",
    run: (_, d) => read(F.one_hot(int(d, [0, 5]), 3)),
    error: Error,
    errorWhenAsync: RangeError,
    words: [/Class values must be smaller than num_classes\.|one_hot\(\): index 5 is out of bounds for dimension 1 with size 3 \(input of shape \[2\]\)/],
  },
  {
    // PyTorch: IndexError "Target 5 is out of bounds." (here after the op's name)
    name: "cross_entropy with a target past the classes",
    make: (d) => ({ tensors: [torch.zeros([2, 3], { device: d }).requires_grad_(true)] }),
    run: (s, d) => read(F.cross_entropy(T(s), int(d, [0, 5]))),
    error: RangeError,
    words: [/cross_entropy\(\): Target 5 is out of bounds\.|cross_entropy\(\): index 5 is out of bounds for dimension 1 with size 3 \(input of shape \[2, 3\], target of shape \[2\]\)/],
  },
  {
    // PyTorch: IndexError "Target 4 is out of bounds." (here after the op's name)
    name: "nll_loss with class weights and a target past the classes",
    make: (d) => ({ tensors: [torch.zeros([2, 3], { device: d }), torch.ones([3], { device: d })] }),
    run: (s, d) => read(F.nll_loss(T(s), int(d, [4, 0]), { weight: T(s, 1) })),
    error: RangeError,
    words: [/nll_loss\(\): Target 4 is out of bounds\.|nll_loss\(\): index 4 is out of bounds for dimension \d with size 3 \(input of shape \[2, 3\], target of shape \[2\]\)/],
  },
  // RuntimeError "ZeroDivisionError" (integer operands; floats give inf and nan)
  { name: "floor_divide of int32 by a tensor holding 0", make: dividend, run: (s, d) => read(T(s).floor_divide(int(d, [2, 0, 1]))), ...zeroDivision },
  { name: "remainder of int32 by a tensor holding 0", make: dividend, run: (s, d) => read(torch.remainder(T(s), int(d, [0, 2, 1]))), ...zeroDivision },
  { name: "div(rounding_mode='floor') of int32 by a tensor holding 0", make: dividend, run: (s, d) => read(T(s).div(int(d, [1, 1, 0]), { rounding_mode: "floor" })), ...zeroDivision },
  { name: "div(rounding_mode='trunc') of int32 by a tensor holding 0", make: dividend, run: (s, d) => read(T(s).div(int(d, [1, 0, 1]), { rounding_mode: "trunc" })), ...zeroDivision },
  { name: "fmod of int32 by a tensor holding 0", make: dividend, run: (s, d) => read(torch.fmod(T(s), int(d, [2, 0, 1]))), ...zeroDivision },
  { name: "fmod of int32 by the scalar 0", make: dividend, run: (s) => read(T(s).fmod(0)), ...zeroDivision },
  { name: "floor_divide of int32 by the scalar 0", make: dividend, run: (s) => read(T(s).floor_divide(0)), ...zeroDivision },
  { name: "remainder of int32 by the scalar 0", make: dividend, run: (s) => read(T(s).remainder(0)), ...zeroDivision },
  { name: "div(rounding_mode='trunc') of int32 by the scalar 0", make: dividend, run: (s) => read(torch.div(T(s), 0, { rounding_mode: "trunc" })), ...zeroDivision },
  {
    name: "a broadcast int32 divisor of 0 (stride-0 view)",
    make: dividend,
    run: (s, d) => read(T(s).remainder(int(d, [0]).expand([3]))),
    ...zeroDivision,
  },
  {
    // A number exponent is an argument, refused above the backends; a tensor exponent computes (below).
    name: "pow of int32 to the number -1",
    make: dividend,
    run: (s) => read(T(s).pow(-1)),
    error: Error,
    words: ["Integers to negative integer powers are not allowed."],
  },
  {
    name: "pow of int32 to the number -2, in place",
    make: dividend,
    run: (s) => read(T(s).pow_(-2)),
    error: Error,
    words: ["Integers to negative integer powers are not allowed."],
  },
  // What PyTorch computes rather than refuses.
  {
    name: "div(rounding_mode='trunc') of int32 rounds towards zero, exactly",
    run: (_, d) => int(d, [7, -7, 7, -7, 6, -6, 0]).div(int(d, [2, 2, -2, -2, 3, 4, 5]), { rounding_mode: "trunc" }),
    gives: async (t: torch.Tensor) => {
      expect(t.dtype).toBe("int32");
      expect(await read(t)).toEqual([3, -3, -3, 3, 2, -1, 0]); // PyTorch 1.13
    },
  },
  {
    name: "float32 division by 0 gives inf and nan, not an error",
    run: (_, d) => torch.tensor([1, -1, 0], { device: d }).div(0),
    gives: async (t: torch.Tensor) => expect(await read(t)).toEqual([Infinity, -Infinity, NaN]),
  },
  {
    name: "scatter_add with repeated indices, all in range",
    run: (_, d) => torch.zeros([3], { device: d }).scatter_add(0, int(d, [2, 2, 0]), torch.ones([3], { device: d })),
    gives: async (t: torch.Tensor) => expect(await read(t)).toEqual([1, 0, 2]),
  },
];
