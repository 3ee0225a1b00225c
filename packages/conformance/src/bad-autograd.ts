/**
 * Bad-input rows: autograd entry points and in-place writes (issue 11). `backward()`'s
 * optional arguments, `.grad` assignment, an optimizer step that fails (nothing may change),
 * and the in-place forms' checks on leaves, dtypes and shapes before they write.
 */
import { expect } from "vitest";
import * as torch from "flambeau";
import type { BadInputCase } from "./bad-input.js";
import { f32, leaf, T, values } from "./case-kit.js";

/** An in-place call on a `[2, 3]` tensor, the error class it raises and the words it must say. */
type InPlaceRow = [call: string, run: (x: torch.Tensor, device: string) => unknown, error: typeof Error, words: string];
const int32 = (d: string, data: number[][]) => torch.tensor(data, { dtype: "int32", device: d });

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
  // An in-place form's errors name it, not the out-of-place op it is computed with (they said
  // "cumsum:" for x.cumsum_(3)). PyTorch's name neither: "Dimension out of range (expected to
  // be in range of [-2, 1], but got 3)", "The size of tensor a (3) must match the size of ...".
  ...(
    [
      ["x.cumsum_(3)", (x) => x.cumsum_(3), RangeError, "cumsum_: Dimension out of range (expected to be in range of [-2, 1], but got 3)"],
      ["x.cumprod_(-3)", (x) => x.cumprod_(-3), RangeError, "cumprod_: Dimension out of range (expected to be in range of [-2, 1], but got -3)"],
      ["x.cumsum_(1.5)", (x) => x.cumsum_(1.5), TypeError, "cumsum_(): argument 'dim' must be int, not number 1.5"],
      ["x.tril_(1.5)", (x) => x.tril_(1.5), TypeError, "tril_(): argument 'diagonal' must be int, not number 1.5"],
      ["x.exp_(1)", (x) => Reflect.apply(x.exp_, x, [1]), TypeError, "exp_() takes no arguments (1 given)"],
      ["x.scatter_(5, index, 1)", (x, d) => x.scatter_(5, int32(d, [[0, 1, 2]]), 1), RangeError, "scatter_: Dimension out of range (expected to be in range of [-2, 1], but got 5)"],
      ["x.scatter_add_(2, index, src)", (x, d) => x.scatter_add_(2, int32(d, [[0, 1, 2]]), x.clone()), RangeError, "scatter_add_: Dimension out of range"],
      ["x.add_(y) with a y that does not broadcast", (x, d) => x.add_(torch.ones([4], { device: d })), Error,
        "add_: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1"],
      ["x.masked_fill_(mask, 1) with a mask that does not broadcast (said where:)", (x, d) => x.masked_fill_(torch.ones([4], { device: d }).bool(), 1), Error,
        "masked_fill_: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1"],
      ["x.lerp_(end, 0.5) with an end that does not broadcast (said sub:)", (x, d) => x.lerp_(torch.ones([4], { device: d }), 0.5), Error,
        "lerp_: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1"],
      ["x.addcmul_(a, b) with operands that do not broadcast (said add:)", (x, d) => x.addcmul_(torch.ones([4], { device: d }), torch.ones([4], { device: d })), Error,
        "addcmul_: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1"],
      ["x.addcdiv_(a, b) with operands that do not broadcast", (x, d) => x.addcdiv_(torch.ones([4], { device: d }), torch.ones([4], { device: d })), Error,
        "addcdiv_: The size of tensor a (3) must match the size of tensor b (4)"],
    ] satisfies InPlaceRow[]
  ).map(([call, run, error, words]): BadInputCase => ({
    name: `${call} names the in-place op`,
    make: (d) => ({ tensors: [torch.ones([2, 3], { device: d })] }),
    run: (s, d) => run(T(s), d),
    error,
    words: [words],
  })),
  // PyTorch: "'int' object is not iterable" (a TypeError); it said "does not require grad".
  {
    name: "autograd.grad(5, [x]) (outputs not tensors)",
    make: (d) => ({ tensors: [leaf(d, [1, 2])] }),
    run: (s) => torch.autograd.grad(5 as never, [T(s)]),
    error: TypeError,
    words: ["grad(): outputs must be a Tensor or an array of Tensors, but outputs[0] is number 5"],
  },
  // PyTorch: "all inputs have to be Tensors, but got int"
  {
    name: "autograd.grad(y, [x, 5]) (an input not a tensor)",
    make: (d) => ({ tensors: [leaf(d, [1, 2])] }),
    run: (s) => torch.autograd.grad(T(s).mul(2).sum(), [T(s), 5 as never]),
    error: TypeError,
    words: ["grad(): inputs must be a Tensor or an array of Tensors, but inputs[1] is number 5"],
  },
  // PyTorch: "gradients can be either Tensors or None, but got str"
  {
    name: "autograd.grad(y, [x], [\"ones\"]) (a grad_output not a tensor)",
    make: (d) => ({ tensors: [leaf(d, [1, 2])] }),
    run: (s) => torch.autograd.grad(T(s).mul(2).sum(), [T(s)], ["ones" as never]),
    error: TypeError,
    words: ["grad(): grad_outputs[0] must be a Tensor or null", "string \"ones\""],
  },
];
