/**
 * A lesson's output pane in a page: what it prints, its figures, its live charts and the host's
 * notes (a download link, a load from an upload), one block after another in the order they came.
 */

/** The blocks of an output pane, appended in order. */
export class OutputPane {
  // Consecutive prints share one <pre>, as lines of a terminal do; a figure or chart ends it.
  private text: HTMLPreElement | null = null;

  /** @param element the pane; its children are the blocks. */
  constructor(readonly element: HTMLElement) {}

  /**
   * One `print`'s text (it may hold newlines), in a monospace block.
   *
   * @example
   * ```ts
   * new OutputPane(document.querySelector("#out")!).print("tensor(705.0965)");
   * ```
   */
  print(text: string): void {
    this.text ??= this.block("pre", "flambeau-print") as HTMLPreElement;
    this.text.append(`${text}\n`);
  }

  /**
   * A new block of its own: `tag` with class `className`, after everything before it.
   *
   * @example
   * ```ts
   * pane.block("figure", "flambeau-output-figure").append(svgElement);
   * ```
   */
  block(tag: string, className: string): HTMLElement {
    const el = document.createElement(tag);
    el.className = className;
    this.element.append(el);
    if (tag !== "pre" || className !== "flambeau-print") this.text = null;
    return el;
  }

  /**
   * A short line from the host, not from the lesson (set apart from printed text).
   *
   * @example
   * ```ts
   * pane.note("loaded awesome_model.safetensors");
   * ```
   */
  note(...parts: (string | Node)[]): HTMLElement {
    const el = this.block("p", "flambeau-note");
    el.append(...parts);
    return el;
  }

  /** Empties the pane for a new run. */
  clear(): void {
    this.element.replaceChildren();
    this.text = null;
  }
}
