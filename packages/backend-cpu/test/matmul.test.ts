import { describe, expect, it } from "vitest";
import { contiguousStrides, type View } from "@flambeau/tensor/internal";
import { arr, cpu, elements, rng, view } from "./helpers.js";

/** Naive batched product in doubles of `[...batch, m, k] @ [...batch, k, n]`. */
function naive(a: View, b: View): number[] {
  const ea = elements(a);
  const eb = elements(b);
  const nd = a.shape.length;
  const [m, k, n] = [a.shape[nd - 2]!, a.shape[nd - 1]!, b.shape[nd - 1]!];
  const batch = a.shape.slice(0, nd - 2).reduce((x, y) => x * y, 1);
  const out: number[] = [];
  for (let t = 0; t < batch; t++)
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += ea[t * m * k + i * k + p]! * eb[t * k * n + p * n + j]!;
        out.push(s);
      }
  return out;
}

function randomView(r: () => number, shape: number[], layout: "contiguous" | "transposed" | "offset"): View {
  const n = shape.reduce((x, y) => x * y, 1);
  if (layout === "offset") return view(Float32Array.from({ length: n + 5 }, () => r()), shape, { offset: 5 });
  if (layout === "contiguous") return view(Float32Array.from({ length: n }, () => r()), shape);
  // Last two dims stored transposed.
  const nd = shape.length;
  const stored = [...shape.slice(0, nd - 2), shape[nd - 1]!, shape[nd - 2]!];
  const s = contiguousStrides(stored);
  const strides = [...s.slice(0, nd - 2), s[nd - 1]!, s[nd - 2]!];
  return view(Float32Array.from({ length: n }, () => r()), shape, { strides });
}

function expectClose(got: number[], want: number[], tol: number): void {
  expect(got.length).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!));
  expect(worst).toBeLessThan(tol);
}

describe("matmul", () => {
  it("multiplies small matrices exactly", () => {
    const a = view([1, 2, 3, 4, 5, 6], [2, 3]);
    const b = view([7, 8, 9, 10, 11, 12], [3, 2]);
    const out = cpu.matmul(a, b, "float32");
    expect(out).toBeInstanceOf(Float32Array);
    expect(arr(out)).toEqual([58, 64, 139, 154]);
    // [100, 1] @ [1, 1]
    const col = view(Array.from({ length: 100 }, (_, i) => i), [100, 1]);
    expect(arr(cpu.matmul(col, view([3], [1, 1]), "float32"))).toEqual(Array.from({ length: 100 }, (_, i) => 3 * i));
  });

  it("matches a naive reference on random sizes and layouts", () => {
    const r = rng(3);
    const sizes = [
      [5, 3, 2],
      [1, 7, 9],
      [9, 1, 13],
      [17, 33, 6],
      [32, 32, 32],
      [37, 70, 41],
      [64, 600, 5], // k over one block
      [4, 4, 4],
      [130, 3, 70],
    ];
    const layouts = ["contiguous", "transposed", "offset"] as const;
    for (const [m, k, n] of sizes)
      for (const la of layouts)
        for (const lb of layouts) {
          const a = randomView(r, [m!, k!], la);
          const b = randomView(r, [k!, n!], lb);
          expectClose(arr(cpu.matmul(a, b, "float32")), naive(a, b), 1e-4 * Math.sqrt(k!));
        }
  });

  it("handles batches, including a broadcast (0-stride) batch dim", () => {
    const r = rng(5);
    const a = randomView(r, [3, 2, 20, 30], "contiguous");
    const b = randomView(r, [3, 2, 30, 25], "transposed");
    expectClose(arr(cpu.matmul(a, b, "float32")), naive(a, b), 1e-4);
    // b shared by every batch element: stored once, batch strides 0.
    const shared = randomView(r, [30, 25], "contiguous");
    const bb: View = { ...shared, shape: [3, 2, 30, 25], strides: [0, 0, 25, 1] };
    expectClose(arr(cpu.matmul(a, bb, "float32")), naive(a, bb), 1e-4);
    // a broadcast over the first batch dim only, against a contiguous b.
    const a1 = randomView(r, [1, 2, 20, 30], "offset");
    const ab: View = { ...a1, shape: [3, 2, 20, 30], strides: [0, ...a1.strides.slice(1)] };
    const b2 = randomView(r, [3, 2, 30, 25], "contiguous");
    expectClose(arr(cpu.matmul(ab, b2, "float32")), naive(ab, b2), 1e-4);
  });

  it("computes int32 and float64 products", () => {
    const a = view([1, -2, 3, 4], [2, 2], { dtype: "int32" });
    const b = view([5, 6, 7, 8], [2, 2], { dtype: "int32" });
    const out = cpu.matmul(a, b, "int32");
    expect(out).toBeInstanceOf(Int32Array);
    expect(arr(out)).toEqual([-9, -10, 43, 50]);
    const r = rng(9);
    const d = view(Float64Array.from({ length: 40 * 40 }, () => r()), [40, 40], { dtype: "float64" });
    const got = arr(cpu.matmul(d, d, "float64"));
    expectClose(got, naive(d, d), 1e-12);
  });

  it("handles empty and k = 0 shapes", () => {
    expect(arr(cpu.matmul(view([], [0, 3]), view([1, 2, 3], [3, 1]), "float32"))).toEqual([]);
    expect(arr(cpu.matmul(view([], [2, 0]), view([], [0, 3]), "float32"))).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
