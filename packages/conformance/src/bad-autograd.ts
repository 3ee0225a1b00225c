/**
 * Bad-input rows: autograd entry points and in-place writes (issue 11). `backward()`'s
 * optional arguments, `.grad` assignment, an optimizer step that fails (nothing may change),
 * and the in-place forms' checks on leaves, dtypes and shapes before they write.
 */
import { expect } from "vitest";
import * as torch from "flambeau";
import type { BadInputCase } from "./bad-input.js";
import { f32, leaf, T, values } from "./case-kit.js";


export const BAD_AUTOGRAD_CASES: BadInputCase[] = [
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
];
