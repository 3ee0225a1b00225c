/** Comparing a tensor read back from any backend with PyTorch's encoded result. */
import type * as torch from "flambeau";
import { decodeValue, type EncodedTensor } from "./fixture.js";

export interface Tolerance {
  rtol: number;
  atol: number;
}

/** Per floating dtype; integers and booleans always compare exactly. */
export type Tolerances = Partial<Record<"float32" | "float64", Partial<Tolerance>>>;

export const DEFAULT_TOLERANCE: Record<"float32" | "float64", Tolerance> = {
  float32: { rtol: 1e-4, atol: 1e-5 },
  float64: { rtol: 1e-10, atol: 1e-10 },
};

export function toleranceFor(dtype: torch.DType, overrides: Tolerances = {}): Tolerance {
  if (dtype !== "float32" && dtype !== "float64") return { rtol: 0, atol: 0 };
  return { ...DEFAULT_TOLERANCE[dtype], ...overrides[dtype] };
}

const fmtShape = (s: readonly number[]) => `[${s.join(", ")}]`;

/**
 * Assert that `actual` has PyTorch's shape, dtype and (within tolerance) values: NaN where
 * PyTorch has NaN, infinities of the same sign, integers and booleans exact. Reads with
 * `await data()`, so it works on every backend. Throws an error naming `what` and listing the
 * first mismatches.
 */
export async function expectTensor(actual: torch.Tensor, expected: EncodedTensor, what: string, tolerances: Tolerances = {}): Promise<void> {
  if (actual.shape.length !== expected.shape.length || actual.shape.some((s, i) => s !== expected.shape[i]))
    throw new Error(`${what}: shape ${fmtShape(actual.shape)}, expected ${fmtShape(expected.shape)} (PyTorch)`);
  if (actual.dtype !== expected.dtype) throw new Error(`${what}: dtype ${actual.dtype}, expected ${expected.dtype} (PyTorch)`);
  const got = await actual.data();
  if (got.length !== expected.data.length)
    throw new Error(`${what}: read ${got.length} elements, expected ${expected.data.length}`);
  const { rtol, atol } = toleranceFor(expected.dtype, tolerances);
  const bad: string[] = [];
  let count = 0;
  for (let i = 0; i < got.length; i++) {
    const a = got[i]!;
    const e = decodeValue(expected.data[i]!);
    const ok = Number.isNaN(e)
      ? Number.isNaN(a)
      : !Number.isFinite(e)
        ? a === e
        : Math.abs(a - e) <= atol + rtol * Math.abs(e);
    if (!ok) {
      count++;
      if (bad.length < 6) bad.push(`[${i}] got ${a}, expected ${e}`);
    }
  }
  if (count > 0)
    throw new Error(
      `${what}: ${count} of ${got.length} elements differ from PyTorch (${expected.dtype}, rtol ${rtol}, atol ${atol}): ${bad.join("; ")}${count > bad.length ? "; …" : ""}`,
    );
}
