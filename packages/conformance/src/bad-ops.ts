/**
 * Bad-input rows found by probing ops and creation functions beside PyTorch 1.13 (issue 11,
 * second pass): each was a silent result or an error naming the internal op the public one is
 * built on; then the shape, dtype and argument checks of reductions, scans, sorting,
 * closeness, einsum and scatter. PyTorch's message is noted beside each; every case checks
 * nothing changed.
 */
import { expect } from "vitest";
import * as torch from "flambeau";
import type { BadInputCase } from "./bad-input.js";
import { f32, leaf, T, values, vector } from "./case-kit.js";

export const BAD_OP_CASES: BadInputCase[] = [
  // "where expected condition to be a boolean tensor, but got a tensor with dtype Long"
  {
    name: "where with an int32 condition (a silent 'nonzero is true' before)",
    make: (d) => ({ tensors: [torch.tensor([1, 0, 2], { dtype: "int32", device: d }), f32(d, [1, 2, 3])] }),
    run: (s) => torch.where(T(s), T(s, 1), 0),
    error: Error,
    words: ["where expected condition to be a boolean tensor, but got a tensor with dtype Int"],
  },
  {
    name: "where with a float32 condition, as a method",
    make: (d) => ({ tensors: [f32(d, [0.5, 0, 1]), f32(d, [1, 2, 3])] }),
    run: (s) => T(s, 1).where(T(s), 0),
    error: Error,
    words: ["where expected condition to be a boolean tensor", "dtype Float"],
  },
  // "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with 1 dimension(s)."
  {
    name: "masked_fill_ with a 1-D value tensor of the input's shape (filled elementwise before)",
    make: (d) => ({ tensors: [f32(d, [1, 2, 3]), f32(d, [7, 8, 9])] }),
    run: (s, d) => T(s).masked_fill_(torch.tensor([true, false, true], { device: d }), T(s, 1)),
    error: Error,
    words: ["masked_fill_ only supports a 0-dimensional value tensor, but got tensor with 1 dimension(s)."],
  },
  {
    name: "masked_fill with a 0-D value tensor fills (PyTorch: tensor([7., 2., 7.]))",
    run: (_, d) => f32(d, [1, 2, 3]).masked_fill(torch.tensor([true, false, true], { device: d }), f32(d, [7]).reshape([])),
    gives: async (t: torch.Tensor) => expect(Array.from(await t.data())).toEqual([7, 2, 7]),
  },
  // "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0"
  {
    name: "clamp_ with a tensor bound that does not broadcast names clamp_, not lt",
    make: (d) => ({ tensors: [f32(d, [1, 2, 3]), f32(d, [2, 2])] }),
    run: (s) => T(s).clamp_(T(s, 1), null),
    error: Error,
    words: ["clamp_: The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0"],
  },
  // "Dimension out of range (expected to be in range of [-1, 0], but got 5)"
  {
    name: "softmax with a dim out of range names softmax, not amax",
    make: vector,
    run: (s) => T(s).softmax(5),
    error: RangeError,
    words: ["softmax: Dimension out of range (expected to be in range of [-1, 0], but got 5)"],
  },
  {
    name: "F.log_softmax with a dim out of range names log_softmax",
    make: vector,
    run: (s) => torch.nn.functional.log_softmax(T(s), -2),
    error: RangeError,
    words: ["log_softmax: Dimension out of range", "but got -2"],
  },
  // "std and var only support floating point and complex dtypes"
  {
    name: "std of an int32 tensor names std and var, not mean",
    make: (d) => ({ tensors: [torch.tensor([1, 2], { dtype: "int32", device: d })] }),
    run: (s) => T(s).std(),
    error: Error,
    words: ["std and var only support floating point and complex dtypes"],
  },
  {
    name: "var of an int32 tensor along a dim",
    make: (d) => ({ tensors: [torch.tensor([[1, 2]], { dtype: "int32", device: d })] }),
    run: (s) => torch.var(T(s), 1),
    error: Error,
    words: ["std and var only support floating point and complex dtypes"],
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
    words: ["scatter_()", "argument 'index' must be Tensor", "array"],
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
  // PyTorch: "\"softmax_lastdim_kernel_impl\" not implemented for 'Long'" (it computed in float)
  {
    name: "softmax of an int32 tensor",
    make: (d) => ({ tensors: [torch.tensor([1, 2], { dtype: "int32", device: d })] }),
    run: (s) => T(s).softmax(0),
    error: Error,
    words: ["softmax(): \"softmax_lastdim_kernel_impl\" not implemented for 'Int' (dtype int32); pass { dtype: \"float32\" }"],
  },
  {
    name: "F.log_softmax of a bool tensor",
    make: (d) => ({ tensors: [torch.tensor([true, false], { device: d })] }),
    run: (s) => torch.nn.functional.log_softmax(T(s), 0),
    error: Error,
    words: ["log_softmax(): \"log_softmax_lastdim_kernel_impl\" not implemented for 'Bool' (dtype bool)"],
  },
  {
    name: "nn.Softmax of an int32 tensor",
    make: (d) => ({ tensors: [torch.tensor([[1, 2]], { dtype: "int32", device: d })] }),
    run: (s) => new torch.nn.Softmax(1)(T(s)),
    error: Error,
    words: ["softmax(): \"softmax_lastdim_kernel_impl\" not implemented for 'Int'"],
  },
  {
    name: "softmax and F.log_softmax of an int32 tensor with { dtype: \"float32\" } (PyTorch: [0.2689, 0.7311], [-1.3133, -0.3133])",
    run: (_, d) => {
      const x = torch.tensor([1, 2], { dtype: "int32", device: d });
      return [x.softmax(0, { dtype: "float32" }), torch.nn.functional.log_softmax(x, 0, { dtype: "float32" })];
    },
    gives: async ([p, logp]: torch.Tensor[]) => {
      expect(p!.dtype).toBe("float32");
      const [a, b] = [await values(p!), await values(logp!)];
      [0.2689414, 0.7310586].forEach((v, i) => expect(a[i]).toBeCloseTo(v, 6));
      [-1.3132616, -0.3132617].forEach((v, i) => expect(b[i]).toBeCloseTo(v, 6));
    },
  },
];
