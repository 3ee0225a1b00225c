/**
 * Bad-input rows for the optimizers' hyper-parameters (issue 11, second pass). JavaScript's
 * `0 <= "0.1"` is true, so a string learning rate passed the range check and every step
 * coerced it; PyTorch's comparison of a `str` is a TypeError
 * ("'<' not supported between instances of 'str' and 'float'"). Nothing may change.
 */
import * as torch from "flambeau";
import type { BadInputCase, Involved } from "./bad-input.js";

const params = (d: string): Involved => ({ tensors: [torch.tensor([1, 2, 3], { dtype: "float32", device: d }).requires_grad_(true)] });
const P = (s: Involved) => s.tensors![0]!;

export const BAD_OPTIM_CASES: BadInputCase[] = [
  {
    name: "SGD with a string learning rate",
    make: params,
    run: (s) => new torch.optim.SGD([P(s)], { lr: "0.1" as never }),
    error: TypeError,
    words: ["learning rate must be a number, not string \"0.1\""],
  },
  {
    name: "Adam with a string learning rate",
    make: params,
    run: (s) => new torch.optim.Adam([P(s)], { lr: "0.001" as never }),
    error: TypeError,
    words: ["learning rate must be a number, not string \"0.001\""],
  },
  {
    name: "SGD with a string momentum",
    make: params,
    run: (s) => new torch.optim.SGD([P(s)], { lr: 0.1, momentum: "0.9" as never }),
    error: TypeError,
    words: ["momentum value must be a number, not string \"0.9\""],
  },
  {
    name: "Adam with a string beta",
    make: params,
    run: (s) => new torch.optim.Adam([P(s)], { betas: ["0.9", 0.999] as never }),
    error: TypeError,
    words: ["beta parameter at index 0 must be a number, not string \"0.9\""],
  },
];
