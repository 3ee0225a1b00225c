/**
 * The nn conformance suite (Decision 7): every layer, loss and initialiser against real
 * PyTorch (fixtures/nn.json), plus a small training run, on any registered device. Inputs are
 * created on `device` and results are read with `await t.data()`, so backends that read
 * asynchronously run it too. A backend's test file calls `runNnConformance("<device>")`.
 */
import { describe, expect, it } from "vitest";
import { empty, manual_seed, rand, type Tensor } from "@flambeau/tensor";
import * as nn from "@flambeau/nn";
import { build, decode, decodeState, expectClose, nnFixture, type Encoded, type EncodedState, type ModuleSpec } from "./nn-fixture.js";
import { trainRingsClassifier } from "./train-rings.js";
import { runConvConformance } from "./conv.js";

export interface LayerCase {
  module: ModuleSpec;
  mode: "train" | "eval";
  state: EncodedState;
  seed: number | null;
  input: Encoded;
  index_input: boolean;
  output: Encoded;
  grad_output: Encoded;
  input_grad: Encoded | null;
  param_grads: EncodedState;
  state_after: EncodedState;
}

interface RecurrentCase {
  module: ModuleSpec;
  mode: "train" | "eval";
  seed: number | null;
  state: EncodedState;
  input: Encoded;
  h0: Encoded | null;
  c0: Encoded | null;
  output: Encoded;
  /** h_n, and c_n for an LSTM. */
  finals: Encoded[];
  grad_outputs: Encoded[];
  input_grad: Encoded;
  h0_grad: Encoded | null;
  c0_grad: Encoded | null;
  param_grads: EncodedState;
}

interface LossCase {
  module: ModuleSpec;
  functional: string;
  input: Encoded;
  target: Encoded;
  reductions: Record<"mean" | "sum" | "none", { output: Encoded; grad_output: Encoded; input_grad: Encoded }>;
}

interface InitCall {
  fn: string;
  args: number[];
  kwargs: Record<string, unknown>;
  seed_small: number;
  small: Encoded;
  seed_3d: number;
  values_3d: Encoded;
  seed_big: number;
  big_shape: [number, number];
  big_mean: number;
  big_std: number;
  big_min: number;
  big_max: number;
}

interface FunctionalCase {
  fn: string;
  kwargs: Record<string, number>;
  input: Encoded;
  output: Encoded;
  grad_output: Encoded;
  input_grad: Encoded;
}

interface ClipFixture {
  norm: { norm_type: number | "inf"; max_norm: number; grads: Encoded[]; total_norm: number; clipped: Encoded[] }[];
  value: { clip_value: number; grad: Encoded; clipped: Encoded };
}

export interface SeededCase {
  module: ModuleSpec;
  seed: number;
  state: EncodedState;
  next_rand: number[];
}

type InitFn = (t: Tensor, ...args: unknown[]) => Tensor;

/** Call `nn.init[fn]` as the fixture's Python call was written: positional args, then keywords. */
function callInit(t: Tensor, call: InitCall): void {
  const fn = (nn.init as unknown as Record<string, InitFn>)[call.fn]!;
  const kw = Object.keys(call.kwargs).length > 0 ? [call.kwargs] : [];
  fn(t, ...call.args, ...kw);
}

/** The standard deviation each initialiser aims for on a 300×200 weight (fan_in 200, fan_out 300). */
function theoreticalStd(call: InitCall): number {
  const [fanIn, fanOut] = [200, 300];
  const kw = call.kwargs as { gain?: number; a?: number; mode?: string; nonlinearity?: string };
  const gain = kw.gain ?? 1;
  const fan = kw.mode === "fan_out" ? fanOut : fanIn;
  const nl = kw.nonlinearity ?? "leaky_relu";
  const kaimingGain = nl === "relu" ? Math.SQRT2 : nl === "tanh" ? 5 / 3 : Math.sqrt(2 / (1 + (kw.a ?? 0) ** 2));
  switch (call.fn) {
    case "uniform_": return call.args.length ? (call.args[1]! - call.args[0]!) / Math.sqrt(12) : 1 / Math.sqrt(12);
    case "normal_": return call.args[1] ?? 1;
    case "xavier_uniform_": case "xavier_normal_": return gain * Math.sqrt(2 / (fanIn + fanOut));
    case "kaiming_uniform_": case "kaiming_normal_": return kaimingGain / Math.sqrt(fan);
    default: return 0; // constant_, zeros_, ones_
  }
}

async function meanStd(t: Tensor): Promise<[number, number]> {
  const v = await t.data();
  let s = 0;
  for (const x of v) s += x;
  const mean = s / v.length;
  let ss = 0;
  for (const x of v) ss += (x - mean) ** 2;
  return [mean, Math.sqrt(ss / (v.length - 1))];
}

/**
 * Load a fixture layer's state on `device`, run it forward and backward, and compare its output,
 * input gradient, parameter gradients and state afterwards with PyTorch's.
 */
export async function checkLayerCase(c: LayerCase, device: string, rtol = 1e-5, atol = 1e-5): Promise<void> {
  const m = build(c.module).to(device);
  m.load_state_dict(decodeState(c.state, device));
  m.train(c.mode === "train");
  const x = decode(c.input, device);
  if (!c.index_input) x.requires_grad_(true);
  if (c.seed !== null) manual_seed(c.seed);
  const out = m(x) as Tensor;
  await expectClose(out, c.output, rtol, atol);
  out.backward(decode(c.grad_output, device));
  if (c.input_grad) await expectClose(x.grad!, c.input_grad, rtol, atol);
  const grads = m.named_parameters();
  expect(grads.map(([n]) => n)).toEqual(c.param_grads.map(([n]) => n));
  for (const [i, [, p]] of grads.entries()) await expectClose(p.grad!, c.param_grads[i]![1], rtol, atol);
  const after = m.state_dict();
  expect(Object.keys(after)).toEqual(c.state_after.map(([k]) => k));
  for (const [k, v] of c.state_after) await expectClose(after[k]!, v, rtol, Math.min(atol, 1e-6));
}

/** Run the nn conformance suite on `device`. */
export function runNnConformance(device: string): void {
  describe(`nn conformance on ${device}`, () => {
    describe("layers: forward, input gradient and parameter gradients match PyTorch", () => {
      for (const [name, c] of Object.entries(nnFixture<Record<string, LayerCase>>("layers"))) {
        it(name, () => checkLayerCase(c, device));
      }
    });

    describe("recurrent layers: outputs, final states and every gradient match PyTorch", () => {
      for (const [name, c] of Object.entries(nnFixture<Record<string, RecurrentCase>>("recurrent"))) {
        it(name, async () => {
          const m = build(c.module).to(device);
          m.load_state_dict(decodeState(c.state, device));
          m.train(c.mode === "train");
          const x = decode(c.input, device).requires_grad_(true);
          const h0 = c.h0 ? decode(c.h0, device).requires_grad_(true) : null;
          const c0 = c.c0 ? decode(c.c0, device).requires_grad_(true) : null;
          if (c.seed !== null) manual_seed(c.seed);
          const [out, state] = (c0 ? m(x, [h0, c0]) : h0 ? m(x, h0) : m(x)) as [Tensor, Tensor | [Tensor, Tensor]];
          const finals = Array.isArray(state) ? state : [state];
          await expectClose(out, c.output, 1e-5, 1e-5);
          expect(finals.length).toBe(c.finals.length);
          for (const [i, f] of finals.entries()) await expectClose(f, c.finals[i]!, 1e-5, 1e-5);
          let loss = out.mul(decode(c.grad_outputs[0]!, device)).sum();
          for (const [i, f] of finals.entries()) loss = loss.add(f.mul(decode(c.grad_outputs[i + 1]!, device)).sum());
          loss.backward();
          await expectClose(x.grad!, c.input_grad, 1e-4, 1e-5);
          if (c.h0_grad) await expectClose(h0!.grad!, c.h0_grad, 1e-4, 1e-5);
          if (c.c0_grad) await expectClose(c0!.grad!, c.c0_grad, 1e-4, 1e-5);
          const params = m.named_parameters();
          expect(params.map(([n]) => n)).toEqual(c.param_grads.map(([n]) => n));
          for (const [i, [, p]] of params.entries()) await expectClose(p.grad!, c.param_grads[i]![1], 1e-4, 1e-5);
        });
      }
    });

    describe("losses: every reduction and option, module and functional, match PyTorch", () => {
      const F = nn.functional as unknown as Record<string, (i: Tensor, t: Tensor, o: object) => Tensor>;
      for (const [name, c] of Object.entries(nnFixture<Record<string, LossCase>>("losses"))) {
        for (const [reduction, want] of Object.entries(c.reductions)) {
          it(`${name} (${reduction})`, async () => {
            const spec = { ...c.module, kwargs: { ...c.module.kwargs, reduction } };
            const criterion = build(spec).to(device);
            const target = decode(c.target, device);
            const x = decode(c.input, device).requires_grad_(true);
            const loss = criterion(x, target) as Tensor;
            await expectClose(loss, want.output, 1e-5, 1e-6);
            if (reduction === "none") loss.backward(decode(want.grad_output, device));
            else loss.backward();
            await expectClose(x.grad!, want.input_grad, 1e-5, 1e-6);
            // The functional form takes the same options, tensors given as tensors.
            const options = Object.fromEntries(
              Object.entries(spec.kwargs).map(([k, v]) => [k, typeof v === "object" && v !== null ? decode((v as { tensor: Encoded }).tensor, device) : v]),
            );
            await expectClose(F[c.functional]!(decode(c.input, device), target, options), want.output, 1e-5, 1e-6);
          });
        }
      }
    });

    describe("functions of F without a layer, and gradient clipping, match PyTorch", () => {
      const { one_hot: oneHot, ...cases } = nnFixture<Record<string, unknown>>("functional");
      const F = nn.functional as unknown as Record<string, (x: Tensor, ...rest: number[]) => Tensor>;
      for (const [name, c] of Object.entries(cases as Record<string, FunctionalCase>)) {
        it(name, async () => {
          const x = decode(c.input, device).requires_grad_(true);
          const y = F[c.fn]!(x, ...Object.values(c.kwargs));
          await expectClose(y, c.output, 1e-5, 1e-6);
          y.backward(decode(c.grad_output, device));
          await expectClose(x.grad!, c.input_grad, 1e-5, 1e-6);
        });
      }
      it("one_hot", async () => {
        const c = oneHot as { input: Encoded; output_5: Encoded };
        await expectClose(nn.functional.one_hot(decode(c.input, device), 5), c.output_5);
      });
      const clip = nnFixture<ClipFixture>("clip");
      for (const c of clip.norm)
        it(`clip_grad_norm_(max_norm=${c.max_norm}, norm_type=${c.norm_type})`, async () => {
          const params = c.grads.map((g) => {
            const p = new nn.Parameter(empty(g.shape, { device }));
            p.grad = decode(g, device);
            return p;
          });
          // PyTorch's positional form (Infinity), and its keyword form (with the string 'inf').
          const total =
            typeof c.norm_type === "string" || c.norm_type === 1
              ? nn.utils.clip_grad_norm_(params, c.max_norm, { norm_type: c.norm_type })
              : nn.utils.clip_grad_norm_(params, c.max_norm, c.norm_type);
          expect((await total.data())[0]).toBeCloseTo(c.total_norm, 5);
          for (const [i, p] of params.entries()) await expectClose(p.grad!, c.clipped[i]!, 1e-5, 1e-6);
        });
      it("clip_grad_value_", async () => {
        const p = new nn.Parameter(empty(clip.value.grad.shape, { device }));
        p.grad = decode(clip.value.grad, device);
        nn.utils.clip_grad_value_(p, clip.value.clip_value);
        await expectClose(p.grad, clip.value.clipped);
      });
    });

    describe("init: PyTorch's values after the same seed, and the intended statistics", () => {
      const { calls, gains } = nnFixture<{ calls: InitCall[]; gains: Record<string, { nonlinearity: string; param: number | null; gain: number }> }>("init");
      for (const call of calls) {
        const label = `${call.fn}(${[...call.args.map(String), ...Object.entries(call.kwargs).map(([k, v]) => `${k}=${v}`)].join(", ")})`;
        it(label, async () => {
          manual_seed(call.seed_small);
          const small = empty([6, 5], { device });
          callInit(small, call);
          await expectClose(small, call.small, 1e-6, 1e-7);
          manual_seed(call.seed_3d);
          const conv = empty([4, 3, 2], { device });
          callInit(conv, call);
          await expectClose(conv, call.values_3d, 1e-6, 1e-7);
          manual_seed(call.seed_big);
          const big = empty(call.big_shape, { device });
          callInit(big, call);
          const [mean, std] = await meanStd(big);
          expect(mean).toBeCloseTo(call.big_mean, 5);
          expect(std).toBeCloseTo(call.big_std, 5);
          const target = theoreticalStd(call);
          expect(Math.abs(std - target)).toBeLessThanOrEqual(0.03 * target);
        });
      }
      it("calculate_gain", () => {
        for (const g of Object.values(gains))
          expect(nn.init.calculate_gain(g.nonlinearity as nn.init.Nonlinearity, g.param)).toBeCloseTo(g.gain, 12);
      });
    });

    describe("default initialisation after manual_seed is PyTorch's, draw for draw", () => {
      for (const [name, c] of Object.entries(nnFixture<Record<string, SeededCase>>("seeded"))) {
        it(name, async () => {
          manual_seed(c.seed);
          const m = build(c.module).to(device);
          const sd = m.state_dict();
          expect(Object.keys(sd)).toEqual(c.state.map(([k]) => k));
          for (const [k, v] of c.state) await expectClose(sd[k]!, v, 1e-7, 0);
          // The generator is where PyTorch's is: init drew exactly as many numbers.
          expect(Array.from(await rand(3).data())).toEqual(c.next_rand.map(Math.fround));
        });
      }
    });

    runConvConformance(device);

    it("a 2-layer MLP trained with plain SGD separates two rings (>95% accuracy)", async () => {
      const accuracy = await trainRingsClassifier(device);
      expect(accuracy).toBeGreaterThan(0.95);
    });
  });
}
