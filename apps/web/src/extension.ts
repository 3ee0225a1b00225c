/** What a lesson's page may add to the generic page: panels above the output, run hooks. */
import type { FileShelf, BrowserRunResult } from "@flambeau/lesson-kit/browser";
import type { SingleRun } from "./single-run.js";

/** What an extension gets from the page. */
export interface PageParts {
  /** A place above the output pane, for the extension's own panel. */
  panel: HTMLElement;
  /** The page's saved and uploaded files. */
  files: FileShelf;
  /** The page's one-run-at-a-time control (a long job of the extension runs through it too). */
  runs: SingleRun;
  /** Runs the lesson again on the selected device. */
  rerun(): void;
}

/** The hooks of an extension, made once per page. */
export interface ExtensionHooks {
  /** A run starts: the previous run's results are gone. */
  beforeRun?(): void;
  /** A run ended well: its results. `signal` aborts when the next run starts. */
  afterRun?(run: BrowserRunResult<unknown>, signal: AbortSignal): void | Promise<void>;
}

/** Adds a lesson's own parts to its page. */
export type PageExtension = (parts: PageParts) => ExtensionHooks;
