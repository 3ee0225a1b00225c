import { readFixture } from "@flambeau/test-kit/fixtures";
import * as torch from "flambeau";

/** A tensor as the fixture scripts encode it. */
export interface Encoded {
  shape: number[];
  dtype: string;
  data: (number | string)[];
}

export function loadFixture<T>(name: string): T {
  return readFixture<T>(name);
}

const num = (v: number | string): number => (typeof v === "number" ? v : v === "nan" ? NaN : v === "inf" ? Infinity : -Infinity);

export function decode(e: Encoded, options: torch.TensorOptions = {}): torch.Tensor {
  const dtype = e.dtype === "int64" ? "int32" : (e.dtype as torch.DType);
  const { requires_grad, ...rest } = options;
  const t = torch.tensor(e.data.map(num), { dtype, ...rest }).reshape(e.shape);
  return requires_grad ? t.requires_grad_(true) : t;
}

/** Assert `actual` matches an encoded PyTorch tensor in shape and, within tolerance, in values. */
export function expectClose(actual: torch.Tensor, expected: Encoded, rtol = 1e-5, atol = 1e-6): void {
  if (actual.shape.join() !== expected.shape.join())
    throw new Error(`shape [${actual.shape}] != expected [${expected.shape}]`);
  const got = actual.dataSync();
  expected.data.map(num).forEach((e, i) => {
    const a = got[i]!;
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e)) && !(Number.isNaN(a) && Number.isNaN(e)))
      throw new Error(`element ${i}: got ${a}, expected ${e} (PyTorch)`);
  });
}
