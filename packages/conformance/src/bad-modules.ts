/**
 * Bad-input rows for nn modules and autograd entry points (issue 11, second pass): each was an
 * internal JavaScript error ("input.matmul is not a function", "fn is not a function", "reading
 * 'buffer'"). Then Sequential's negative indices, empty and recurrent layers, and loading and
 * calling a model wrongly. PyTorch 1.13's message is noted beside each; every case checks
 * nothing changed.
 */
import { expect } from "vitest";
import * as torch from "flambeau";
import type { BadInputCase, Involved } from "./bad-input.js";
import { values } from "./case-kit.js";

/** A Linear whose parameters have gradients, which a refused clip must leave as they are. */
const withGrads = (d: string): Involved => {
  const m = new torch.nn.Linear(2, 1).to(d);
  m(torch.ones([1, 2], { device: d })).sum().backward();
  return { modules: [m] };
};

export const BAD_MODULE_CASES: BadInputCase[] = [
  // "linear(): argument 'input' (position 1) must be Tensor, not list"
  {
    name: "nn.Linear called with an array",
    make: (d) => ({ modules: [new torch.nn.Linear(3, 2).to(d)] }),
    run: (s) => (s.modules![0] as torch.nn.Linear)([1, 2, 3] as never),
    error: TypeError,
    words: ["linear(): argument 'input' must be Tensor, not array"],
  },
  // "relu(): argument 'input' (position 1) must be Tensor, not int"
  {
    name: "nn.ReLU called with a number",
    run: () => new torch.nn.ReLU()(5 as never),
    error: TypeError,
    words: ["nn.ReLU(): argument 'input' must be Tensor, not number 5"],
  },
  {
    name: "nn.Softmax called with an array",
    run: () => new torch.nn.Softmax(0)([1, 2] as never),
    error: TypeError,
    words: ["nn.Softmax(): argument 'input' must be Tensor, not array"],
  },
  // "Parameter.__new__ ... data must be a Tensor" (PyTorch: TypeError)
  {
    name: "nn.Parameter of a number",
    run: () => new torch.nn.Parameter(5 as never),
    error: TypeError,
    words: ["nn.Parameter(): argument 'data' must be Tensor, not number 5"],
  },
  // "TypeError: 'int' object is not callable"
  {
    name: "optimizer.step given a closure that is not a function updates nothing",
    make: (d) => {
      const m = new torch.nn.Linear(2, 1).to(d);
      const opt = new torch.optim.SGD(m.parameters(), { lr: 0.1, momentum: 0.9 });
      m(torch.ones([1, 2], { device: d })).sum().backward();
      return { modules: [m], optimizers: [opt as unknown as torch.optim.Optimizer] };
    },
    run: (s) => s.optimizers![0]!.step(5 as never),
    error: TypeError,
    words: ["SGD.step(): closure must be a function that recomputes the loss, not number 5"],
  },
  // with torch.no_grad(5): "TypeError: __init__() takes 1 positional argument but 2 were given"
  {
    name: "no_grad given something that is not a function",
    make: (d) => ({ tensors: [torch.ones([2], { device: d }).requires_grad_(true)] }),
    run: () => torch.no_grad(5 as never),
    error: TypeError,
    words: ["no_grad(): expected the function to run", "but got number 5"],
  },
  {
    name: "enable_grad given a tensor",
    make: (d) => ({ tensors: [torch.ones([2], { device: d })] }),
    run: (s) => torch.enable_grad(s.tensors![0] as never),
    error: TypeError,
    words: ["enable_grad(): expected the function to run"],
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
  {
    name: "LSTM given an input of the wrong width changes no parameter",
    make: (d) => ({ modules: [new torch.nn.LSTM(3, 2).to(d)] }),
    run: (s, d) => (s.modules![0] as torch.nn.LSTM)(torch.zeros([4, 1, 5], { device: d })),
    error: Error,
    words: ["LSTM: input.size(-1) must be equal to input_size. Expected 3, got 5"],
  },
  // Python refuses extra arguments: "TypeError: ReLU.forward() takes 2 positional arguments but
  // 3 were given" (self counted); they were dropped unseen. JavaScript counts no self.
  {
    name: "nn.ReLU called with two inputs",
    make: (d) => ({ tensors: [torch.ones([2], { device: d })] }),
    run: (s) => (new torch.nn.ReLU() as unknown as (...a: unknown[]) => unknown)(s.tensors![0], s.tensors![0]),
    error: TypeError,
    words: ["ReLU.forward() takes 1 positional argument but 2 were given"],
  },
  {
    name: "nn.Linear called with two inputs changes no parameter",
    make: (d) => ({ modules: [new torch.nn.Linear(2, 3).to(d)], tensors: [torch.ones([4, 2], { device: d })] }),
    run: (s) => (s.modules![0] as unknown as (...a: unknown[]) => unknown)(s.tensors![0], s.tensors![0]),
    error: TypeError,
    words: ["Linear.forward() takes 1 positional argument but 2 were given"],
  },
  {
    name: "nn.MSELoss called with three tensors",
    make: (d) => ({ tensors: [torch.ones([2], { device: d })] }),
    run: (s) => (new torch.nn.MSELoss() as unknown as (...a: unknown[]) => unknown)(s.tensors![0], s.tensors![0], s.tensors![0]),
    error: TypeError,
    words: ["MSELoss.forward() takes 2 positional arguments but 3 were given"],
  },
  {
    name: "nn.LSTM called with input, hx and one more",
    make: (d) => ({ modules: [new torch.nn.LSTM(2, 3).to(d)] }),
    run: (s, d) => (s.modules![0] as unknown as (...a: unknown[]) => unknown)(torch.ones([1, 1, 2], { device: d }), null, 5),
    error: TypeError,
    words: ["LSTM.forward() takes 2 positional arguments but 3 were given"],
  },
  {
    name: "a Sequential called with two inputs",
    make: (d) => ({ modules: [new torch.nn.Sequential(new torch.nn.Linear(2, 2)).to(d)], tensors: [torch.ones([1, 2], { device: d })] }),
    run: (s) => (s.modules![0] as unknown as (...a: unknown[]) => unknown)(s.tensors![0], s.tensors![0]),
    error: TypeError,
    words: ["Sequential.forward() takes 1 positional argument but 2 were given"],
  },
  {
    name: "a user's module whose forward takes two inputs gets both, and an LSTM its hx",
    run: (_, d) => {
      class Sum extends torch.nn.Module {
        override forward(a: torch.Tensor, b: torch.Tensor): torch.Tensor {
          return a.add(b);
        }
      }
      const lstm = new torch.nn.LSTM(2, 3).to(d);
      const [, state] = lstm(torch.ones([1, 1, 2], { device: d }));
      return [new Sum()(torch.ones([2], { device: d }), torch.full([2], 2, { device: d })), lstm(torch.ones([1, 1, 2], { device: d }), state)[0]];
    },
    gives: async ([sum, out]: torch.Tensor[]) => {
      expect(await values(sum!)).toEqual([3, 3]);
      expect(out!.shape).toEqual([1, 1, 3]);
    },
  },
  // PyTorch: "tanh(): argument 'input' (position 1) must be Tensor, not int"; F.sigmoid(5) said
  // "input.sigmoid is not a function".
  ...(["sigmoid", "tanh", "silu"] as const).map((f): BadInputCase => ({
    name: `F.${f} of a number`,
    run: () => torch.nn.functional[f](5 as never),
    error: TypeError,
    words: [`nn.functional.${f}(): argument 'input' must be Tensor, not number 5`],
  })),
  {
    name: "nn.init.zeros_ of a number (said tensor.zero_ is not a function)",
    run: () => torch.nn.init.zeros_(5 as never),
    error: TypeError,
    words: ["nn.init.zeros_(): argument 'tensor' must be Tensor, not number 5"],
  },
  {
    name: "nn.init.kaiming_uniform_ of an array",
    run: () => torch.nn.init.kaiming_uniform_([[1, 2]] as never),
    error: TypeError,
    words: ["nn.init.kaiming_uniform_(): argument 'tensor' must be Tensor, not array"],
  },
  {
    name: "clip_grad_norm_ of a number changes no gradient",
    make: withGrads,
    run: () => torch.nn.utils.clip_grad_norm_(5 as never, 1.0),
    error: TypeError,
    words: ["clip_grad_norm_(): argument 'parameters' must be a Tensor or an iterable of Tensors, not number 5"],
  },
  {
    name: "clip_grad_value_ of an array holding a number changes no gradient",
    make: withGrads,
    run: (s) => torch.nn.utils.clip_grad_value_([s.modules![0]!.parameters()[0]!, 5 as never], 0.1),
    error: TypeError,
    words: ["clip_grad_value_(): argument 'parameters[1]' must be Tensor, not number 5"],
  },
];
