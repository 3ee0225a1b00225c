/**
 * The optim part of the shared conformance suite (Decision 7): every optimizer trajectory and
 * scheduler schedule in fixtures/optim.json, made by real PyTorch, replayed on one device.
 * A backend's tests call `runOptimConformance("<device>")` after registering the backend.
 */
import { describe, expect, it } from "vitest";
import { tensor, type Tensor } from "@flambeau/tensor";
import "@flambeau/autograd";
import * as optim from "@flambeau/optim";
import { readFixture } from "../fixtures.js";

export interface Encoded {
  shape: number[];
  dtype: string;
  data: number[];
}
type Options = Record<string, unknown>;
interface OptimizerCase {
  optimizer: string;
  options: Options;
  groups?: Options[];
  scheduler?: { name: string; options: Options };
  w: Encoded[];
  b: Encoded[];
  loss: number[];
}
interface SchedulerCase {
  scheduler: string;
  options: Options;
  optimizer: string;
  optimizer_options: Options;
  groups?: Options[];
  lambdas?: string[];
  last_epoch?: number;
  epochs?: number[];
  metrics?: number[];
  lr: number[][];
  momentum?: number[][];
}
export interface OptimFixture {
  problem: { X: Encoded; Y: Encoded; w: Encoded; b: Encoded; steps: number };
  optimizers: Record<string, OptimizerCase>;
  schedulers: Record<string, SchedulerCase>;
  errors: Record<string, string>;
}

export const fixture = readFixture<OptimFixture>("optim.json");

/** The lambdas the fixture script names, written the same way. */
export const LAMBDAS: Record<string, optim.lr_scheduler.LRLambda> = {
  pow95: (e) => 0.95 ** e,
  inverse: (e) => 1.0 / (e + 1),
  warmup: (e) => Math.min(1.0, (e + 1) / 5),
};

type OptimizerClass = new (params: optim.Params, options: Options) => optim.Optimizer<object, object>;
const OPTIMIZERS = optim as unknown as Record<string, OptimizerClass>;
type SchedulerClass = new (optimizer: optim.Optimizer<object, object>, options: Options) => {
  step(arg?: number): void;
};
const SCHEDULERS = optim.lr_scheduler as unknown as Record<string, SchedulerClass>;

export function decode(e: Encoded, device: string, requires_grad = false): Tensor {
  // Reshaped before requires_grad_, so the parameter is a leaf.
  return tensor(e.data, { dtype: "float32", device }).reshape(e.shape).requires_grad_(requires_grad);
}

/** `actual` equals PyTorch's `expected` to a relative 1e-5 (and an absolute 1e-6 near zero). */
export function expectClose(actual: ArrayLike<number>, expected: readonly number[], what: string, rtol = 1e-5, atol = 1e-6): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!, e = expected[i]!;
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e)))
      throw new Error(`${what}, element ${i}: got ${a}, expected ${e} (PyTorch)`);
  }
}

/** The fixture's loss: mean((X @ w.T + b - Y)^2), negated for maximising optimizers. */
export function lossOf(X: Tensor, Y: Tensor, w: Tensor, b: Tensor, maximize = false): Tensor {
  const loss = X.matmul(w.t()).add(b).sub(Y).pow(2).mean();
  return maximize ? loss.neg() : loss;
}

export function makeOptimizer(name: string, params: optim.Params, options: Options): optim.Optimizer<object, object> {
  const Class = OPTIMIZERS[name];
  if (!Class) throw new Error(`no optimizer ${name}`);
  return new Class(params, options);
}

function schedulerOptions(c: SchedulerCase): Options {
  const options: Options = { ...c.options };
  if (c.lambdas) options.lr_lambda = c.lambdas.length > 1 ? c.lambdas.map((n) => LAMBDAS[n]!) : LAMBDAS[c.lambdas[0]!];
  if (c.last_epoch !== undefined) options.last_epoch = c.last_epoch;
  return options;
}

/** Register the optim conformance tests for `device`. */
export function runOptimConformance(device: string): void {
  const { problem } = fixture;

  describe(`optimizer trajectories match PyTorch (${device})`, () => {
    for (const [name, c] of Object.entries(fixture.optimizers)) {
      it(name, async () => {
        const X = decode(problem.X, device), Y = decode(problem.Y, device);
        const w = decode(problem.w, device, true), b = decode(problem.b, device, true);
        const params = c.groups ? [{ params: [w], ...c.groups[0] }, { params: [b], ...c.groups[1] }] : [w, b];
        const opt = makeOptimizer(c.optimizer, params as optim.Params, c.options);
        const sched = c.scheduler ? new SCHEDULERS[c.scheduler.name]!(opt, c.scheduler.options) : null;
        const maximize = c.options.maximize === true;
        for (let step = 0; step < problem.steps; step++) {
          opt.zero_grad();
          const loss = lossOf(X, Y, w, b, maximize);
          loss.backward();
          opt.step();
          sched?.step();
          expectClose([(await loss.data())[0]!], [c.loss[step]!], `${name} loss before step ${step + 1}`);
          expectClose(await w.data(), c.w[step]!.data, `${name} w after step ${step + 1}`);
          expectClose(await b.data(), c.b[step]!.data, `${name} b after step ${step + 1}`);
        }
      });
    }
  });

  describe(`scheduler learning rates match PyTorch (${device})`, () => {
    for (const [name, c] of Object.entries(fixture.schedulers)) {
      it(name, () => {
        const p = [tensor([0, 0], { dtype: "float32", device, requires_grad: true }), tensor([0], { dtype: "float32", device, requires_grad: true })];
        const params = c.groups ? [{ params: [p[0]!], ...c.groups[0] }, { params: [p[1]!], ...c.groups[1] }] : p;
        const opt = makeOptimizer(c.optimizer, params as optim.Params, c.optimizer_options);
        if (c.last_epoch !== undefined) for (const g of opt.param_groups) g.initial_lr = g.lr;
        const sched = new SCHEDULERS[c.scheduler]!(opt, schedulerOptions(c));
        const useBetas = "betas" in opt.defaults;
        const momentum = () => opt.param_groups.map((g) => (useBetas ? (g.betas as number[])[0]! : (g.momentum as number)));
        const check = (i: number) => {
          expectClose(opt.param_groups.map((g) => g.lr), c.lr[i]!, `${name} lr at step ${i}`, 1e-12, 1e-15);
          if (c.momentum) expectClose(momentum(), c.momentum[i]!, `${name} momentum at step ${i}`, 1e-12, 1e-15);
        };
        check(0);
        for (let i = 0; i + 1 < c.lr.length; i++) {
          opt.step();
          sched.step(c.epochs ? c.epochs[i] : c.metrics ? c.metrics[i] : undefined);
          check(i + 1);
        }
      });
    }
  });
}
