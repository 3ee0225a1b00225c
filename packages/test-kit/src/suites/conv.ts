/**
 * Convolution, pooling, interpolation and unfold/fold against real PyTorch (fixtures/conv.json,
 * written by scripts/fixtures/conv.py) on any registered device: each layer forward and
 * backward, each functional form with its keywords, default initialisation draw for draw and
 * printed form, and a CNN saved by PyTorch as safetensors predicting PyTorch's logits.
 * Part of the nn conformance suite (conformance.ts calls {@link runConvConformance}).
 */
import { describe, expect, it } from "vitest";
import { manual_seed, rand, type Tensor } from "@flambeau/tensor";
import * as nn from "@flambeau/nn";
import { build, decode, expectClose, type Encoded, type ModuleSpec } from "./nn-fixture.js";
import { readFixture } from "../fixtures.js";
import { checkLayerCase, type LayerCase, type SeededCase } from "./nn.js";

interface FunctionalCase {
  fn: string;
  inputs: Encoded[];
  args: unknown[];
  kwargs: Record<string, unknown>;
  output: Encoded;
  indices: Encoded | null;
  grad_output: Encoded;
  grads: Encoded[];
}

interface ConvFixture {
  layers: Record<string, LayerCase>;
  functional: Record<string, FunctionalCase>;
  seeded: Record<string, SeededCase & { repr: string }>;
  saved_cnn: { module: ModuleSpec; bytes: string; input: Encoded; logits: Encoded; predicted: number[] };
  reprs: { module: ModuleSpec; repr: string }[];
}

let cache: ConvFixture | null = null;
/** The parsed fixtures/conv.json. */
export function convFixture(): ConvFixture {
  cache ??= readFixture<ConvFixture>("conv.json");
  return cache;
}

// Sums over a few dozen products: float32 on a GPU rounds them in another order than PyTorch.
const RTOL = 1e-4;
const ATOL = 1e-5;

/** The conv/pool part of the nn conformance suite, on `device`. */
export function runConvConformance(device: string): void {
  const fx = convFixture();
  describe("convolution and pooling layers: forward, input and parameter gradients match PyTorch", () => {
    for (const [name, c] of Object.entries(fx.layers)) it(name, () => checkLayerCase(c, device, RTOL, ATOL));
  });

  describe("F.conv*, pooling, interpolate, unfold and fold with PyTorch's arguments match PyTorch", () => {
    const F = nn.functional as unknown as Record<string, (...a: unknown[]) => Tensor | [Tensor, Tensor]>;
    for (const [name, c] of Object.entries(fx.functional)) {
      it(name, async () => {
        const inputs = c.inputs.map((e) => decode(e, device).requires_grad_(true));
        const kw = Object.keys(c.kwargs).length > 0 ? [c.kwargs] : [];
        const result = F[c.fn]!(...inputs, ...c.args, ...kw);
        const [out, indices] = Array.isArray(result) ? result : [result, null];
        await expectClose(out, c.output, RTOL, ATOL);
        if (c.indices) await expectClose(indices!, c.indices, 0, 0);
        else expect(indices).toBeNull();
        out.backward(decode(c.grad_output, device));
        for (const [i, g] of c.grads.entries()) await expectClose(inputs[i]!.grad!, g, RTOL, ATOL);
      });
    }
  });

  describe("conv layers: default initialisation after manual_seed is PyTorch's, and so is print(module)", () => {
    for (const [name, c] of Object.entries(fx.seeded)) {
      it(name, async () => {
        manual_seed(c.seed);
        const m = build(c.module, device);
        const sd = m.state_dict();
        expect(Object.keys(sd)).toEqual(c.state.map(([k]) => k));
        for (const [k, v] of c.state) await expectClose(sd[k]!, v, 1e-7, 0);
        expect(Array.from(await rand(3).data())).toEqual(c.next_rand.map(Math.fround));
        expect(String(m)).toBe(c.repr);
      });
    }
  });

  it("a CNN's state_dict saved as safetensors by PyTorch loads and predicts PyTorch's logits", async () => {
    const c = fx.saved_cnn;
    const model = build(c.module).to(device);
    // atob, not Buffer: the suite also runs in a browser page.
    const state = nn.loadFromBytes(Uint8Array.from(atob(c.bytes), (ch) => ch.charCodeAt(0)));
    expect(Object.keys(state).sort()).toEqual(Object.keys(model.state_dict()).sort());
    model.load_state_dict(state);
    model.eval();
    const logits = model(decode(c.input, device)) as Tensor;
    await expectClose(logits, c.logits, RTOL, ATOL);
    expect(Array.from(await logits.argmax(1).data())).toEqual(c.predicted);
  });
}

