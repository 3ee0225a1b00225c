/**
 * Bad-input rows: operands and indices of the wrong kind (issue 11). A non-tensor operand once
 * became NaN (`x.add(undefined)`, `x.add([1, 2])`); every op now raises a TypeError naming the
 * op, the argument and what it got. Python's `x[True]` and `x[False]` add a dimension.
 */
import { expect } from "vitest";
import * as torch from "flambeau";
import type { BadInputCase } from "./bad-input.js";
import { f32, leaf, T, values } from "./case-kit.js";

export const BAD_OPERAND_CASES: BadInputCase[] = [
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
    name: "x.index({}) (not an index)",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => T(s).index({} as never),
    error: TypeError,
    words: ["index()", "object"],
  },
];
