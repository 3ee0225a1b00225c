/**
 * `runConformance(device)`: the op suite every backend runs (DESIGN.md, Decision 7). Each case
 * of `fixtures/ops.json` builds its inputs on the device, runs the op, reads the results back
 * with `await data()` and compares them with PyTorch's, then backpropagates
 * `sum_i (out_i * w_i).sum()` and compares every input's `.grad`.
 */
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { unaryOps } from "@flambeau/tensor/internal";
import { hasInt64 } from "./int64.js";
import { expectTensor, type Tolerances } from "./compare.js";
import { registerErrorTests } from "./errors.js";
import { registerBadInputTests, type BadInputCase } from "./bad-input.js";
import { BAD_INTEGER_CASES } from "./bad-integers.js";
import { BAD_OPERAND_CASES } from "./bad-operands.js";
import { BAD_CREATION_CASES } from "./bad-creation.js";
import { BAD_AUTOGRAD_CASES } from "./bad-autograd.js";
import { BAD_DEVICE_CASES } from "./bad-devices.js";
import { BAD_IO_CASES } from "./bad-io.js";
import { BAD_CONV_CASES } from "./bad-conv.js";
import { BAD_VALUE_CASES } from "./bad-values.js";
import { WRONG_KIND_CASES } from "./wrong-kinds.js";
import { BAD_OP_CASES } from "./bad-ops.js";
import { BAD_OPTIM_CASES } from "./bad-optim.js";
import { BAD_MODULE_CASES } from "./bad-modules.js";
import { buildInputs, caseDTypes, loadOpsFixture, loadSpecialFixture, makeTensor, type EncodedTensor, type OpCase } from "./fixture.js";
import { registerKeywordTests } from "./keywords.js";
import { OPS, runOp } from "./ops.js";

export interface ConformanceOptions {
  /**
   * Tolerances per floating dtype, replacing the defaults (float32: rtol 1e-4, atol 1e-5;
   * float64: rtol 1e-10, atol 1e-10). Integers and booleans always compare exactly.
   */
  tolerance?: Tolerances;
  /** Dtypes the backend cannot hold (GPU backends: `["float64"]`); cases using them are not registered. */
  skipDtypes?: "float64"[];
}

/**
 * PyTorch's expected output as `device` gives it: where the device has no int64, an int64
 * result (an integer sum) is int32 (docs/design.md, "Whole numbers and dtypes"); null when
 * such a result does not fit int32, which the device must refuse rather than wrap.
 */
function expectedOn(e: EncodedTensor, device: string): EncodedTensor | null {
  if (e.dtype !== "int64" || hasInt64(device)) return e;
  if (e.data.some((v) => typeof v !== "number" || v > 2147483647 || v < -2147483648)) return null;
  return { ...e, dtype: "int32" };
}

/**
 * Run one case on `device`: forward values, then gradients. Throws on the first mismatch
 * with a message naming the case, the output or input, and the elements that differ.
 */
export async function checkCase(c: OpCase, device: string, tolerance: Tolerances = {}): Promise<void> {
  const expected = c.out.map((e) => expectedOn(e, device));
  if (expected.includes(null)) {
    // An integer result past int32 where int32 is the widest integer: refused, at once or at the
    // read (or, on gpu.js, already the inputs near int32's limit, past its exact 2^24).
    const read = async () => {
      const { args } = buildInputs(c, device);
      for (const o of runOp(c.op, args, c.kwargs)) await o.data();
    };
    await expect(read(), `${c.name}: a result past int32 on '${device}' must be refused`).rejects.toThrow(/int32|2\^24/);
    return;
  }
  const { args, leaves } = buildInputs(c, device);
  const outs = runOp(c.op, args, c.kwargs);
  expect(outs.length, `${c.name}: number of outputs`).toBe(c.out.length);
  const type = torch.device(device).type;
  for (let i = 0; i < outs.length; i++) {
    const o = outs[i]!;
    expect(o.device.type, `${c.name}: output ${i} device`).toBe(type);
    await expectTensor(o, expected[i]!, `${c.name}: output ${i}`, tolerance);
    expect(o.requires_grad, `${c.name}: output ${i} requires_grad`).toBe(c.out_requires_grad[i]);
  }
  if (!c.grads) return;
  let loss: torch.Tensor | null = null;
  c.w!.forEach((w, i) => {
    if (w === null) return;
    const term = outs[i]!.mul(makeTensor(w, device)).sum();
    loss = loss === null ? term : loss.add(term);
  });
  expect(loss, `${c.name}: a loss to backpropagate`).not.toBeNull();
  loss!.backward();
  for (let i = 0; i < c.grads.length; i++) {
    const expected = c.grads[i], leaf = leaves[i];
    if (leaf === null || leaf === undefined) continue;
    if (expected === null) {
      expect(leaf.grad, `${c.name}: input ${i} should get no gradient`).toBeNull();
      continue;
    }
    if (leaf.grad === null) throw new Error(`${c.name}: input ${i} got no gradient; PyTorch gives one of shape [${expected.shape.join(", ")}]`);
    expect(leaf.grad.device.type, `${c.name}: gradient ${i} device`).toBe(type);
    await expectTensor(leaf.grad, expected, `${c.name}: gradient of input ${i}`, tolerance);
  }
}

/**
 * The comparison must be able to fail: a case whose expected output value, dtype or shape, or
 * expected gradient, is altered is rejected on this device.
 */
function registerHarnessTests(cases: readonly OpCase[], device: string, skip: Set<torch.DType>): void {
  const base = cases.find(
    (c) => c.grads && c.out[0]!.dtype === "float32" && c.out[0]!.data.length > 1 && !skip.has("float32") && c.grads.some((g) => g && g.data.length > 1),
  );
  it("finds a float32 case with gradients to alter", () => expect(base).toBeDefined());
  if (!base) return;
  const gi = base.grads!.findIndex((g) => g !== null && g.data.length > 1);
  const alter = (f: (c: OpCase) => void): OpCase => {
    const c = JSON.parse(JSON.stringify(base)) as OpCase;
    f(c);
    return c;
  };
  const bump = (v: number | boolean | string) => (v as number) * 1.001 + 1e-3;
  const mutants: [string, OpCase, RegExp][] = [
    ["an output value", alter((c) => (c.out[0]!.data[1] = bump(c.out[0]!.data[1]!))), /elements differ/],
    ["an output NaN", alter((c) => (c.out[0]!.data[0] = "nan")), /elements differ/],
    ["the output dtype", alter((c) => (c.out[0]!.dtype = "float64")), /dtype/],
    ["the output shape", alter((c) => (c.out[0]!.shape = [...c.out[0]!.shape, 1])), /shape/],
    ["a gradient value", alter((c) => (c.grads![gi]!.data[1] = bump(c.grads![gi]!.data[1]!))), /gradient of input/],
  ];
  it(`passes the unaltered case ${base.name}`, () => checkCase(base, device));
  for (const [what, mutant, message] of mutants)
    it(`rejects ${what} that differs from PyTorch`, async () => {
      await expect(checkCase(mutant, device)).rejects.toThrow(message);
    });
}

/** The fixture's cases grouped by op key, in fixture order. */
export function casesByOp(cases: readonly OpCase[] = loadOpsFixture().cases): Map<string, OpCase[]> {
  const byOp = new Map<string, OpCase[]>();
  for (const c of cases) {
    const list = byOp.get(c.op) ?? [];
    list.push(c);
    byOp.set(c.op, list);
  }
  return byOp;
}

/** The bad-input catalogue's tables, by area (bad-input.ts holds the row format and runner). */
const BAD_INPUT_CATALOGUE: [string, readonly BadInputCase[]][] = [
  ["bad input: whole numbers never wrap", BAD_INTEGER_CASES],
  ["bad input: operands and indices of the wrong kind", BAD_OPERAND_CASES],
  ["bad input: creation and random functions", BAD_CREATION_CASES],
  ["bad input: autograd entry points and in-place writes", BAD_AUTOGRAD_CASES],
  ["bad input: refused above the backends", BAD_DEVICE_CASES],
  ["bad input: shared memory and files", BAD_IO_CASES],
  ["bad input: convolution, pooling and normalization", BAD_CONV_CASES],
  ["bad values in the data", BAD_VALUE_CASES],
  ["arguments of the wrong kind", WRONG_KIND_CASES],
  ["bad input to ops", BAD_OP_CASES],
  ["bad optimizer hyper-parameters", BAD_OPTIM_CASES],
  ["bad input to modules and autograd", BAD_MODULE_CASES],
];

/**
 * Register the conformance suite for `device` as Vitest `describe`/`it` blocks. Call it at the
 * top level of a test file after importing the backend, e.g. `runConformance("webgpu", {
 * skipDtypes: ["float64"] })`.
 */
export function runConformance(device: string, options: ConformanceOptions = {}): void {
  const fixture = loadOpsFixture();
  const skip = new Set<torch.DType>(options.skipDtypes ?? []);
  describe(`conformance on '${device}'`, () => {
    it("has a TypeScript op for every op of the fixture, and a fixture case for every op", () => {
      const fixtureOps = new Set(fixture.cases.map((c) => c.op));
      expect([...fixtureOps].filter((op) => !(op in OPS))).toEqual([]);
      expect(Object.keys(OPS).filter((op) => !fixtureOps.has(op))).toEqual([]);
    });
    // Cases with int64 inputs run where int64 exists; elsewhere the bad-input rows check its refusal.
    if (!hasInt64(device)) skip.add("int64");
    const inputDTypes = (c: OpCase) => c.inputs.flatMap((i) => ("scalar" in i ? [] : [i.dtype]));
    for (const [op, cases] of casesByOp(fixture.cases)) {
      const run = cases.filter((c) => ![...caseDTypes(c)].some((d) => skip.has(d) && (d !== "int64" || inputDTypes(c).includes(d))));
      if (run.length === 0) continue;
      describe(op, () => {
        for (const c of run) it(c.name, () => checkCase(c, device, options.tolerance));
      });
    }
    // One tolerance for every backend: the GPUs' shared recipes (@flambeau/scalar-math) must
    // meet the same bound as the CPU's Math.*, and give non-finite results exactly.
    describe("special values", () => {
      const special = loadSpecialFixture().cases;
      it("has a case for every unary op", () => {
        const ops = new Set(special.map((c) => c.op));
        expect(unaryOps.filter((op) => !ops.has(op))).toEqual([]);
      });
      for (const c of special) it(c.name, () => checkCase(c, device, options.tolerance));
    });
    describe("errors", () => registerErrorTests(device));
    for (const [area, cases] of BAD_INPUT_CATALOGUE) describe(area, () => registerBadInputTests(device, cases));
    describe("keyword arguments", () => registerKeywordTests(device));
    describe("the harness itself", () => registerHarnessTests(fixture.cases, device, skip));
  });
}
