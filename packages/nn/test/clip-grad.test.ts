// clip_grad_norm_'s keyword form and its refusals (values are checked against PyTorch in conformance.ts).
import "@flambeau/backend-cpu";
import { describe, expect, it } from "vitest";
import { tensor } from "@flambeau/tensor";
import * as nn from "@flambeau/nn";

function param(grad: number[]): nn.Parameter {
  const p = new nn.Parameter(tensor(grad.map(() => 0), { dtype: "float32" }));
  p.grad = tensor(grad, { dtype: "float32" });
  return p;
}

describe("clip_grad_norm_", () => {
  it("error_if_nonfinite (by position or keyword) refuses an infinite norm and leaves the gradients as they were", () => {
    for (const call of [
      (ps: nn.Parameter[]) => nn.utils.clip_grad_norm_(ps, 1.0, 2, true),
      (ps: nn.Parameter[]) => nn.utils.clip_grad_norm_(ps, 1.0, { error_if_nonfinite: true }),
    ]) {
      const ps = [param([3, Infinity]), param([4])];
      expect(() => call(ps)).toThrow(/total norm of order 2 .* is non-finite/);
      expect(ps[0]!.grad!.tolistSync()).toEqual([3, Infinity]);
      expect(ps[1]!.grad!.tolistSync()).toEqual([4]);
    }
  });

  it("the keyword form gives the positional form's result", () => {
    const a = [param([3, -4]), param([12])], b = [param([3, -4]), param([12])];
    const ta = nn.utils.clip_grad_norm_(a, 1.0, 1);
    const tb = nn.utils.clip_grad_norm_(b, 1.0, { norm_type: 1 });
    expect(tb.itemSync()).toBe(ta.itemSync());
    expect(b[0]!.grad!.tolistSync()).toEqual(a[0]!.grad!.tolistSync());
  });

  it("refuses a norm_type that is neither a number nor 'inf'", () => {
    expect(() => nn.utils.clip_grad_norm_([param([1])], 1.0, { norm_type: "fro" as "inf" })).toThrow(/norm_type must be a number or 'inf'/);
  });
});
