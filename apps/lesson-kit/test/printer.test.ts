import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { Printer } from "@flambeau/lesson-kit";
import { registerAsyncDevice } from "./helpers/async-device.js";

describe("Printer", () => {
  it("prints like Python's print: values joined by a space, str() of each", () => {
    const lines: string[] = [];
    const p = new Printer((t) => lines.push(t));
    p.print("epoch 1, loss", 0.00001, true, null);
    p.print(torch.tensor([1.5, 2]));
    expect(lines).toEqual(["epoch 1, loss 1e-05 True None", "tensor([1.5000, 2.0000])"]);
  });

  it("reads tensors on an asynchronous device when print is called, and keeps the order", async () => {
    const device = registerAsyncDevice("webgpu");
    const lines: string[] = [];
    const p = new Printer((t) => lines.push(t));
    const w = torch.tensor([1.0, 2.0], { device, requires_grad: true });
    p.print("before");
    p.print(w);
    p.print("after");
    // An in-place update after print does not change what was printed.
    torch.no_grad(() => w.add_(10));
    p.pprint({ w: w.mul(2) });
    expect(lines).toEqual(["before"]);
    await p.flush();
    expect(lines).toEqual([
      "before",
      "tensor([1., 2.], device='webgpu', requires_grad=True)",
      "after",
      "{'w': tensor([22., 24.], device='webgpu', grad_fn=<MulBackward0>)}",
    ]);
  });
});
