import { readFixture } from "@flambeau/test-kit/fixtures";
import { describe, expect, it } from "vitest";
import { formatTensor } from "../src/format.js";
import type { Tensor } from "../src/tensor.js";

// Expected strings come from real PyTorch: scripts/fixtures/format.py writes fixtures/format.json.
interface Case {
  name: string;
  dtype: "float32" | "float64" | "int32" | "int64" | "bool";
  shape: number[];
  data: (number | boolean | "nan" | "inf" | "-inf")[];
  requires_grad: boolean;
  grad_fn: string | null;
  expected: string;
}
const fixture = readFixture<{ cases: Case[] }>("format.json");

const ARRAYS = { float32: Float32Array, float64: Float64Array, int32: Int32Array, int64: Float64Array, bool: Uint8Array };

/** A stand-in with just the fields formatTensor reads, so this test needs no other module. */
function fake(c: Omit<Case, "name" | "expected">, device = "cpu", read?: () => never): Tensor {
  const nonFinite = { nan: NaN, inf: Infinity, "-inf": -Infinity };
  const values = c.data.map((v) => (typeof v === "string" ? nonFinite[v] : Number(v)));
  const grad_fn = c.grad_fn === null ? null : { name: () => c.grad_fn! };
  return {
    shape: c.shape,
    dtype: c.dtype,
    dataSync: read ?? (() => ARRAYS[c.dtype].from(values)),
    requires_grad: c.requires_grad,
    grad_fn,
    is_leaf: grad_fn === null,
    device: { type: device.split(":")[0], toString: () => device },
  } as unknown as Tensor;
}

describe("formatTensor matches PyTorch", () => {
  it("has the fixture cases", () => expect(fixture.cases.length).toBeGreaterThanOrEqual(40));
  for (const c of fixture.cases) {
    it(c.name, () => expect(formatTensor(fake(c))).toBe(c.expected));
  }
});

describe("formatTensor on other devices", () => {
  type Spec = Omit<Case, "name" | "expected">;
  const base: Spec = { dtype: "float32", shape: [2], data: [1, 2], requires_grad: true, grad_fn: null };
  const asyncOnly = (): never => {
    throw new Error("dataSync() is not available on device 'webgpu': reads there are asynchronous.");
  };

  // PyTorch: tensor([1., 2.], device='cuda:0', requires_grad=True), device before the rest.
  it("prints the device suffix first", () => {
    expect(formatTensor(fake(base, "webgpu"))).toBe(
      "tensor([1., 2.], device='webgpu', requires_grad=True)",
    );
  });
  it("prints a placeholder when data can't be read synchronously", () => {
    const t = fake({ ...base, data: [], dtype: "int32", requires_grad: false }, "webgpu", asyncOnly);
    expect(formatTensor(t)).toBe(
      "tensor(<data on device 'webgpu': use await t.data() to read>, device='webgpu',\n" +
        "       size=(2,), dtype=torch.int32)",
    );
  });
  it("says when a tensor was disposed", () => {
    const disposed = (): never => {
      throw new Error("This tensor was disposed.");
    };
    expect(formatTensor(fake({ ...base, data: [] }, "webgpu", disposed))).toBe(
      "tensor(<disposed>, device='webgpu', size=(2,), requires_grad=True)",
    );
  });
  it("prints empty tensors without reading them", () => {
    const t = fake({ ...base, shape: [0], data: [], requires_grad: false }, "webgpu", asyncOnly);
    expect(formatTensor(t)).toBe("tensor([], device='webgpu')");
  });
});
