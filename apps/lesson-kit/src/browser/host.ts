/**
 * The browser side of a lesson: printed text, figures and live loss charts in a page's output
 * pane, in order; `torch.save` keeps the bytes and offers a download; `torch.load` reads them
 * back, or a file the user uploaded in their place.
 */
import * as torch from "flambeau";
import type { Figure, LessonHost, Progress, StateDict, StateDictLike } from "../context.js";
import { FileShelf } from "./files.js";
import { OutputPane } from "./output.js";
import { ChartProgress } from "./progress.js";
import { PageTurns } from "./turns.js";

/** Where a {@link BrowserHost} puts things. */
export interface BrowserHostOptions {
  /** The output pane (or its element): the host appends to it. */
  output: OutputPane | HTMLElement;
  /** Saved and uploaded files; default: a shelf of this host's own. */
  files?: FileShelf;
  /**
   * Stops the run: once aborted, the host's next call (a print, a progress step) throws the
   * signal's reason, which ends the lesson at its next line of output or step of a loop.
   */
  signal?: AbortSignal;
}

/**
 * A {@link LessonHost} for a page.
 *
 * @example
 * ```ts
 * const host = new BrowserHost({ output: document.querySelector<HTMLElement>("#output")! });
 * await runLesson(lesson, host, { device: torch.device("webgpu") });
 * await host.settled();
 * ```
 */
export class BrowserHost implements LessonHost {
  /** Every `print`'s text, in order. */
  readonly output: string[] = [];
  /** The names of the figures shown, in order. */
  readonly figures: string[] = [];
  /** The saved and uploaded files. */
  readonly files: FileShelf;
  private readonly pane: OutputPane;
  private readonly signal: AbortSignal | undefined;
  private readonly charts: Promise<void>[] = [];
  private readonly turns = new PageTurns();

  constructor(options: BrowserHostOptions) {
    this.pane = options.output instanceof OutputPane ? options.output : new OutputPane(options.output);
    this.files = options.files ?? new FileShelf();
    this.signal = options.signal;
  }

  write(text: string): void {
    this.signal?.throwIfAborted();
    this.output.push(text);
    this.pane.print(text);
  }

  async showFigure(name: string, fig: Figure): Promise<void> {
    this.signal?.throwIfAborted();
    const box = this.pane.block("figure", "flambeau-output-figure");
    box.dataset.name = name;
    const drawing = box.appendChild(document.createElement("div"));
    const caption = box.appendChild(document.createElement("figcaption"));
    caption.textContent = name;
    await fig.show({ container: drawing });
    this.figures.push(name);
  }

  progress(total: number, label: string): Progress {
    this.signal?.throwIfAborted();
    const bar = new ChartProgress(total, label, this.pane.block("div", "flambeau-progress"));
    return {
      tick: (loss) => {
        this.signal?.throwIfAborted();
        bar.tick(loss);
        return this.turns.maybeYield();
      },
      done: () => {
        bar.done();
        this.charts.push(bar.finished);
      },
    };
  }

  async save(state_dict: StateDictLike, name: string): Promise<string> {
    this.signal?.throwIfAborted();
    const bytes = await torch.saveToBytes(state_dict);
    const link = document.createElement("a");
    link.href = this.files.keep(name, bytes);
    link.download = name;
    link.className = "flambeau-download";
    link.textContent = `download ${name}`;
    this.pane.note(`torch.save: kept ${name} (${bytes.length} bytes) — `, link);
    return name;
  }

  async load(name: string): Promise<StateDict> {
    this.signal?.throwIfAborted();
    const file = this.files.open(name);
    if (!file) throw new Error(`torch.load: no '${name}' was saved or uploaded in this page`);
    const from = file.origin === "uploaded" ? `your uploaded file ${file.fileName}` : "the bytes saved above";
    const note = this.pane.note(`torch.load: ${name} from ${from} (${file.bytes.length} bytes)`);
    note.dataset.origin = file.origin;
    return torch.loadFromBytes(file.bytes);
  }

  /**
   * Resolves once every finished loop's chart shows all its points.
   *
   * @example
   * ```ts
   * await runLesson(lesson, host); await host.settled(); // the page is complete
   * ```
   */
  async settled(): Promise<void> {
    await Promise.all(this.charts);
  }
}
