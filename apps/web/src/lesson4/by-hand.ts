/**
 * Lesson 4's "Optimize the model by hand": the lesson's two sliders redraw the line over its
 * data with `plot_model` (the MSE in the title), and a button lets the lesson's own
 * `model_optimization_loop` finish the job from where the sliders are, moving line and sliders
 * as it trains. The data is the run's: the panel appears once the lesson has run.
 */
import { ChartProgress } from "@flambeau/lesson-kit/browser";
import { linear_params, model_optimization_loop, SLIDERS, type Lesson4Results } from "@flambeau/lesson4-nn-from-scratch";
import { el } from "../dom.js";
import type { PageExtension } from "../extension.js";
import { LinePlot } from "./line-plot.js";
import { sliderRow } from "./slider.js";

// The workshop's loop: 3,000 steps of 0.001. The page redraws at most this often while it runs.
const STEPS = 3000;
const STEP_SIZE = 0.001;
const REDRAW_MS = 50;

/** Lesson 4's page extension. */
export const byHand: PageExtension = ({ panel, runs }) => {
  const section = el("section", { className: "by-hand", hidden: true });
  panel.append(section);
  return {
    beforeRun: () => {
      section.hidden = true;
      section.replaceChildren();
    },
    afterRun: ({ results }) => {
      build(section, (results as Lesson4Results).data, (job) => runs.start(job));
      section.hidden = false;
    },
  };
};

function build(section: HTMLElement, data: Lesson4Results["data"], start: (job: (signal: AbortSignal) => Promise<void>) => Promise<void>): void {
  const w = sliderRow("w", SLIDERS.w);
  const b = sliderRow("b", SLIDERS.b);
  const plot = new LinePlot(data, section);
  const button = el("button", { type: "button", className: "descend" }, "Let gradient descent finish the job");
  const found = el("p", { className: "found" });
  const chart = el("div", { className: "flambeau-progress descent-chart" });
  const redraw = () => plot.draw(w.value, b.value);
  for (const row of [w, b]) row.input.addEventListener("input", redraw);
  section.append(
    el("h2", {}, "Optimize the model by hand"),
    el("p", { className: "hint" }, "Move the sliders: ", el("code", {}, "plot_model(w, b)"), " draws the line w·x + b over the lesson's data, its mean squared error in the title."),
    el("div", { className: "sliders" }, w.label, b.label),
    plot.title,
    plot.element,
    el("p", {}, button),
    found,
    chart,
  );
  redraw();

  button.addEventListener("click", () => {
    void start(async (signal) => {
      const rows = [w, b];
      button.disabled = true;
      for (const row of rows) row.input.disabled = true;
      chart.replaceChildren();
      try {
        await descend(data, [w.value, b.value], new ChartProgress(STEPS, "gradient descent", chart), signal, (tw, tb) => {
          w.show(tw);
          b.show(tb);
          plot.draw(tw, tb);
          found.textContent = `gradient descent: w = ${tw.toFixed(4)}, b = ${tb.toFixed(4)}`;
        });
        await plot.drawn();
      } finally {
        button.disabled = false;
        for (const row of rows) row.input.disabled = false;
      }
    }).catch((e: unknown) => {
      console.error(e);
      found.textContent = `gradient descent failed: ${e instanceof Error ? e.message : String(e)}`;
    });
  });
}

/**
 * `model_optimization_loop` from (w, b) on the data's device; `show` gets the parameters at
 * most every {@link REDRAW_MS} and after the last step, and the page gets a moment to paint.
 */
async function descend(
  { x, y }: Lesson4Results["data"],
  [w0, b0]: [number, number],
  progress: ChartProgress,
  signal: AbortSignal,
  show: (w: number, b: number) => void,
): Promise<void> {
  const theta = linear_params(w0, b0, x.device);
  let shown = -Infinity;
  await model_optimization_loop(theta, x, y, STEPS, STEP_SIZE, progress, async (t, step) => {
    signal.throwIfAborted();
    const last = step === STEPS - 1;
    if (!last && performance.now() - shown < REDRAW_MS) return;
    show(await t.w.item(), await t.b.item());
    shown = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  await progress.finished;
}
