/**
 * A long loop's progress in a page: a line with the step and the current loss above a live loss
 * chart (`@flambeau/plotting`'s `LossChart`) that grows while the loop runs.
 */
import * as torch from "flambeau";
import { LossChart } from "@flambeau/plotting";
import type { Progress } from "../context.js";

// The step counter is rewritten at most this often; the chart has its own throttle.
const LABEL_EVERY_MS = 100;
// A loss on a GPU is read back at most this often: each read is a round trip to the GPU
// (about 10 ms for WebGPU in Chromium, 6 ms for gpu.js) that would slow the loop down.
const GPU_READ_EVERY_MS = 100;

/** A {@link Progress} drawn as a label and a live loss chart inside `element`. */
export class ChartProgress implements Progress {
  /** Resolves once the chart shows every point (after {@link done}). */
  finished: Promise<void> = Promise.resolve();
  private readonly chart: LossChart;
  private readonly label: HTMLElement;
  private step = 0;
  private loss: number | undefined;
  private reading: Promise<void> | null = null;
  private lastRead = -Infinity;
  private lastLabel = -Infinity;
  private over = false;

  /**
   * @example
   * ```ts
   * const bar = new ChartProgress(3000, "optimizing", document.querySelector("#progress")!);
   * for (let i = 0; i < 3000; i++) bar.tick(loss);
   * bar.done();
   * ```
   */
  constructor(
    private readonly total: number,
    private readonly name: string,
    element: HTMLElement,
  ) {
    this.label = element.appendChild(document.createElement("div"));
    this.label.className = "flambeau-progress-label";
    const box = element.appendChild(document.createElement("div"));
    box.className = "flambeau-progress-chart";
    // A log scale: losses fall by orders of magnitude (lesson 1's from millions to 3012.6).
    this.chart = new LossChart({ container: box, title: name, yscale: "log", figsize: [6.4, 3] });
    this.showLabel();
  }

  /**
   * One step: a number is charted at once, and so is a tensor on the CPU; a tensor on a GPU is
   * read asynchronously, a few times a second and never while an earlier read is under way (the
   * chart then skips the steps in between).
   *
   * @example
   * ```ts
   * bar.tick(loss); // a one-element tensor on any device, or a number
   * ```
   */
  tick(loss?: number | torch.Tensor): void {
    const step = ++this.step;
    if (loss === undefined) return this.showLabel();
    if (typeof loss === "number") return this.add(step, loss);
    if (loss.device.type === "cpu") return this.add(step, loss.itemSync());
    if (this.reading || performance.now() - this.lastRead < GPU_READ_EVERY_MS) return this.showLabel();
    this.lastRead = performance.now();
    this.reading = loss
      .item()
      .then((v) => this.add(step, v))
      .catch(() => {})
      .finally(() => (this.reading = null));
  }

  /**
   * The loop is over: the chart draws its last points (then {@link finished} resolves) and
   * stays on the page.
   *
   * @example
   * ```ts
   * bar.done(); await bar.finished;
   * ```
   */
  done(): void {
    this.over = true;
    this.showLabel(true);
    this.finished = (this.reading ?? Promise.resolve()).then(() => this.chart.flush());
  }

  private add(step: number, loss: number): void {
    this.loss = loss;
    this.chart.append(step, loss);
    this.showLabel(this.over);
  }

  private showLabel(now = false): void {
    const t = performance.now();
    if (!now && t - this.lastLabel < LABEL_EVERY_MS) return;
    this.lastLabel = t;
    const loss = this.loss === undefined ? "" : ` · loss ${Number(this.loss.toPrecision(6))}`;
    this.label.textContent = `${this.name}: ${this.step}/${this.total}${loss}`;
  }
}
