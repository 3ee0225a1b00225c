import { afterEach, describe, expect, it, vi } from "vitest";
import { setCpuKernels } from "@flambeau/backend-cpu";
import { tensor, zeros, type Tensor } from "@flambeau/tensor";
import { no_grad } from "@flambeau/autograd";
import { Adagrad, Adam, AdamW, Optimizer, RMSprop, SGD, lr_scheduler, type Params } from "@flambeau/optim";
import { resetWarnings } from "../src/warn.js";
import { runOptimConformance } from "@flambeau/test-kit";
import { decode, fixture, lossOf, makeOptimizer } from "@flambeau/test-kit/optim";

runOptimConformance("cpu");

const { problem } = fixture;
const X = decode(problem.X, "cpu"), Y = decode(problem.Y, "cpu");
const fresh = (): [Tensor, Tensor] => [decode(problem.w, "cpu", true), decode(problem.b, "cpu", true)];
const train = (opt: Optimizer<object, object>, w: Tensor, b: Tensor, steps: number) => {
  for (let i = 0; i < steps; i++) {
    opt.zero_grad();
    lossOf(X, Y, w, b).backward();
    opt.step();
  }
};
const values = (t: Tensor) => Array.from(t.dataSync());

afterEach(() => vi.restoreAllMocks());

describe("state_dict", () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ["SGD with Nesterov momentum", "SGD", { lr: 0.05, momentum: 0.9, nesterov: true }],
    ["Adam with AMSGrad", "Adam", { lr: 0.05, betas: [0.9, 0.6], amsgrad: true }],
    ["AdamW", "AdamW", { lr: 0.05, weight_decay: 0.1 }],
    ["RMSprop centered with momentum", "RMSprop", { lr: 0.01, momentum: 0.5, centered: true }],
    ["Adagrad", "Adagrad", { lr: 0.1, lr_decay: 0.01 }],
  ];
  for (const [title, name, options] of cases)
    it(`resumes ${title} on the same trajectory`, () => {
      const [w, b] = fresh();
      const straight = makeOptimizer(name, [w, b], options);
      train(straight, w, b, 20);

      const [w1, b1] = fresh();
      const first = makeOptimizer(name, [w1, b1], options);
      train(first, w1, b1, 10);
      const saved = first.state_dict();
      const [w2, b2] = [w1.detach().clone().requires_grad_(), b1.detach().clone().requires_grad_()];
      const resumed = makeOptimizer(name, [w2, b2], { lr: 123 });
      resumed.load_state_dict(saved);
      expect(resumed.param_groups[0]!.lr).toBe(options.lr);
      train(first, w1, b1, 5); // the source keeps training: the loaded copy must not share its buffers
      train(resumed, w2, b2, 10);
      expect(values(w2)).toEqual(values(w));
      expect(values(b2)).toEqual(values(b));
    });

  it("has PyTorch's layout: state keyed by parameter index, params as indices", () => {
    const [w, b] = fresh();
    const c = zeros([3], { requires_grad: true });
    const opt = new Adam([{ params: [w, b] }, { params: [c], lr: 0.5 }], { lr: 0.01 });
    train(opt, w, b, 2);
    const sd = opt.state_dict();
    expect(sd.param_groups).toEqual([
      { lr: 0.01, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, amsgrad: false, maximize: false, params: [0, 1] },
      { lr: 0.5, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, amsgrad: false, maximize: false, params: [2] },
    ]);
    expect(Object.keys(sd.state)).toEqual(["0", "1"]); // c never had a gradient
    expect(sd.state[0]!.step).toBe(2);
    expect(sd.state[0]!.exp_avg).toBe(opt.state.get(w)!.exp_avg); // live tensors, as in PyTorch
    sd.param_groups[0]!.lr = 9;
    expect(opt.param_groups[0]!.lr).toBe(0.01);
  });

  it("leaves the optimizer unchanged when a load fails", () => {
    const [w, b] = fresh();
    const opt = new SGD([w, b], { lr: 0.1, momentum: 0.9 });
    train(opt, w, b, 1);
    const before = opt.state_dict();
    const bad = new SGD([zeros([4], { requires_grad: true }), zeros([2], { requires_grad: true })], { lr: 0.7, momentum: 0.9 });
    bad.param_groups[0]!.params.forEach((p) => (p.grad = zeros(p.size())));
    bad.step();
    expect(() => opt.load_state_dict(bad.state_dict())).toThrow(
      "loaded state dict has 'momentum_buffer' of shape [4] for parameter 0 of shape [2, 3]",
    );
    expect(opt.param_groups[0]!.lr).toBe(0.1);
    expect(opt.state.get(w)!.momentum_buffer).toBe(before.state[0]!.momentum_buffer);
    expect(() => opt.load_state_dict({ state: {}, param_groups: [] })).toThrow(fixture.errors.load_groups);
    expect(() => opt.load_state_dict({ state: {}, param_groups: [{ params: [0] }] })).toThrow(fixture.errors.load_sizes);
  });

  it("keeps the group objects, so references to them stay live", () => {
    const [w, b] = fresh();
    const opt = new SGD([w, b], 0.1);
    const group = opt.param_groups[0]!;
    opt.load_state_dict(new SGD(fresh(), 0.3).state_dict());
    expect(opt.param_groups[0]).toBe(group);
    expect(group.lr).toBe(0.3);
    expect(group.params).toEqual([w, b]);
  });
});

describe("step", () => {
  it("runs a closure with gradients enabled and returns its loss", () => {
    const [w, b] = fresh();
    const [w2, b2] = fresh();
    const a = new SGD([w, b], { lr: 0.05, momentum: 0.9 });
    const c = new SGD([w2, b2], { lr: 0.05, momentum: 0.9 });
    train(a, w, b, 3);
    for (let i = 0; i < 3; i++) {
      const loss = no_grad(() =>
        c.step(() => {
          c.zero_grad();
          const l = lossOf(X, Y, w2, b2);
          l.backward();
          return l;
        }),
      );
      expect(loss.requires_grad).toBe(true);
    }
    expect(values(w2)).toEqual(values(w));
    expect(new SGD([w], 0.1).step()).toBeUndefined();
  });

  it("skips parameters without a gradient and never records the update", () => {
    const [w, b] = fresh();
    const opt = new Adam([w, b], 0.1);
    lossOf(X, Y, w, b).backward();
    b.grad = null;
    const before = values(b);
    opt.step();
    expect(values(b)).toEqual(before);
    expect(opt.state.has(b)).toBe(false);
    expect(opt.state.get(w)!.step).toBe(1);
    expect(w.is_leaf).toBe(true);
    expect(w.grad_fn).toBeNull();
  });
});

describe("zero_grad", () => {
  it("sets gradients to null by default", () => {
    const [w, b] = fresh();
    const opt = new SGD([w, b], 0.1);
    lossOf(X, Y, w, b).backward();
    opt.zero_grad();
    expect(w.grad).toBeNull();
    expect(b.grad).toBeNull();
  });

  it("zeroes them in place with set_to_none: false, and a zero gradient still moves momentum", () => {
    const [w, b] = fresh();
    const opt = new SGD([w, b], { lr: 0.1, momentum: 0.9 });
    lossOf(X, Y, w, b).backward();
    opt.step();
    const g = w.grad!;
    opt.zero_grad({ set_to_none: false });
    expect(w.grad).toBe(g);
    expect(values(g)).toEqual([0, 0, 0, 0, 0, 0]);
    const before = values(w);
    opt.step();
    expect(values(w)).not.toEqual(before);
    opt.zero_grad(true);
    expect(w.grad).toBeNull();
  });
});

describe("param groups", () => {
  it("fill missing options from the defaults and keep their own", () => {
    const [w, b] = fresh();
    const opt = new SGD([{ params: [w], lr: 0.5 }, { params: b }], { lr: 0.1, momentum: 0.9 });
    expect(opt.param_groups.map((g) => [g.lr, g.momentum])).toEqual([[0.5, 0.9], [0.1, 0.9]]);
    const c = zeros([2], { requires_grad: true });
    opt.add_param_group({ params: [c], momentum: 0 });
    expect(opt.param_groups[2]).toMatchObject({ lr: 0.1, momentum: 0, dampening: 0, nesterov: false });
    expect(() => opt.add_param_group({ params: [c] })).toThrow(fixture.errors.overlap);
    expect(() => new SGD([{ params: [c] }])).toThrow(fixture.errors.sgd_no_lr);
    expect(() => opt.add_param_group({ params: new Set([zeros([1])]) })).toThrow("ordering of tensors in sets");
  });

  it("accept the learning rate positionally and any iterable of tensors", () => {
    const [w, b] = fresh();
    function* parameters() {
      yield w;
      yield b;
    }
    expect(new SGD(parameters(), 0.1, { momentum: 0.5 }).param_groups[0]).toMatchObject({ lr: 0.1, momentum: 0.5, params: [w, b] });
    expect(new Adam([w], 0.5).param_groups[0]!.lr).toBe(0.5);
    expect(new AdamW([w]).param_groups[0]!.weight_decay).toBe(0.01);
    expect(new AdamW([w]) instanceof Adam).toBe(true);
  });

  it("print like PyTorch's", () => {
    const opt = new SGD([zeros([1], { requires_grad: true })], { lr: 0.1, momentum: 0.9 });
    expect(opt.toString()).toBe(
      "SGD (\nParameter Group 0\n    dampening: 0\n    lr: 0.1\n    maximize: False\n    momentum: 0.9\n    nesterov: False\n    weight_decay: 0\n)",
    );
    expect(new Adam([zeros([1], { requires_grad: true })], 1e-5).toString()).toContain("betas: (0.9, 0.999)\n    eps: 1e-08\n");
  });
});

describe("bad hyper-parameters and inputs fail with PyTorch's messages", () => {
  const p = [zeros([2], { requires_grad: true })];
  const e = fixture.errors;
  const S = lr_scheduler;
  const sgd = () => new SGD(p, 0.1);
  const cases: [string, () => unknown][] = [
    ["sgd_lr", () => new SGD(p, -1)],
    ["sgd_momentum", () => new SGD(p, { lr: 0.1, momentum: -0.5 })],
    ["sgd_weight_decay", () => new SGD(p, { lr: 0.1, weight_decay: -0.25 })],
    ["sgd_nesterov", () => new SGD(p, { lr: 0.1, nesterov: true })],
    ["sgd_nesterov_dampening", () => new SGD(p, { lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true })],
    ["sgd_no_lr", () => new SGD([{ params: p }])],
    ["adam_lr", () => new Adam(p, -0.5)],
    ["adam_eps", () => new Adam(p, { eps: -1 })],
    ["adam_beta0", () => new Adam(p, { betas: [1.5, 0.999] })],
    ["adam_beta1", () => new Adam(p, { betas: [0.9, -0.5] })],
    ["adam_weight_decay", () => new Adam(p, { weight_decay: -1 })],
    ["adamw_beta1", () => new AdamW(p, { betas: [0.9, 1.5] })],
    ["rmsprop_alpha", () => new RMSprop(p, { alpha: -0.5 })],
    ["rmsprop_momentum", () => new RMSprop(p, { momentum: -0.5 })],
    ["rmsprop_eps", () => new RMSprop(p, { eps: -1 })],
    ["adagrad_lr_decay", () => new Adagrad(p, { lr_decay: -1 })],
    ["adagrad_initial_accumulator_value", () => new Adagrad(p, { initial_accumulator_value: -1 })],
    ["adagrad_eps", () => new Adagrad(p, { eps: -1 })],
    ["empty", () => new SGD([], 0.1)],
    ["non_leaf", () => new SGD([p[0]!.mul(2)], 0.1)],
    ["not_tensor", () => new SGD([1.5] as unknown as Params, 0.1)],
    ["overlap", () => new SGD([{ params: p }, { params: p }], 0.1)],
    ["linear_start", () => new S.LinearLR(sgd(), { start_factor: 1.5 })],
    ["linear_end", () => new S.LinearLR(sgd(), { end_factor: -0.5 })],
    ["lambda_count", () => new S.LambdaLR(sgd(), [(e) => e, (e) => e])],
    ["resume_without_initial_lr", () => new S.StepLR(sgd(), 2, { last_epoch: 3 })],
    ["plateau_factor", () => new S.ReduceLROnPlateau(sgd(), { factor: 1.5 })],
    ["plateau_mode", () => new S.ReduceLROnPlateau(sgd(), "up" as "min")],
    ["plateau_threshold_mode", () => new S.ReduceLROnPlateau(sgd(), { threshold_mode: "pct" as "rel" })],
    ["plateau_min_lrs", () => new S.ReduceLROnPlateau(sgd(), { min_lr: [0.1, 0.2] })],
    ["onecycle_no_steps", () => new S.OneCycleLR(sgd(), 0.1)],
    ["onecycle_total_steps", () => new S.OneCycleLR(sgd(), 0.1, { total_steps: -3 })],
    ["onecycle_epochs", () => new S.OneCycleLR(sgd(), 0.1, { epochs: 0, steps_per_epoch: 3 })],
    ["onecycle_pct_start", () => new S.OneCycleLR(sgd(), 0.1, { total_steps: 10, pct_start: 1.5 })],
    ["onecycle_anneal", () => new S.OneCycleLR(sgd(), 0.1, { total_steps: 10, anneal_strategy: "exp" as "cos" })],
    ["onecycle_max_lr", () => new S.OneCycleLR(sgd(), [0.1, 0.2], { total_steps: 10 })],
    ["onecycle_momentum", () => new S.OneCycleLR(new Adagrad(p), 0.1, { total_steps: 10 })],
    [
      "onecycle_overrun",
      () => {
        const s = new S.OneCycleLR(sgd(), { max_lr: 0.1, total_steps: 3 });
        for (let i = 0; i < 4; i++) s.step();
      },
    ],
  ];
  it("covers every error the fixture recorded", () => {
    expect(cases.map(([k]) => k).sort()).toEqual(Object.keys(e).filter((k) => !k.startsWith("load_")).sort());
  });
  for (const [key, make] of cases)
    it(key, () => {
      vi.spyOn(console, "warn").mockImplementation(() => {});
      expect(make).toThrow(e[key]!);
    });
  it("a tensor in place of an iterable", () => {
    expect(() => new SGD(p[0]! as unknown as Params, 0.1)).toThrow(
      "params argument given to the optimizer should be an iterable of Tensors or dicts, but got torch.FloatTensor",
    );
  });
});

describe("lr_scheduler", () => {
  const opt = (lr = 0.1) => new SGD([zeros([2], { requires_grad: true })], { lr, momentum: 0.9 });

  it("warns when the scheduler steps before the optimizer", () => {
    resetWarnings();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const o = opt();
    const s = new lr_scheduler.ExponentialLR(o, 0.5);
    s.step();
    expect(warn.mock.calls[0]![0]).toContain("Detected call of `lr_scheduler.step()` before `optimizer.step()`");
    expect(s.get_last_lr()).toEqual([0.05]);
  });

  it("resumes from state_dict", () => {
    const o1 = opt(), o2 = opt();
    const a = new lr_scheduler.OneCycleLR(o1, 1, { total_steps: 20 });
    for (let i = 0; i < 7; i++) (o1.step(), a.step());
    const b = new lr_scheduler.OneCycleLR(o2, 1, { total_steps: 20 });
    o2.load_state_dict(o1.state_dict());
    b.load_state_dict(a.state_dict());
    for (let i = 0; i < 7; i++) (o1.step(), a.step(), o2.step(), b.step());
    expect(b.get_last_lr()).toEqual(a.get_last_lr());
    expect(o2.param_groups[0]!.momentum).toBe(o1.param_groups[0]!.momentum);
    expect(b.last_epoch).toBe(14);
  });

  it("saves LambdaLR without its functions, and MultiStepLR's milestone counts", () => {
    const s = new lr_scheduler.LambdaLR(opt(), (e) => 1 / (e + 1));
    const sd = s.state_dict();
    expect(sd.lr_lambdas).toEqual([null]);
    expect(sd).toMatchObject({ base_lrs: [0.1], last_epoch: 0, _last_lr: [0.1] });
    s.load_state_dict({ ...sd, last_epoch: 4 });
    expect(s.lr_lambdas).toHaveLength(1);
    expect(new lr_scheduler.MultiStepLR(opt(), [2, 5, 5]).state_dict().milestones).toEqual({ 2: 1, 5: 2 });
  });

  it("takes required arguments positionally or by name", () => {
    const a = new lr_scheduler.StepLR(opt(), 3, { gamma: 0.5 });
    const b = new lr_scheduler.StepLR(opt(), { step_size: 3, gamma: 0.5 });
    expect([a.step_size, a.gamma]).toEqual([b.step_size, b.gamma]);
    expect(() => new lr_scheduler.StepLR(opt(), {} as never)).toThrow("missing 1 required positional argument: 'step_size'");
    expect(new lr_scheduler.ReduceLROnPlateau(opt(), "max").mode).toBe("max");
  });

  it("ReduceLROnPlateau reads a metric tensor", () => {
    const o = opt();
    const s = new lr_scheduler.ReduceLROnPlateau(o, { patience: 0 });
    s.step(tensor(1.0));
    s.step(tensor(2.0));
    expect(o.param_groups[0]!.lr).toBeCloseTo(0.01, 12);
    expect(s.get_last_lr()).toEqual([o.param_groups[0]!.lr]);
  });

  it("prints changes when verbose, in PyTorch's words", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    new lr_scheduler.StepLR(opt(), 1, { verbose: true });
    expect(log).toHaveBeenCalledWith("Adjusting learning rate of group 0 to 1.0000e-01.");
  });
});

describe("large CPU parameters (the fused SIMD update, addScaledInPlace)", () => {
  afterEach(() => setCpuKernels("simd"));

  type Step = { zero_grad(): void; step(): unknown };
  /** A [201, 101] parameter (not a whole number of vectors) after three steps of `make`'s optimizer on the chosen kernels. */
  function trained(kernels: "simd" | "plain", make: (p: Tensor[]) => Step): number[] {
    setCpuKernels(kernels);
    const n = 201 * 101;
    const p = tensor(Array.from({ length: n }, (_, i) => Math.sin(i) * 3)).reshape([201, 101]).requires_grad_();
    const target = tensor(Array.from({ length: n }, (_, i) => Math.cos(i * 0.7))).reshape([201, 101]);
    const opt = make([p]);
    for (let step = 0; step < 3; step++) {
      opt.zero_grad();
      p.sub(target).pow(2).mul(p.sin()).sum().backward();
      opt.step();
    }
    return Array.from(p.detach().dataSync());
  }

  it("SGD (plain, momentum, Nesterov) and Adam give the same parameters as the plain kernels, bit for bit", () => {
    const makers: ((p: Tensor[]) => Step)[] = [
      (p) => new SGD(p, { lr: 0.01 }),
      (p) => new SGD(p, { lr: 0.01, momentum: 0.9, dampening: 0.1 }),
      (p) => new SGD(p, { lr: 0.01, momentum: 0.9, nesterov: true, weight_decay: 0.01 }),
      (p) => new Adam(p, { lr: 0.01 }),
    ];
    for (const make of makers) {
      const simd = trained("simd", make);
      expect(simd).toEqual(trained("plain", make));
      expect(simd.some((v, i) => v !== Math.fround(Math.sin(i) * 3))).toBe(true);
    }
  });
});

