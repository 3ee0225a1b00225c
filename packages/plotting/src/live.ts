/**
 * A live loss curve: a training loop appends `(step, loss)` each step. In a browser the chart
 * redraws a few times a second at most, streaming new points into Vega; in Node it collects the
 * points and `save` writes the final curve.
 */
import type { TensorLike } from "./data.js";
import { isTensorLike } from "./data.js";
import { Figure, type SaveOptions } from "./figure.js";
import { LiveView } from "./live-view.js";
import { hasDOM } from "./node-import.js";
import type { ContainerSpec } from "./render-browser.js";
import type { ResolvedSeries } from "./series.js";
import { FrameThrottle } from "./throttle.js";

/** Options of a {@link LossChart}. */
export interface LossChartOptions {
  /** Browser: the element (or CSS selector) to draw in; default: appended to `document.body`. Ignored in Node. */
  container?: ContainerSpec;
  /** The chart title (default none). */
  title?: string;
  /** The x-axis label (default `"step"`). */
  xlabel?: string;
  /** The y-axis label (default `"loss"`). */
  ylabel?: string;
  /** `"log"` for a logarithmic loss axis (default `"linear"`). */
  yscale?: "linear" | "log";
  /** Size in inches (default `[6.4, 4]`). */
  figsize?: readonly [number, number];
  /** Pixels per inch (default 100). */
  dpi?: number;
  /** Browser: the least time between redraws in ms (default 250: four redraws a second). */
  minInterval?: number;
}

interface Curve {
  x: number[];
  y: number[];
}

/**
 * A loss curve that grows as training runs.
 *
 * @example
 * ```ts
 * const chart = new LossChart({ title: "training loss" });
 * for (let epoch = 0; epoch < 100; epoch++) {
 *   const loss = criterion(model.forward(x), y);
 *   chart.append(epoch, loss);          // a number or a one-element tensor
 * }
 * await chart.save("loss.png");         // Node; in a browser it is already on the page
 * ```
 */
export class LossChart {
  /** How many times the browser view was redrawn (a few a second at most). */
  redraws = 0;
  private readonly curves = new Map<string, Curve>();
  private pending: Promise<void> = Promise.resolve();
  private waiting = 0;
  private readonly live: LiveView | undefined;
  private readonly throttle: FrameThrottle | undefined;

  constructor(private readonly options: LossChartOptions = {}) {
    if (hasDOM()) {
      this.live = new LiveView(options.container);
      this.throttle = new FrameThrottle(() => this.redraw(), options.minInterval ?? 250);
    }
  }

  /**
   * Adds the point `(step, loss)` to the curve `series` (default `"loss"`; several names draw
   * several curves with a legend). A tensor is read without blocking, in order. NaN is a gap.
   */
  append(step: number, loss: number | TensorLike, series = "loss"): void {
    if (typeof step !== "number") throw new TypeError(`LossChart.append: step must be a number, got ${typeof step}`);
    const value = readLoss(loss);
    if (typeof value === "number" && this.waiting === 0) return this.add(series, step, value);
    // Points after an asynchronous read wait for it, so the curve keeps its order.
    this.waiting++;
    const done = this.pending.then(() => value).then((v) => this.add(series, step, v));
    this.pending = done.finally(() => void this.waiting--).catch(() => {});
    done.catch((e: unknown) => console.error(e));
  }

  /** Waits for every pending tensor read and, in a browser, redraws now. */
  async flush(): Promise<void> {
    await this.pending;
    await this.throttle?.flush();
  }

  /** The number of points so far, over all curves. */
  get length(): number {
    let n = 0;
    for (const c of this.curves.values()) n += c.x.length;
    return n;
  }

  /** The steps and losses of one curve so far. */
  values(series = "loss"): { x: readonly number[]; y: readonly number[] } {
    const c = this.curves.get(series);
    return { x: c ? [...c.x] : [], y: c ? [...c.y] : [] };
  }

  /** A static figure of the curves so far. */
  toFigure(): Figure {
    const o = this.options;
    const fig = new Figure({ figsize: o.figsize ?? [6.4, 4], ...(o.dpi !== undefined ? { dpi: o.dpi } : {}) });
    const ax = fig.gca();
    for (const [name, c] of this.curves) ax.plot(c.x, c.y, { label: name });
    if (o.title !== undefined) ax.set_title(o.title);
    ax.set_xlabel(o.xlabel ?? "step");
    ax.set_ylabel(o.ylabel ?? "loss");
    if (o.yscale) ax.set_yscale(o.yscale);
    if (this.curves.size > 1) ax.legend({ loc: "upper right" });
    return fig;
  }

  /** The curves so far as SVG, after pending reads. */
  async toSVG(): Promise<string> {
    await this.pending;
    return this.toFigure().toSVG();
  }

  /** Writes the curves (after pending reads) to a `.svg` or `.png` file (Node); resolves to the path. */
  async save(path: string, options: SaveOptions = {}): Promise<string> {
    await this.pending;
    return this.toFigure().savefig(path, options);
  }

  /** Removes the chart from the page (browser). */
  close(): void {
    this.live?.close();
  }

  private add(series: string, step: number, loss: number): void {
    let c = this.curves.get(series);
    if (!c) this.curves.set(series, (c = { x: [], y: [] }));
    c.x.push(step);
    c.y.push(Number.isFinite(loss) ? loss : NaN);
    this.throttle?.request();
  }

  private async redraw(): Promise<void> {
    if (!this.live || this.curves.size === 0) return;
    const fig = this.toFigure();
    const series: ResolvedSeries[] = (await fig.gca().resolve()).series;
    await this.live.update(series, [...this.curves.keys()], async () => (await fig.toVegaLite())[0]!);
    this.redraws++;
  }
}

/** A new {@link LossChart}: `const chart = liveLoss({ title: "loss" })`. */
export function liveLoss(options: LossChartOptions = {}): LossChart {
  return new LossChart(options);
}

// A one-element tensor is read synchronously where its device allows, else asynchronously.
function readLoss(loss: number | TensorLike): number | Promise<number> {
  if (typeof loss === "number") return loss;
  if (!isTensorLike(loss)) throw new TypeError(`LossChart.append: loss must be a number or a tensor, got ${typeof loss}`);
  const n = loss.shape.reduce((a, b) => a * b, 1);
  if (n !== 1) throw new Error(`LossChart.append: loss must have one element, got a tensor of shape [${loss.shape.join(", ")}]`);
  try {
    if (loss.dataSync) return Number(loss.dataSync()[0]);
  } catch {
    // A device that reads asynchronously: fall through to data().
  }
  const read = loss.data().then((d) => Number(d[0]));
  read.catch(() => {});
  return read;
}
