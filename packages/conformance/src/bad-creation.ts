/**
 * Bad-input rows: creation and random functions (issue 11). Unknown dtypes and negative,
 * fractional or non-finite sizes are errors at creation; the generators check their
 * arguments before they draw or write.
 */
import * as torch from "flambeau";
import type { BadInputCase } from "./bad-input.js";
import { f32, T } from "./case-kit.js";

export const BAD_CREATION_CASES: BadInputCase[] = [
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
  {
    name: "multinomial of zero samples",
    make: (d) => ({ tensors: [f32(d, [0.5, 0.5])] }),
    run: (s) => T(s).multinomial(0),
    error: Error,
    words: ["multinomial", "n_sample <= 0"],
  },
];
