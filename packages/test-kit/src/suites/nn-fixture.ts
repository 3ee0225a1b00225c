/** Reading fixtures/nn.json (written by scripts/fixtures/nn.py from real PyTorch). */
import { expect } from "vitest";
import { tensor, type DType, type Tensor } from "@flambeau/tensor";
import * as nn from "@flambeau/nn";
import { readFixture } from "../fixtures.js";

/** A tensor as the fixture scripts encode it. */
export interface Encoded {
  shape: number[];
  dtype: string;
  data: (number | boolean | string)[];
}

/** A module as the fixture script describes it: `new nn[type](...args, kwargs)`. */
export interface ModuleSpec {
  type: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}

let cache: Record<string, unknown> | null = null;

/** The parsed fixtures/nn.json. */
export function nnFixture<T>(section: string): T {
  cache ??= readFixture<Record<string, unknown>>("nn.json");
  return cache[section] as T;
}

const num = (v: number | boolean | string): number =>
  typeof v !== "string" ? +v : v === "nan" ? NaN : v === "inf" ? Infinity : -Infinity;

/** PyTorch's int64 becomes int32 here; everything else keeps its dtype. */
export function decode(e: Encoded, device = "cpu"): Tensor {
  const dtype = (e.dtype === "int64" ? "int32" : e.dtype) as DType;
  return tensor(e.data.map(num), { dtype, device }).reshape(e.shape);
}

/** An encoded state dict: `[name, tensor]` pairs, in PyTorch's order. */
export type EncodedState = [string, Encoded][];

/** Decode every tensor of an encoded state dict. */
export function decodeState(state: EncodedState, device = "cpu"): nn.StateDict {
  return Object.fromEntries(state.map(([k, v]) => [k, decode(v, device)]));
}

const isEncodedArg = (v: unknown): v is { tensor: Encoded } => typeof v === "object" && v !== null && "tensor" in v;
const isSpec = (v: unknown): v is ModuleSpec => typeof v === "object" && v !== null && "type" in v && "kwargs" in v;

/** Build the module a spec describes through Flambeau's PyTorch-shaped constructors. */
export function build(spec: ModuleSpec, device = "cpu"): nn.Module {
  const args = spec.args.map((a) => (isSpec(a) ? build(a, device) : a));
  const kwargs = Object.fromEntries(
    Object.entries(spec.kwargs).map(([k, v]) => [k, isEncodedArg(v) ? decode(v.tensor, device) : v]),
  );
  const Ctor = (nn as unknown as Record<string, new (...a: unknown[]) => nn.Module>)[spec.type];
  if (!Ctor) throw new Error(`no nn.${spec.type}`);
  return Object.keys(kwargs).length > 0 ? new Ctor(...args, kwargs) : new Ctor(...args);
}

/** Assert that `actual` has PyTorch's shape and, within tolerance, its values (read asynchronously). */
export async function expectClose(actual: Tensor, expected: Encoded, rtol = 1e-5, atol = 1e-6): Promise<void> {
  expect(actual.shape).toEqual(expected.shape);
  const got = await actual.data();
  const want = expected.data.map(num);
  const bad: string[] = [];
  want.forEach((w, i) => {
    const a = got[i]!;
    // Infinities must match exactly (their difference is NaN); NaN matches NaN.
    if (!(Math.abs(a - w) <= atol + rtol * Math.abs(w)) && a !== w && !(Number.isNaN(a) && Number.isNaN(w)))
      bad.push(`[${i}] got ${a}, PyTorch ${w}`);
  });
  expect(bad, bad.slice(0, 5).join("; ")).toEqual([]);
}

/** The message of the error `fn` throws (failing the test when it does not throw). */
export function thrownMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error, but none was thrown");
}
