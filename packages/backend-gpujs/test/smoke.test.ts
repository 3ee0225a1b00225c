import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { mode, fallbackReason, kernelStats } from "@flambeau/backend-gpujs";

describe("smoke", () => {
  it("runs on headless-gl", () => {
    expect(fallbackReason()).toBeNull();
    expect(mode()).toBe("headlessgl");
  });
  it("basic ops", () => {
    const x = torch.tensor([[1, 2, 3], [4, 5, 6]], { dtype: "float32", device: "gpujs" });
    expect(Array.from(x.dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
    const y = x.mul(2).add(1);
    expect(Array.from(y.dataSync())).toEqual([3, 5, 7, 9, 11, 13]);
    expect(Array.from(x.t().contiguous().dataSync())).toEqual([1, 4, 2, 5, 3, 6]);
    expect(Array.from(x.sum(0).dataSync())).toEqual([5, 7, 9]);
    expect(Array.from(x.sum(1).dataSync())).toEqual([6, 15]);
    expect(x.sum().itemSync()).toBe(21);
    expect(Array.from(x.matmul(x.t()).dataSync())).toEqual([14, 32, 32, 77]);
    expect(Array.from(x.argmax(1).dataSync())).toEqual([2, 2]);
    const z = torch.zeros([2, 3], { device: "gpujs" });
    z.index(":", 1).fill_(7);
    expect(Array.from(z.dataSync())).toEqual([0, 7, 0, 0, 7, 0]);
    console.log(kernelStats());
  });
});
