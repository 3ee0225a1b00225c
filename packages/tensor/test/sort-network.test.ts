// The CPU sorts with its own argsort kernel; the GPU backends get the composed bitonic network.
// Here the network runs on the CPU too, over the same PyTorch fixture cases, so both paths are
// checked on every run (the GPU suites check it again on their devices).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { casesByOp, checkCase } from "@flambeau/conformance";

const backend = torch.getBackend("cpu");
const kernel = backend.argsort;

describe("sort, argsort and topk as the composed bitonic network (no argsort primitive)", () => {
  beforeAll(() => {
    (backend as { argsort?: unknown }).argsort = undefined;
  });
  afterAll(() => {
    (backend as { argsort?: unknown }).argsort = kernel;
  });

  it("the CPU backend has the primitive that this suite turns off", () => expect(kernel).toBeTypeOf("function"));
  const byOp = casesByOp();
  for (const op of ["sort", "argsort", "topk"])
    for (const c of byOp.get(op) ?? []) it(c.name, () => checkCase(c, "cpu"));

  it("agrees with the kernel on a long row with ties and NaN, both directions", () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i % 17 === 0 ? NaN : ((i * 7919) % 113) - 56));
    const x = torch.tensor(values).reshape([4, 250]);
    for (const descending of [false, true]) {
      const network = x.argsort(1, descending).tolistSync();
      (backend as { argsort?: unknown }).argsort = kernel;
      const direct = x.argsort(1, descending).tolistSync();
      (backend as { argsort?: unknown }).argsort = undefined;
      expect(network).toEqual(direct);
    }
  });
});
