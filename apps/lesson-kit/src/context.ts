/**
 * What a lesson sees of its environment. Node (the `pnpm demo` runner, tests) and the browser
 * (the web app) each implement a {@link LessonHost}; {@link createContext} turns it into the
 * {@link LessonContext} a lesson runs against, so a lesson's code is the same in both.
 */
import type * as torch from "flambeau";
import type * as plotting from "@flambeau/plotting";
import type { LessonOptions } from "./lesson.js";

/** The `flambeau` namespace, as `import * as torch from "flambeau"` gives it. */
export type Torch = typeof torch;

/** A figure of `@flambeau/plotting` (pyplot's `plt.gcf()`, plotly's `plot(…)`). */
export type Figure = plotting.Figure;

/** A state dict as `torch.load` gives it back. */
export type StateDict = torch.nn.StateDict;

/** What `torch.save` accepts: a module's `state_dict()` (or any map of names to tensors). */
export type StateDictLike = torch.nn.StateDictLike;

/** A long loop's progress: a terminal progress bar in Node, a live loss chart in the browser. */
export interface Progress {
  /**
   * One step done; `loss` (a number or a one-element tensor on any device) is shown beside the
   * bar or added to the chart. Tensors are read without blocking the loop.
   *
   * Loops `await` it: a page must get a turn now and then to draw the chart while a loop runs
   * on the CPU, so the browser returns a promise a few times a second that resolves after the
   * page's turn. Node does the same, so that the finalizers of a loop's garbage tensors get to
   * free their GPU memory while it runs.
   */
  tick(loss?: number | torch.Tensor): void | Promise<void>;
  /** The loop is over: the bar is removed, the chart keeps its last state. */
  done(): void;
}

/** Everything a lesson uses besides `flambeau` itself. */
export interface LessonContext {
  /** `import * as torch from "flambeau"`, for lessons that want it from the context. */
  readonly torch: Torch;
  /**
   * The device the lesson runs on (the `--device` flag, the web app's selector). It is set as
   * `torch.set_default_device` while the lesson runs, so tensors are created there.
   */
  readonly device: torch.Device;
  /**
   * The GPU for lesson 5's "GPU version" (a lesson with `usesAccelerator`): the chosen device
   * when one was chosen, else the best available GPU (WebGPU, then gpu.js), else the CPU. Other
   * lessons get {@link device} here.
   */
  readonly accelerator: torch.Device;
  /** The host's choices for this run. */
  readonly options: Readonly<LessonOptions>;
  /** Python's `print(*values)`: tensors as PyTorch prints them, numbers as Python does. */
  print(...values: unknown[]): void;
  /** Python's `pprint.pprint(value)`. */
  pprint(value: unknown): void;
  /**
   * Shows a figure — what `plt.show()` / plotly's `plot(…)` do in the lesson. Without `fig`, the
   * current pyplot figure is shown and closed. Node writes `out/<slug>/<name>.svg` and `.png`;
   * the browser draws it in the page. `name` is lower-case words joined by `-`.
   */
  figure(name: string, fig?: Figure): Promise<void>;
  /** A progress display for a loop of `total` steps. */
  progress(total: number, label: string): Progress;
  /**
   * `torch.save(state_dict, name)`: Node writes `out/<slug>/<name>` with `torch.save`; the
   * browser keeps the bytes (and offers them as a download). Resolves to where it went.
   */
  save(state_dict: StateDictLike, name: string): Promise<string>;
  /** `torch.load(name)` of something {@link save}d before (or, in the browser, uploaded). */
  load(name: string): Promise<StateDict>;
}

/** What an environment provides; {@link createContext} adds Python-style printing and ordering. */
export interface LessonHost {
  /** One `print`'s text, without the final newline (it may hold newlines). */
  write(text: string): void;
  /** Shows or stores a figure; called after every earlier `print` has been written. */
  showFigure(name: string, fig: Figure): Promise<void>;
  /** A progress display for a loop of `total` steps. */
  progress(total: number, label: string): Progress;
  /** Stores a state dict under `name`; resolves to where it went (a path, a name). */
  save(state_dict: StateDictLike, name: string): Promise<string>;
  /** Loads the state dict stored under `name`. */
  load(name: string): Promise<StateDict>;
}
