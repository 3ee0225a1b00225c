/**
 * The op cases of `fixtures/ops.json` (written by `scripts/fixtures/ops.py` from real PyTorch),
 * and how to turn their inputs into tensors on a device.
 */
import { readFileSync } from "node:fs";
import * as torch from "flambeau";

/** A tensor as the fixture script writes it; non-finite floats are "nan", "inf", "-inf". */
export interface EncodedTensor {
  shape: number[];
  dtype: torch.DType;
  data: (number | boolean | string)[];
}

/** One entry of an index expression in JSON: ints, "a:b:c" slices, "...", null, int lists. */
export type IndexSpecJSON = number | string | null | number[];

/** A step applied to an input after its leaf is created, so the op sees a (non-contiguous) view. */
export type TransformStep =
  | ["transpose", number, number]
  | ["permute", number[]]
  | ["expand", number[]]
  | ["index", IndexSpecJSON[]];

export interface TensorInput extends EncodedTensor {
  requires_grad: boolean;
  transform?: TransformStep[];
}

/** A JavaScript number or boolean operand, as PyTorch's Python scalars. */
export interface ScalarInput {
  scalar: number | boolean;
}

export type CaseInput = TensorInput | ScalarInput;

/** Keyword arguments, as JSON. */
export type Kwargs = Record<string, unknown>;

export interface OpCase {
  name: string;
  /** Key into {@link OPS}. */
  op: string;
  inputs: CaseInput[];
  kwargs: Kwargs;
  /** Every tensor the op returns (one for most ops; values and indices for `max(dim)`; the parts of `split`). */
  out: EncodedTensor[];
  out_requires_grad: boolean[];
  /** False for inputs at a kink or tie (relu at 0, tied maxima): gradients are PyTorch's subgradient, not finite differences. */
  smooth?: false;
  /** Weights of the loss `sum_i (out_i * w_i).sum()`; null for outputs that carry no gradient. */
  w?: (EncodedTensor | null)[];
  /** Gradient of that loss for each input: null for scalars and inputs not requiring grad. */
  grads?: (EncodedTensor | null)[];
}

export interface OpsFixture {
  torch: string;
  cases: OpCase[];
}

const cached = new Map<string, OpsFixture>();

function loadCases(name: string): OpsFixture {
  let f = cached.get(name);
  if (f === undefined) {
    f = JSON.parse(readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), "utf8")) as OpsFixture;
    cached.set(name, f);
  }
  return f;
}

/** The parsed `fixtures/ops.json` (read once). */
export function loadOpsFixture(): OpsFixture {
  return loadCases("ops.json");
}

/**
 * The parsed `fixtures/special.json` (`scripts/fixtures/special.py`): the elementwise ops over
 * NaN, ±Infinity, ±0 and the edges of their domains, forward only, in the same case format.
 */
export function loadSpecialFixture(): OpsFixture {
  return loadCases("special.json");
}

/** Decode a fixture value: "nan"/"inf"/"-inf" and booleans become numbers. */
export function decodeValue(v: number | boolean | string): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "nan") return NaN;
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  throw new Error(`fixture: unknown value '${v}'`);
}

function nest(flat: readonly (number | boolean)[], shape: readonly number[]): torch.NestedData {
  if (shape.length === 0) return flat[0]!;
  const step = shape.slice(1).reduce((a, b) => a * b, 1);
  return Array.from({ length: shape[0]! }, (_, i) => nest(flat.slice(i * step, (i + 1) * step), shape.slice(1)));
}

/**
 * A fresh leaf tensor on `device` holding an encoded tensor, built with the public factories
 * (`torch.tensor` with the `device` option, `torch.zeros` for empty shapes).
 */
export function makeTensor(e: EncodedTensor, device: string, options: { requires_grad?: boolean; dtype?: torch.DType } = {}): torch.Tensor {
  const dtype = options.dtype ?? e.dtype;
  const requires_grad = options.requires_grad ?? false;
  const size = e.shape.reduce((a, b) => a * b, 1);
  if (size === 0) return torch.zeros(e.shape, { dtype, device, requires_grad });
  const flat = e.data.map((v) => (dtype === "bool" ? Boolean(decodeValue(v)) : decodeValue(v)));
  return torch.tensor(nest(flat, e.shape), { dtype, device, requires_grad });
}

/** Apply a case input's transform steps (views: gradients flow back to the leaf). */
export function applyTransform(x: torch.Tensor, steps: readonly TransformStep[] = []): torch.Tensor {
  let out = x;
  for (const step of steps) {
    switch (step[0]) {
      case "transpose":
        out = out.transpose(step[1], step[2]);
        break;
      case "permute":
        out = out.permute(step[1]);
        break;
      case "expand":
        out = out.expand(step[1]);
        break;
      case "index":
        out = out.index(...step[1]);
        break;
      default:
        throw new Error(`fixture: unknown transform '${(step as string[])[0]}'`);
    }
  }
  return out;
}

/** An op operand: a tensor or a JavaScript scalar. */
export type Operand = torch.Tensor | number | boolean;

export interface BuiltInputs {
  /** The operands to pass to the op (transformed views of the leaves, or scalars). */
  args: Operand[];
  /** The leaf tensor behind each input (null for scalars); gradients accumulate here. */
  leaves: (torch.Tensor | null)[];
}

/**
 * Create a case's inputs on `device`. `floatDType` replaces the dtype of every floating input
 * (gradcheck runs in float64).
 */
export function buildInputs(c: OpCase, device: string, floatDType?: torch.DType): BuiltInputs {
  const args: Operand[] = [], leaves: (torch.Tensor | null)[] = [];
  for (const inp of c.inputs) {
    if ("scalar" in inp) {
      args.push(inp.scalar);
      leaves.push(null);
      continue;
    }
    const isFloat = inp.dtype === "float32" || inp.dtype === "float64";
    const leaf = makeTensor(inp, device, {
      requires_grad: inp.requires_grad,
      dtype: isFloat && floatDType ? floatDType : inp.dtype,
    });
    leaves.push(leaf);
    args.push(applyTransform(leaf, inp.transform));
  }
  return { args, leaves };
}

/** Every dtype a case touches (inputs, outputs, gradients, a `dtype` keyword argument). */
export function caseDTypes(c: OpCase): Set<torch.DType> {
  const out = new Set<torch.DType>();
  for (const i of c.inputs) if (!("scalar" in i)) out.add(i.dtype);
  for (const o of c.out) out.add(o.dtype);
  for (const g of c.grads ?? []) if (g) out.add(g.dtype);
  if (typeof c.kwargs.dtype === "string") out.add(c.kwargs.dtype as torch.DType);
  return out;
}
