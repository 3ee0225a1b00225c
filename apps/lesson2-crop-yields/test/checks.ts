// The checks of a whole lesson 2 run started from the weights the lesson printed, on whichever
// device it ran (lesson.test.ts: the CPU; devices.test.ts: WebGPU and gpu.js). Every number of
// the "from scratch" part is the lesson's (relative 1e-3, a float32 tolerance); the built-in
// part lands in its bands. The numbers are the lesson's own results.
import { expect, it } from "vitest";
import type { NodeRunResult } from "@flambeau/lesson-kit/node";
import type { Lesson2Results } from "../src/index.js";

const expectRel = (actual: number, expected: number, tol = 1e-3) =>
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tol);

/** Declares the checks of a lesson 2 run made with `--device <device> --lesson-values`; `get` gives the run. */
export function lesson2Checks(device: string, get: () => NodeRunResult<Lesson2Results>): void {
  // PyTorch's repr names the device of a tensor that is not on the CPU.
  const on = device === "cpu" ? "" : `, device='${device}'`;

  it("from scratch: the lesson's losses and gradients", () => {
    const s = get().results.from_scratch;
    expectRel(s.loss, 14603);
    [-5337.0, -8018.7, -4427.6].forEach((g, i) => expectRel(s.w_grad[0]![i]!, g));
    [-68.7, -127.24].forEach((g, i) => expectRel(s.b_grad[i]!, g));
    expectRel(s.loss_after_one_step, 10696);
    expectRel(s.loss_after_two_steps, 8052.7);
    expectRel(s.loss_after_100_epochs, 876.08);
  });

  it("prints the tensors as PyTorch does", () => {
    const { output } = get();
    expect(output[0]).toBe(
      `tensor([[ 73.,  67.,  43.],\n        [ 91.,  88.,  64.],\n        [ 87., 134.,  58.],\n        [102.,  43.,  37.],\n        [ 69.,  96.,  70.]]${on})`,
    );
    expect(output).toContain(`tensor([[ 1.0522, -1.1931,  0.3418],\n        [ 0.5824,  0.0763, -1.6385]]${on}, requires_grad=True)`);
    expect(output).toContain(`tensor([ 2.2341, -1.7922]${on}, requires_grad=True)`);
    expect(output).toContain(`tensor([[0., 0., 0.],\n        [0., 0., 0.]]${on})`);
    expect(output.some((l) => new RegExp(`^tensor\\(14603\\.\\d{4}${on}, grad_fn=<DivBackward0>\\)$`).test(l))).toBe(true);
    expect(output).toContain("gradient for weight");
  });

  it("built-ins: train_ds[0:3], a shuffled batch, nn.Linear's parameters", () => {
    const run = get();
    const { first_rows } = run.results.builtins;
    expect(first_rows[0]).toEqual([[73, 67, 43], [91, 88, 64], [87, 134, 58]]);
    expect(first_rows[1]).toEqual([[56, 70], [81, 101], [119, 133]]);
    const batch = run.output.indexOf("batch:");
    expect(batch).toBeGreaterThan(0);
    expect(run.output[batch + 1]).toMatch(/^tensor\(\[\[/);
    expect(run.output.filter((l) => l.startsWith("Parameter containing:\ntensor("))).toHaveLength(2);
    if (on) expect(run.output.filter((l) => l.startsWith("Parameter containing:\n")).every((l) => l.includes(on))).toBe(true);
  });

  it("fit prints every 10th epoch and the loss comes down", () => {
    const run = get();
    const { fit_losses, initial_loss } = run.results.builtins;
    expect(fit_losses).toHaveLength(50);
    expect(run.output.filter((l) => /^Epoch \[\d+\/500\], Loss: \d+\.\d{4}$/.test(l))).toHaveLength(50);
    expect(Math.max(...fit_losses.slice(-5))).toBeLessThan(initial_loss / 10);
  });

  it("predictions are near the targets and model([[75, 63, 44]]) ≈ [[53, 67]] (±10)", () => {
    const { preds, targets, prediction } = get().results.builtins;
    preds.flat().forEach((p, i) => expect(Math.abs(p - targets.flat()[i]!)).toBeLessThan(10));
    expect(Math.abs(prediction[0]![0]! - 53)).toBeLessThanOrEqual(10);
    expect(Math.abs(prediction[0]![1]! - 67)).toBeLessThanOrEqual(10);
  });
}
