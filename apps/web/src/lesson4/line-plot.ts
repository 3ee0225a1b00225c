/**
 * The figure the sliders redraw: lesson 4's `plot_model(x, y, w, b)` exactly as the lesson
 * defines it. Drawing takes a moment (a GPU read, Vega), so a burst of slider moves draws only
 * the latest position once the previous drawing is done.
 */
import { plot_model, type Lesson4Results } from "@flambeau/lesson4-nn-from-scratch";
import { el } from "../dom.js";

/** The line over the data, with its `MSE: …` title. */
export class LinePlot {
  /** The figure's place in the page. */
  readonly element = el("div", { className: "by-hand-figure" });
  /** The title as text (the figure draws it too): `MSE: 436.41`. */
  readonly title = el("p", { className: "mse" });
  /** How many times the figure was drawn. */
  draws = 0;
  private wanted: [number, number] | null = null;
  private drawing: Promise<void> | null = null;

  constructor(
    private readonly data: Lesson4Results["data"],
    private readonly section: HTMLElement,
  ) {}

  /**
   * Draws the line for (w, b), after the drawing under way.
   *
   * @example
   * ```ts
   * plot.draw(2.5, 19.5); await plot.drawn(); plot.title.textContent; // "MSE: 3.71"
   * ```
   */
  draw(w: number, b: number): void {
    this.wanted = [w, b];
    this.drawing ??= this.loop().finally(() => (this.drawing = null));
  }

  /** Resolves once the latest position asked for is drawn. */
  async drawn(): Promise<void> {
    while (this.drawing) await this.drawing;
  }

  private async loop(): Promise<void> {
    while (this.wanted) {
      const [w, b] = this.wanted;
      this.wanted = null;
      const drawn = await plot_model(this.data.x, this.data.y, w, b);
      await drawn.figure.show({ container: this.element });
      this.title.textContent = drawn.title;
      // Which position the figure and title show: a test waits for the one it set.
      this.section.dataset.drawn = `${w},${b}`;
      this.section.dataset.draws = String(++this.draws);
    }
  }
}
