/**
 * Bad-input rows refused above the backends, once (docs/design.md, "Errors"): a dtype the
 * device lacks, and synchronous reads where the device reads asynchronously.
 */
import { expect } from "vitest";
import * as torch from "flambeau";
import type { BadInputCase, Involved } from "./bad-input.js";
import { f32, T, values } from "./case-kit.js";

export const BAD_DEVICE_CASES: BadInputCase[] = [
  {
    name: "float64 where the device lacks it is refused when made, cast or moved, with the same words (the CPU has it)",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => s,
    gives: async (s: Involved) => {
      const t = T(s);
      const d = t.device.type;
      const attempts: [string, () => torch.Tensor][] = [
        ["tensor(): the", () => torch.tensor([1.5], { dtype: "float64", device: d })],
        ["zeros(): the", () => torch.zeros([2], { dtype: "float64", device: d })],
        ["full(): the", () => torch.full([2], 0.5, { dtype: "float64", device: d })],
        ["to(): the", () => t.to("float64")],
        ["to(): the", () => t.double()],
        ["to(): the", () => torch.tensor([1.5], { dtype: "float64" }).to(d)],
      ];
      for (const [prefix, make] of attempts) {
        if (d === "cpu") {
          expect(make().dtype).toBe("float64");
          continue;
        }
        let error: unknown = null;
        try {
          make();
        } catch (e) {
          error = e;
        }
        expect((error as Error).constructor.name).toBe("Error");
        expect((error as Error).message).toBe(`${prefix} '${d}' device does not support dtype float64; use float32, or the CPU for float64`);
      }
      expect(await values(t)).toEqual([1, 2]);
      expect(t.dtype).toBe("float32");
    },
  },
  {
    name: "synchronous reads name the awaited form where the device reads asynchronously (webgpu), and work elsewhere",
    make: (d) => ({ tensors: [f32(d, [1, 2])] }),
    run: (s) => s,
    gives: async (s: Involved) => {
      const t = T(s);
      const d = t.device.type;
      const reads: [string, () => unknown, string][] = [
        ["dataSync()", () => t.dataSync(), "use 'await tensor.data()' instead"],
        ["itemSync()", () => t.index(0).itemSync(), "use 'await tensor.item()' instead"],
        ["tolistSync()", () => t.tolistSync(), "use 'await tensor.tolist()' instead"],
        ['to("cpu")', () => t.to("cpu"), "use 'await tensor.toAsync(\"cpu\")' instead"],
        ["allclose() returns a boolean at once, so it", () => torch.allclose(t, t), "torch.isclose(input, other).all().item()"],
        ["equal() returns a boolean at once, so it", () => torch.equal(t, t), "torch.eq(input, other).all().item()"],
        ["index() with a boolean mask", () => t.index(t.gt(1)), 'x.index(await mask.toAsync("cpu"))'],
        ["one_hot() with num_classes=-1", () => torch.nn.functional.one_hot(torch.tensor([0, 2], { device: d })), "pass num_classes"],
      ];
      for (const [what, read, instead] of reads) {
        let error: unknown = null;
        try {
          read();
        } catch (e) {
          error = e;
        }
        if (d !== "webgpu") {
          expect(error).toBe(null);
          continue;
        }
        expect((error as Error).constructor.name).toBe("Error");
        expect((error as Error).message).toContain(`${what} reads synchronously, which device '${d}' cannot do (its reads are asynchronous); `);
        expect((error as Error).message).toContain(instead);
      }
    },
  },
];
