/**
 * The Node side of a lesson: printed text to the terminal (and recorded), figures and saved
 * models as files under the lesson's folder, progress bars on a terminal's stderr.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import * as torch from "flambeau";
import type { Figure, LessonHost, Progress, StateDict, StateDictLike } from "../context.js";
import { writeFigureFiles } from "./figures.js";
import { NO_PROGRESS, TerminalProgress, withTurns } from "./progress.js";

/** Where a {@link NodeHost} puts things. */
export interface NodeHostOptions {
  /** The lesson's folder for figures and saved models, e.g. `out/lesson1-movie-revenue`. */
  dir: string;
  /** Where printed text goes (default `process.stdout`); `null` only records it. */
  stdout?: NodeJS.WritableStream | null;
  /** Where progress bars are drawn, when it is a terminal (default `process.stderr`); `null` for none. */
  stderr?: NodeJS.WriteStream | null;
  /** Receives each long loop's steps instead of the terminal's bar (see `NodeRunOptions.progress`). */
  progress?: (total: number, label: string) => Progress;
}

/** A {@link LessonHost} for Node. */
export class NodeHost implements LessonHost {
  /** Every `print`'s text, in order. */
  readonly output: string[] = [];
  /** Every file written: figures (`.svg`, `.png`) and saved state dicts. */
  readonly files: string[] = [];
  private readonly dir: string;
  private readonly stdout: NodeJS.WritableStream | null;
  private readonly stderr: NodeJS.WriteStream | null;
  private bar: TerminalProgress | null = null;
  private readonly custom: ((total: number, label: string) => Progress) | null;

  constructor(options: NodeHostOptions) {
    this.dir = options.dir;
    this.stdout = options.stdout === undefined ? process.stdout : options.stdout;
    this.stderr = options.stderr === undefined ? process.stderr : options.stderr;
    this.custom = options.progress ?? null;
  }

  write(text: string): void {
    this.output.push(text);
    this.emit(text);
  }

  async showFigure(name: string, fig: Figure): Promise<void> {
    const paths = await writeFigureFiles(fig, this.dir, name);
    this.files.push(...paths);
    this.emit(`[figure ${name}: ${paths.join(", ")}]`);
  }

  progress(total: number, label: string): Progress {
    return withTurns(this.newProgress(total, label));
  }

  private newProgress(total: number, label: string): Progress {
    if (this.custom) return this.custom(total, label);
    if (!this.stderr?.isTTY) return NO_PROGRESS;
    this.bar?.done();
    const bar = new TerminalProgress(total, label, this.stderr);
    this.bar = bar;
    return {
      tick: (loss) => bar.tick(loss),
      done: () => {
        bar.done();
        if (this.bar === bar) this.bar = null;
      },
    };
  }

  async save(state_dict: StateDictLike, name: string): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, name);
    await torch.save(state_dict, path);
    this.files.push(path);
    return path;
  }

  load(name: string): Promise<StateDict> {
    return torch.load(join(this.dir, name));
  }

  // A line printed under a live bar takes the bar's line; the bar redraws beneath it.
  private emit(text: string): void {
    if (!this.stdout) return;
    const bar = this.bar;
    if (bar && (this.stdout as NodeJS.WriteStream).isTTY) bar.clearLine();
    this.stdout.write(text + "\n");
  }
}
