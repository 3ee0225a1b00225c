/**
 * A lesson app: one source lesson ported line by line, runnable in any environment that gives it
 * a {@link LessonContext}.
 */
import type { LessonContext } from "./context.js";

/**
 * The source lesson a port follows (the texts live in `shared/lessons/` beside the repository),
 * or, for a lesson written for Flambeau (lesson 6), the PyTorch material it is modelled on.
 */
export interface LessonSource {
  /** The file name in `shared/lessons/`, e.g. `000_ce0fab5ca2992579.txt`; none for a lesson written for Flambeau. */
  readonly file?: string;
  /** The lesson's own title. */
  readonly title: string;
  /** Where the lesson was published, when it says. */
  readonly url?: string;
}

/**
 * Choices a host may pass to a lesson. Each lesson reads the ones it knows and documents them;
 * none changes the lesson's code path, only its starting values or how long it trains.
 */
export interface LessonOptions {
  /**
   * Seeds `torch.manual_seed` and `torch.np.random.seed` where the lesson draws random numbers
   * (the lessons do not seed; a port does, so runs repeat). Each lesson has its own default.
   */
  seed?: number;
  /**
   * Lesson 2: start the "from scratch" model from the `w` and `b` the lesson printed instead of
   * `torch.randn`, so every printed number of that part reproduces.
   */
  startFromLessonValues?: boolean;
  /**
   * Lesson 6: train this many epochs instead of the lesson's 4 (`--epochs N`, as PyTorch's MNIST
   * example takes it). Fewer is quicker and reads fewer digits right.
   */
  epochs?: number;
  /**
   * Lesson 6: end each epoch after this many training steps instead of a whole pass over the
   * training digits — a shortened run of the same code, for checks on slow devices.
   */
  stepsPerEpoch?: number;
}

/**
 * A lesson: `run` executes the whole lesson against a context and resolves to the numbers the
 * lesson computed (the tests assert these; they never recompute them).
 *
 * @example
 * ```ts
 * export const lesson: Lesson<MyResults> = {
 *   id: 3, slug: "lesson3-simple-regression", title: "…",
 *   source: { file: "002_fa3bef5be1d8f064.txt", title: "…" },
 *   async run(ctx) { ctx.print("hello"); return { … }; },
 * };
 * ```
 */
export interface Lesson<R = unknown> {
  /** 1 to 5, the order of `shared/lessons/README.md`; 6, the digits lesson written for Flambeau. */
  readonly id: number;
  /** The app's folder name, also the figures' folder: `out/<slug>/`. */
  readonly slug: string;
  /** A short title for menus and headings. */
  readonly title: string;
  /** The lesson text this app ports. */
  readonly source: LessonSource;
  /**
   * The lesson has a GPU part (lesson 5): hosts look for the best GPU for its
   * `ctx.accelerator`. Other lessons get their own device there, and no GPU is probed for them.
   */
  readonly usesAccelerator?: boolean;
  /** Runs the whole lesson. */
  run(ctx: LessonContext): Promise<R>;
}
