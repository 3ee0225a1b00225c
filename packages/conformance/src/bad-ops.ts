/**
 * Bad-input rows found by probing ops and creation functions beside PyTorch 1.13 (issue 11,
 * second pass): each was a silent result or an error naming the internal op the public one is
 * built on. PyTorch's message is noted beside each; every case checks nothing changed.
 */
import { expect } from "vitest";
import * as torch from "flambeau";
import type { BadInputCase, Involved } from "./bad-input.js";

const f32 = (d: string, data: number[]) => torch.tensor(data, { dtype: "float32", device: d });
const T = (state: Involved, i = 0) => state.tensors![i]!;
const vector = (d: string) => ({ tensors: [f32(d, [1, 2, 3])] });

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
    name: "clamp_ with a tensor bound that does not broadcast names clamp, not lt",
    make: (d) => ({ tensors: [f32(d, [1, 2, 3]), f32(d, [2, 2])] }),
    run: (s) => T(s).clamp_(T(s, 1), null),
    error: Error,
    words: ["clamp: The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0"],
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
  // PyTorch's from_numpy of an int64 array is an int64 tensor sharing it; here it cannot share.
  {
    name: "from_numpy of a BigInt64Array (an internal 'Cannot convert a BigInt' before)",
    run: () => torch.from_numpy(new BigInt64Array([1n, 2n]) as never),
    error: TypeError,
    words: ["from_numpy(): a BigInt64Array cannot share memory with a tensor", "torch.tensor(Array.from(array, Number)"],
  },
  {
    name: "from_numpy of a plain array",
    run: () => torch.from_numpy([1, 2] as never),
    error: TypeError,
    words: ["from_numpy(): expected a typed array", "but got array"],
  },
];
