/**
 * Bad-input rows for nn modules and autograd entry points (issue 11, second pass): each was an
 * internal JavaScript error ("input.matmul is not a function", "fn is not a function", "reading
 * 'buffer'"). PyTorch 1.13's message is noted beside each; every case checks nothing changed.
 */
import * as torch from "flambeau";
import type { BadInputCase } from "./bad-input.js";

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
];
